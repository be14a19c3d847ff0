/**
 * One way a SOP file fails its JSON Schema (STYLE.md "Declarative, machine-checked inputs": the
 * error points at the field). `path` is written as a reader would look the field up, e.g.
 * `structures[2].thresholds.minDice`; the document itself is `(root)`.
 */
export class SopValidationError extends Error {
  readonly path: string;
  readonly reason: string;

  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`);
    this.name = 'SopValidationError';
    this.path = path;
    this.reason = reason;
  }
}

/** The path the document itself is given. */
export const SOP_ROOT_PATH = '(root)';

/** `parent.key` (`parent["odd key"]` for a key that is not an identifier), or `key` at the root. */
export function childPath(parent: string, key: string): string {
  const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key);
  if (parent === SOP_ROOT_PATH) return identifier ? key : `[${JSON.stringify(key)}]`;
  return identifier ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

/** `parent[index]`. */
export function itemPath(parent: string, index: number): string {
  return parent === SOP_ROOT_PATH ? `[${index}]` : `${parent}[${index}]`;
}
