/**
 * The first data element whose encoding differs between two versions of a dataset, but those left
 * out: what the gateway checks after re-encoding an object it rewrote (a report it signed), so that
 * nothing but what it added changes. Compared as encoded (tag, VR, value bytes, items, fragments),
 * which is what a signature covers and what a reader decodes.
 */
import { tagString, type RawElement } from '@segqc/core';

/** `(gggg,eeee)` of the first element added, removed or changed, nested ones as a path; undefined when none. */
export function changedElement(before: readonly RawElement[], after: readonly RawElement[], leftOut: ReadonlySet<number> = new Set()): string | undefined {
  const a = before.filter((element) => !leftOut.has(element.tag));
  const b = after.filter((element) => !leftOut.has(element.tag));
  for (let n = 0; n < Math.max(a.length, b.length); n++) {
    const x = a[n];
    const y = b[n];
    // Added or removed: the element met first in tag order.
    if (!x || !y) return tagString((x ?? y)!.tag);
    if (x.tag !== y.tag) return tagString(Math.min(x.tag, y.tag));
    const inside = changedWithin(x, y);
    if (inside !== undefined) return inside === '' ? tagString(x.tag) : `${tagString(x.tag)}${inside}`;
  }
  return undefined;
}

/** '' when the element itself differs, `[item]…` for a nested difference, undefined when equal. */
function changedWithin(x: RawElement, y: RawElement): string | undefined {
  if (x.vr !== y.vr || !sameBytes(x.value, y.value)) return '';
  const fragmentsX = x.fragments ?? [];
  const fragmentsY = y.fragments ?? [];
  if (fragmentsX.length !== fragmentsY.length || fragmentsX.some((fragment, n) => !sameBytes(fragment, fragmentsY[n]))) return '';
  const itemsX = x.items ?? [];
  const itemsY = y.items ?? [];
  if (itemsX.length !== itemsY.length) return '';
  for (let n = 0; n < itemsX.length; n++) {
    const inside = changedElement(itemsX[n]!, itemsY[n]!);
    if (inside !== undefined) return `[${n}]${inside}`;
  }
  return undefined;
}

function sameBytes(x: Uint8Array | undefined, y: Uint8Array | undefined): boolean {
  if (x === undefined || y === undefined) return x === y;
  return x.length === y.length && x.every((byte, n) => byte === y[n]);
}
