// Test fixture: QC reports on the demo cohort's real SEGs and source series (CT chest ct-01 with
// three annotators, MR brain mr-01 with two), as QcReportInit, with the files the validators check
// them against. Generated once per case.
import { demoCohort, generateDemoFiles } from '@segqc/demo-data';
import { ENGINE } from '../agreement/engineVersion';
import { uidFromName } from '../dicom/uid';
import { readSegmentation } from '../seg/read/readSegmentation';
import { readSourceImages } from '../seg/read/readSourceImages';
import { qcReportSeriesUid } from './buildQcReport';
import { describeJudgedSeg } from './describeJudgedSeg';
import { judgeSegmentations, type JudgedSegmentation } from './judgeSegmentations';
import type { QcReportInit } from './QcReport';
import { reportSourceSeries } from './reportSourceSeries';

export interface DemoReportCase {
  init: QcReportInit;
  /** The judged SEGs and the source series: what dcentvfy checks the report against. */
  evidence: Uint8Array[];
  judged: JudgedSegmentation[];
}

const cache = new Map<string, { files: Array<{ path: string; bytes: Uint8Array }> }>();

function files(caseId: string) {
  if (!cache.has(caseId)) cache.set(caseId, { files: [...generateDemoFiles({ cases: [caseId] })] });
  return cache.get(caseId)!.files;
}

/**
 * A report on demo case `caseId` judging the SEGs of `annotators` (keys, e.g. `rivera`), in that
 * order (A, B, …); `extra` overrides any field.
 */
export function demoReport(caseId: string, annotators: readonly string[], extra: Partial<QcReportInit> = {}): DemoReportCase {
  const all = files(caseId);
  const segFiles = annotators.map((key) => {
    const file = all.find((f) => f.path === `${caseId}/seg/${key}.dcm`);
    if (!file) throw new Error(`no SEG ${caseId}/seg/${key}.dcm in the demo cohort`);
    return file.bytes;
  });
  const infos = segFiles.map(describeJudgedSeg);
  const sourceSeries = infos[0].sourceSeriesInstanceUid;
  // The image series' folders (the case's SEGs, reference SEG and QC report are in folders of their own).
  const imageFolders = demoCohort({ cases: [caseId] })[0].series.map((series) => `${caseId}/${series.folder}/`);
  const imageFiles = all.filter((f) => imageFolders.some((folder) => f.path.startsWith(folder))).map((f) => f.bytes);
  const allImages = readSourceImages(imageFiles);
  const sourceIndices = allImages.flatMap((image, n) => (image.SeriesInstanceUID === sourceSeries ? [n] : []));
  const sourceImages = sourceIndices.map((n) => allImages[n]);
  const { library, sliceImages } = reportSourceSeries(sourceImages);
  const judged = segFiles.map((bytes, n) => ({ info: infos[n], segmentation: readSegmentation(bytes, sourceImages) }));
  const { structures, conventions } = judgeSegmentations(judged, { sliceImages });
  const study = infos[0].subject.StudyInstanceUID;
  const init: QcReportInit = {
    sopInstanceUid: uidFromName(`qc report fixture ${caseId} ${annotators.join(' ')} ${JSON.stringify(extra.verification ?? '')} ${extra.instanceNumber ?? 1}`),
    seriesInstanceUid: qcReportSeriesUid(study),
    seriesNumber: 990,
    instanceNumber: 1,
    contentDate: '20260302',
    contentTime: '101500',
    subject: infos[0].subject,
    observer: { name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'reviewer' },
    algorithm: { name: ENGINE.name, version: ENGINE.version, conventions },
    imageLibrary: [library],
    structures,
    ...extra,
  };
  return { init, evidence: [...segFiles, ...sourceIndices.map((n) => imageFiles[n])], judged };
}
