/**
 * What kind of stored object a SOP Class UID or a series' Modality names, as the role policy
 * distinguishes them (rolePolicy.ts): segmentations, structured reports (QC reports, key object
 * selections), presentation states, and everything else — the source images.
 */
export type StoredObjectKind = 'segmentation' | 'structured-report' | 'presentation-state' | 'image';

const SEGMENTATION_CLASSES = new Set([
  '1.2.840.10008.5.1.4.1.1.66.4', // Segmentation Storage
  '1.2.840.10008.5.1.4.1.1.66.7', // Label Map Segmentation Storage
]);
// PS3.4 Annex B: every SR Storage SOP Class (88.x, Key Object Selection 88.59 among them) and every
// Presentation State Storage SOP Class (11.x).
const SR_CLASS_ROOT = '1.2.840.10008.5.1.4.1.1.88.';
const PRESENTATION_STATE_CLASS_ROOT = '1.2.840.10008.5.1.4.1.1.11.';

const KIND_OF_MODALITY: ReadonlyMap<string, StoredObjectKind> = new Map([
  ['SEG', 'segmentation'],
  ['SR', 'structured-report'],
  ['KO', 'structured-report'],
  ['PR', 'presentation-state'],
]);

export function kindOfSopClass(sopClassUid: string): StoredObjectKind {
  if (SEGMENTATION_CLASSES.has(sopClassUid)) return 'segmentation';
  if (sopClassUid.startsWith(SR_CLASS_ROOT)) return 'structured-report';
  if (sopClassUid.startsWith(PRESENTATION_STATE_CLASS_ROOT)) return 'presentation-state';
  return 'image';
}

export function kindOfModality(modality: string): StoredObjectKind {
  return KIND_OF_MODALITY.get(modality.trim().toUpperCase()) ?? 'image';
}
