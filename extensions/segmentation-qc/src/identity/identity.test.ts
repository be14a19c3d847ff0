/**
 * Who the user is: the OIDC login when OHIF has one (getUser()'s profile), else the name and login
 * the user typed, remembered in localStorage under segqc.identity and marked self-declared. Typed
 * names are recorded as typed; `Family^Given` is taken as a structured DICOM person name.
 */
import { currentIdentity } from './currentIdentity';
import { IdentityError } from './Identity';
import { identityFromUser } from './identityFromUser';
import { personNameFromProfile, personNameFromTyped } from './personName';
import {
  IDENTITY_STORAGE_KEY, forgetSelfDeclaredIdentity, readSelfDeclaredIdentity, saveSelfDeclaredIdentity, selfDeclaredIdentity, type StorageLike,
} from './selfDeclaredIdentity';
import { memoryStorage } from './memoryStorage.fixture';


const refusal = (run: () => unknown): [string, string] | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof IdentityError) return [error.field, error.reason];
    throw error;
  }
  return undefined;
};

const ISS = 'https://login.hospital.example/realms/radiology';

describe('the OIDC login', () => {
  test('name, preferred_username and family/given names from the profile; authenticated by iss and sub', () => {
    const user = { profile: { iss: ISS, sub: 'f3a9-77', name: 'Ana Rivera', preferred_username: 'arivera', given_name: 'Ana', family_name: 'Rivera' } };
    expect(identityFromUser(user)).toEqual({ name: 'Ana Rivera', personName: 'Rivera^Ana', login: 'arivera', authentication: { issuer: ISS, subject: 'f3a9-77' } });
  });

  test('sub when there is no preferred_username; the name as one PN component without family/given', () => {
    const authentication = { issuer: ISS, subject: 'f3a9-77' };
    expect(identityFromUser({ profile: { iss: ISS, sub: 'f3a9-77', name: 'Dr. Wei Chen' } })).toEqual({ name: 'Dr. Wei Chen', personName: 'Dr. Wei Chen', login: 'f3a9-77', authentication });
    expect(identityFromUser({ profile: { iss: ISS, sub: 'f3a9-77' } })).toEqual({ name: 'f3a9-77', personName: 'f3a9-77', login: 'f3a9-77', authentication });
  });

  test('a profile the writers cannot record as a sign-in (no iss, an iss that is no URL) is not authenticated: what is written says self-declared', () => {
    expect(identityFromUser({ profile: { sub: 'f3a9-77', preferred_username: 'arivera' } })).toEqual({ name: 'arivera', personName: 'arivera', login: 'arivera' });
    expect(identityFromUser({ profile: { iss: 'radiology', sub: 'f3a9-77', preferred_username: 'arivera' } })?.authentication).toBeUndefined();
    expect(identityFromUser({ profile: { iss: ISS, preferred_username: 'arivera' } })?.authentication).toBeUndefined();
  });

  test('nobody signed in', () => {
    expect(identityFromUser(undefined)).toBeNull();
    expect(identityFromUser(null)).toBeNull();
    expect(identityFromUser({})).toBeNull();
    expect(identityFromUser({ profile: { name: 'No Login' } })).toBeNull();
  });

  test('a profile name a PN cannot hold is cleaned, not refused (the provider chose it)', () => {
    expect(personNameFromProfile({ name: 'A\\B^C=D\u0007 E' }, 'x')).toBe('A B C D E');
    const long = personNameFromProfile({ given_name: 'G'.repeat(40), family_name: 'F'.repeat(40) }, 'x');
    expect(long).toBe(`${'F'.repeat(32)}^${'G'.repeat(31)}`);
    expect(long).toHaveLength(64);
  });
});

describe('a self-declared identity', () => {
  test('plain text is recorded as typed; Family^Given as a structured PN', () => {
    expect(selfDeclaredIdentity({ name: ' Ana Rivera ', login: ' arivera ' })).toEqual({ name: 'Ana Rivera', personName: 'Ana Rivera', login: 'arivera' }); // no authentication: self-declared
    expect(selfDeclaredIdentity({ name: 'Rivera^Ana', login: 'arivera' })).toEqual({ name: 'Rivera^Ana', personName: 'Rivera^Ana', login: 'arivera' });
    expect(personNameFromTyped('Yamada^Tarou=山田^太郎')).toBe('Yamada^Tarou=山田^太郎');
  });

  test('what cannot be recorded is refused naming the field', () => {
    expect(refusal(() => selfDeclaredIdentity({ name: '  ', login: 'a' }))).toEqual(['name', 'is required']);
    expect(refusal(() => selfDeclaredIdentity({ name: '^^', login: 'a' }))).toEqual(['name', 'is required and must name a person']);
    expect(refusal(() => selfDeclaredIdentity({ name: 'A\\B', login: 'a' }))).toEqual(['name', 'must not contain a backslash (PN)']);
    expect(refusal(() => selfDeclaredIdentity({ name: 'a^b^c^d^e^f', login: 'a' }))).toEqual(['name', '"a^b^c^d^e^f" has more than 5 components (PN)']);
    expect(refusal(() => selfDeclaredIdentity({ name: 'x'.repeat(65), login: 'a' }))?.[1]).toMatch(/longer than 64 characters/);
    expect(refusal(() => selfDeclaredIdentity({ name: 'Ana', login: '' }))).toEqual(['login', 'is required']);
    expect(refusal(() => selfDeclaredIdentity({ name: 'Ana', login: 'a rivera' }))).toEqual(['login', 'must not contain spaces']);
    expect(refusal(() => selfDeclaredIdentity({ name: 'Ana', login: 'a'.repeat(65) }))).toEqual(['login', 'is 65 characters, more than the 64 of LO']);
  });

  test('remembered under segqc.identity (name and login only), read back, forgotten', () => {
    const storage = memoryStorage();
    const saved = saveSelfDeclaredIdentity(storage, { name: 'Rivera^Ana', login: 'arivera' });
    expect(storage.items).toEqual({ [IDENTITY_STORAGE_KEY]: '{"name":"Rivera^Ana","login":"arivera"}' });
    expect(readSelfDeclaredIdentity(storage)).toEqual(saved);
    forgetSelfDeclaredIdentity(storage);
    expect(storage.items).toEqual({});
    expect(readSelfDeclaredIdentity(storage)).toBeNull();
  });

  test('nothing remembered for corrupt or invalid stored values, or without storage; a refusing storage keeps it for the page', () => {
    expect(readSelfDeclaredIdentity(memoryStorage({ [IDENTITY_STORAGE_KEY]: '{not json' }))).toBeNull();
    expect(readSelfDeclaredIdentity(memoryStorage({ [IDENTITY_STORAGE_KEY]: '{"name":"Ana"}' }))).toBeNull();
    expect(readSelfDeclaredIdentity(memoryStorage({ [IDENTITY_STORAGE_KEY]: '{"name":"A\\\\B","login":"a"}' }))).toBeNull();
    expect(readSelfDeclaredIdentity(null)).toBeNull();
    const full: StorageLike = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => undefined };
    expect(saveSelfDeclaredIdentity(full, { name: 'Ana', login: 'ana' })).toEqual({ name: 'Ana', personName: 'Ana', login: 'ana' }); // no authentication: self-declared
  });
});

test('currentIdentity: the login wins over a remembered declaration; without either, nobody', () => {
  const storage = memoryStorage({ [IDENTITY_STORAGE_KEY]: '{"name":"Chen^Wei","login":"wchen"}' });
  // services.ts's AuthenticatedUser does not list `iss`; an oidc-client User's profile has it.
  const user = { profile: { iss: ISS, sub: 's', preferred_username: 'arivera', name: 'Ana Rivera' } };
  const signedIn = { getUser: () => user };
  expect(currentIdentity(signedIn, storage)).toMatchObject({ login: 'arivera', authentication: { issuer: ISS, subject: 's' } });
  // OHIF without OIDC: getUser() returns nothing (its default implementation only warns).
  expect(currentIdentity({ getUser: () => undefined }, storage)).toEqual({ name: 'Chen^Wei', personName: 'Chen^Wei', login: 'wchen' }); // self-declared
  expect(currentIdentity({}, storage)).toMatchObject({ login: 'wchen' });
  expect(currentIdentity({ getUser: () => null }, memoryStorage())).toBeNull();
});
