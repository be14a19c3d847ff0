/** One field that differs between two JSON documents, by its path (`structures[1].thresholds.dice`). */
export interface FieldChange {
  path: string;
  change: 'added' | 'removed' | 'changed';
  /** Absent for an added field. */
  before?: unknown;
  /** Absent for a removed field. */
  after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const childPath = (path: string, key: string | number): string => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`);

/**
 * The field-level difference of two parsed JSON documents, in document order: objects are compared
 * key by key and arrays item by item (an item inserted in the middle shows as every later item
 * changed — a SOP's structures are few, and the reader sees each field that moved); anything else
 * that is not the same value is one changed field.
 */
export function jsonFieldDiff(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !(key in before))];
    return keys.flatMap((key) => {
      if (!(key in after)) return [{ path: childPath(path, key), change: 'removed' as const, before: before[key] }];
      if (!(key in before)) return [{ path: childPath(path, key), change: 'added' as const, after: after[key] }];
      return jsonFieldDiff(before[key], after[key], childPath(path, key));
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => {
      if (i >= after.length) return [{ path: childPath(path, i), change: 'removed' as const, before: before[i] }];
      if (i >= before.length) return [{ path: childPath(path, i), change: 'added' as const, after: after[i] }];
      return jsonFieldDiff(before[i], after[i], childPath(path, i));
    }).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, change: 'changed', before, after }];
}
