type TimerGlobal = { setTimeout(callback: () => void, ms: number): unknown };

/**
 * A promise that resolves after `ms` — through `globalThis.setTimeout`, which Node, browsers and
 * Web Workers all have but packages/core's types (ES2022 only) do not declare.
 */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => (globalThis as unknown as TimerGlobal).setTimeout(resolve, ms));
}
