/**
 * The self-declared identity lives in the tab's sessionStorage, never in localStorage: on a shared
 * workstation the next person to open the viewer would otherwise write under the last one's name.
 * What earlier versions left in localStorage is deleted when the viewer loads. The outbox follows
 * each declaration (and each "Forget me") through onSelfDeclaredIdentityChange.
 */
import {
  IDENTITY_STORAGE_KEY, browserStorage, forgetSelfDeclaredIdentity, onSelfDeclaredIdentityChange, removeIdentityFromLocalStorage,
  saveSelfDeclaredIdentity, type StorageLike,
} from './selfDeclaredIdentity';
import { memoryStorage } from './memoryStorage.fixture';


const page = globalThis as unknown as { sessionStorage?: StorageLike; localStorage?: StorageLike };

afterEach(() => {
  delete page.sessionStorage;
  delete page.localStorage;
});

test("remembered in the tab's sessionStorage, nothing in localStorage", () => {
  const session = memoryStorage();
  const local = memoryStorage();
  Object.assign(page, { sessionStorage: session, localStorage: local });
  expect(browserStorage()).toBe(session);
  saveSelfDeclaredIdentity(browserStorage(), { name: 'Chen^Wei', login: 'wchen' });
  expect(session.items).toEqual({ [IDENTITY_STORAGE_KEY]: '{"name":"Chen^Wei","login":"wchen"}' });
  expect(local.items).toEqual({});
});

test('no sessionStorage (or access refused): nothing is remembered', () => {
  expect(browserStorage()).toBeNull();
  Object.defineProperty(page, 'sessionStorage', { configurable: true, get: () => { throw new DOMException('denied', 'SecurityError'); } });
  expect(browserStorage()).toBeNull();
});

test("an identity earlier versions left in localStorage is deleted, and nothing else of the viewer's", () => {
  const local = memoryStorage({ [IDENTITY_STORAGE_KEY]: '{"name":"Rivera^Ana","login":"arivera"}', 'ohif-user-preferences': '{}' });
  page.localStorage = local;
  removeIdentityFromLocalStorage();
  expect(local.items).toEqual({ 'ohif-user-preferences': '{}' });
  expect(() => removeIdentityFromLocalStorage(null)).not.toThrow();
});

test('each declaration and each "Forget me" is announced; a refused declaration is not', () => {
  const storage = memoryStorage();
  const heard: string[] = [];
  const stop = onSelfDeclaredIdentityChange(() => heard.push(storage.items[IDENTITY_STORAGE_KEY] ?? 'forgotten'));
  saveSelfDeclaredIdentity(storage, { name: 'Chen^Wei', login: 'wchen' });
  expect(() => saveSelfDeclaredIdentity(storage, { name: 'Chen^Wei', login: 'w chen' })).toThrow('login: must not contain spaces');
  forgetSelfDeclaredIdentity(storage);
  stop();
  saveSelfDeclaredIdentity(storage, { name: 'Singh^Priya', login: 'psingh' });
  expect(heard).toEqual(['{"name":"Chen^Wei","login":"wchen"}', 'forgotten']);
});
