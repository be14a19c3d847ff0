/**
 * A SOP's words for its structures: each structure's label and its synonyms ("R lung", "Right
 * Lung", "lung_right" …), compared case- and punctuation-insensitively. Segments another tool wrote
 * often say what they are only by a typed label (OHIF's export codes every segment as "Tissue"), so
 * a label in the vocabulary names the SOP structure; one in none stays unmatched and is shown so.
 */
import type { SopStructure } from './Sop';

/** Lower case, every run of characters that are not letters or digits as one space, trimmed: "Lung_Right" → "lung right". */
export function vocabularyKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The index of the one structure whose label or synonym `label` is, or null. */
export function sopStructureNamed(label: string, structures: readonly SopStructure[]): number | null {
  const key = vocabularyKey(label);
  if (key === '') return null;
  const named = structures.flatMap((structure, index) => ([structure.label, ...(structure.synonyms ?? [])].some((word) => vocabularyKey(word) === key) ? [index] : []));
  return named.length === 1 ? named[0]! : null;
}
