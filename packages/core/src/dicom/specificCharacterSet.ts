/**
 * Specific Character Set (0008,0005) for a dataset we write. dcmjs encodes text as UTF-8, so a
 * dataset whose strings are all ASCII needs no declaration (the default repertoire), and any
 * other needs ISO_IR 192 (UTF-8, PS3.3 C.12.1.1.2).
 */
import type { NaturalDataset } from './NaturalDataset';

export function specificCharacterSetFor(dataset: NaturalDataset): 'ISO_IR 192' | undefined {
  return hasNonAscii(dataset) ? 'ISO_IR 192' : undefined;
}

function hasNonAscii(value: unknown): boolean {
  if (typeof value === 'string') return /[^\u0000-\u007f]/.test(value);
  if (Array.isArray(value)) return value.some(hasNonAscii);
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof ArrayBuffer)) {
    return Object.values(value).some(hasNonAscii);
  }
  return false;
}
