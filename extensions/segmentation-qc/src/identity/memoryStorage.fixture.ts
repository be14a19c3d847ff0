import type { StorageLike } from './selfDeclaredIdentity';

/** A Web Storage of the test's own, its items visible. */
export function memoryStorage(initial: Record<string, string> = {}): StorageLike & { items: Record<string, string> } {
  const items = { ...initial };
  return {
    items,
    getItem: (key) => (key in items ? items[key] : null),
    setItem: (key, value) => void (items[key] = value),
    removeItem: (key) => void delete items[key],
  };
}
