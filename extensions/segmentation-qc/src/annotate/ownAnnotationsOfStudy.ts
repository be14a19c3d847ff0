import {
  inventorySeg, jsonString, retrieveSeriesMetadata, searchForSeries,
  type AuthenticatedIdentity, type DicomwebReadOptions, type InventorySeg, type ParsedSopReference,
} from '@segqc/core';

/** One of the annotator's own earlier SEGs of the study. */
export interface OwnAnnotation {
  studyInstanceUid: string;
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** ContentDate `YYYYMMDD` and ContentTime, when written. */
  contentDate?: string;
  contentTime?: string;
  contentLabel?: string;
  /** The SOP it was made under (ProtocolName), when it holds a SOP reference. */
  sop: ParsedSopReference | null;
  /** Segment labels, in SegmentSequence order. */
  structures: string[];
  /** The series it was drawn on (ReferencedSeriesSequence). */
  sourceSeriesInstanceUid?: string;
  /** The creator's sign-in as the SEG records it (core segCreatorIdentity); absent: self-declared. */
  authentication?: AuthenticatedIdentity;
}

/** SeriesInstanceUID of a QIDO-RS series result. */
const SERIES_INSTANCE_UID = '0020000E';

/** The inventory's reading of the SEG (core inventorySeg), in the annotator view's terms. */
function ownAnnotation(studyInstanceUid: string, seg: InventorySeg): OwnAnnotation {
  return {
    studyInstanceUid,
    seriesInstanceUid: seg.seriesInstanceUid,
    sopInstanceUid: seg.sopInstanceUid,
    contentDate: seg.contentDate ?? undefined,
    contentTime: seg.contentTime ?? undefined,
    contentLabel: seg.contentLabel ?? undefined,
    sop: seg.sop,
    structures: seg.segmentLabels,
    sourceSeriesInstanceUid: seg.sourceSeriesInstanceUid ?? undefined,
    ...(seg.creator.authentication ? { authentication: seg.creator.authentication } : {}),
  };
}

/**
 * The SEGs of a study made by `login` (ContentCreatorIdentificationCodeSequence), latest first:
 * QIDO-RS finds the study's SEG series, WADO-RS series metadata (no pixel data) tells each SEG's
 * creator. Other annotators' SEGs are read no further and never shown: the annotator stays blinded.
 */
export async function ownAnnotationsOfStudy(root: string, studyInstanceUid: string, login: string, options: DicomwebReadOptions): Promise<OwnAnnotation[]> {
  const series = await searchForSeries(root, { studyInstanceUid }, { match: { Modality: 'SEG' } }, options);
  const own: OwnAnnotation[] = [];
  for (const entry of series) {
    const seriesInstanceUid = jsonString(entry, SERIES_INSTANCE_UID);
    if (!seriesInstanceUid) continue;
    for (const instance of await retrieveSeriesMetadata(root, { studyInstanceUid, seriesInstanceUid }, options)) {
      const seg = inventorySeg(instance, seriesInstanceUid);
      if (seg && seg.creator.login === login) own.push(ownAnnotation(studyInstanceUid, seg));
    }
  }
  const when = (a: OwnAnnotation) => `${a.contentDate ?? ''}${a.contentTime ?? ''}`;
  return own.sort((a, b) => when(b).localeCompare(when(a)) || a.sopInstanceUid.localeCompare(b.sopInstanceUid));
}

