/**
 * Reading values out of a naturalized dataset (dcmjs), whose shapes vary with the writer: a
 * sequence may come as a list or a single item, a value as a list or itself.
 */
import type { NaturalDataset } from './NaturalDataset';

/** A sequence's items: an array, or one item given as itself. */
export function sequenceItems(value: unknown): NaturalDataset[] {
  const list = Array.isArray(value) ? value : value !== null && typeof value === 'object' ? [value] : [];
  return list.filter((item): item is NaturalDataset => item !== null && typeof item === 'object' && !Array.isArray(item));
}

/** The first value as text without padding, or undefined when there is none. */
export function firstText(value: unknown): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return typeof single === 'string' && single.trim() !== '' ? single.trim() : undefined;
}
