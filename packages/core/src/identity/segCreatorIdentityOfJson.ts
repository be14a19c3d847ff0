/**
 * segCreatorIdentity of a SEG's DICOM JSON (WADO-RS metadata or a search answer): only the
 * attributes it reads are naturalized, not the SEG's thousands of per-frame items. A header whose
 * sequences nest past MAX_SEQUENCE_DEPTH is hostile: nothing of it is read (no creator).
 */
import type { DicomJsonDataset } from '../dicomweb/dicomJson';
import { naturalizeDicomJson } from '../dicomweb/naturalizeDicomJson';
import { segCreatorIdentity, type SegCreatorIdentity } from './segCreatorIdentity';

/** ContentDescription, ContentLabel, ContentCreatorName, the creator's codes, the coding schemes. */
const CREATOR_TAGS = ['00700081', '00700080', '00700084', '00700086', '00080110'];

export function segCreatorIdentityOfJson(instance: DicomJsonDataset): SegCreatorIdentity {
  const part: DicomJsonDataset = Object.fromEntries(CREATOR_TAGS.flatMap((tag) => (instance[tag] !== undefined ? [[tag, instance[tag]]] : [])));
  try {
    return segCreatorIdentity(naturalizeDicomJson(part));
  } catch {
    return {};
  }
}
