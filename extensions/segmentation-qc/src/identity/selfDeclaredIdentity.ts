/**
 * The identity a user types when the viewer has no login: checked so that it can be recorded in
 * DICOM, and remembered in this tab's sessionStorage under IDENTITY_STORAGE_KEY (name and login as
 * typed; nothing else). It is self-declared and is recorded as such. Not localStorage: on a shared
 * workstation the next user would inherit it; a tab's sessionStorage goes with the tab.
 */
import { DicomValueError, checkLongString } from '@segqc/core';
import { IdentityError, type Identity } from './Identity';
import { personNameFromTyped } from './personName';

export const IDENTITY_STORAGE_KEY = 'segqc.identity';

/** The part of Web Storage used here. */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface SelfDeclaredIdentityInput {
  name: string;
  login: string;
}

/** The identity for what the user typed; IdentityError naming the first field that cannot be recorded. */
export function selfDeclaredIdentity(input: SelfDeclaredIdentityInput): Identity {
  const personName = personNameFromTyped(input.name);
  const login = input.login.trim();
  if (login === '') throw new IdentityError('login', 'is required');
  if (/\s/.test(login)) throw new IdentityError('login', 'must not contain spaces');
  try {
    checkLongString(login, 'login');
  } catch (error) {
    if (error instanceof DicomValueError) throw new IdentityError('login', error.reason);
    throw error;
  }
  return { name: input.name.trim(), personName, login };
}

/** The remembered identity, or null when there is none or it no longer passes the checks. */
export function readSelfDeclaredIdentity(storage: StorageLike | null): Identity | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(IDENTITY_STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (stored === null || typeof stored !== 'object') return null;
  const { name, login } = stored as Partial<SelfDeclaredIdentityInput>;
  if (typeof name !== 'string' || typeof login !== 'string') return null;
  try {
    return selfDeclaredIdentity({ name, login });
  } catch {
    return null;
  }
}

const changeListeners = new Set<() => void>();

/** Calls `listener` each time this page saves or forgets a self-declared identity (the outbox follows who is working). */
export function onSelfDeclaredIdentityChange(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function announceChange(): void {
  for (const listener of changeListeners) listener();
}

/** Check and remember; a browser that refuses storage (private mode, quota) keeps it for this page only. */
export function saveSelfDeclaredIdentity(storage: StorageLike | null, input: SelfDeclaredIdentityInput): Identity {
  const identity = selfDeclaredIdentity(input);
  try {
    storage?.setItem(IDENTITY_STORAGE_KEY, JSON.stringify({ name: identity.name, login: identity.login }));
  } catch {
    // Not remembered across pages; the identity still holds for this one.
  }
  announceChange();
  return identity;
}

export function forgetSelfDeclaredIdentity(storage: StorageLike | null): void {
  try {
    storage?.removeItem(IDENTITY_STORAGE_KEY);
  } catch {
    // Nothing was remembered.
  }
  announceChange();
}

/** Web Storage of this page, or null where it is unavailable (access can throw in sandboxed frames). */
function pageStorage(kind: 'sessionStorage' | 'localStorage'): StorageLike | null {
  try {
    return globalThis[kind] ?? null;
  } catch {
    return null;
  }
}

/** Where the self-declared identity is remembered: this tab's sessionStorage, or null where it is unavailable. */
export function browserStorage(): StorageLike | null {
  return pageStorage('sessionStorage');
}

/** Deletes the identity earlier SegQC versions remembered in localStorage, which every later user of the browser would have inherited. */
export function removeIdentityFromLocalStorage(local: StorageLike | null = pageStorage('localStorage')): void {
  try {
    local?.removeItem(IDENTITY_STORAGE_KEY);
  } catch {
    // Nothing can be kept where storage is refused.
  }
}
