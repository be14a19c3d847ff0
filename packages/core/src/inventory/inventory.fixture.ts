// Test fixture: a fake DICOMweb PACS for the inventory, answering QIDO-RS searches (studies with
// limit/offset, series, instances), WADO-RS series metadata and instance retrieval from an
// in-memory list of studies, in the shapes Orthanc answers (dicomwebRead.fixture); and SEG
// metadata as the SEG writer's attributes appear in DICOM JSON.
import { orthancJson, orthancMultipart, orthancNotFound, responseOf, type RecordedAnswer } from '../dicomweb/dicomwebRead.fixture';
import type { DicomJsonDataset } from '../dicomweb/dicomJson';
import type { ReadFetchLike, ReadFetchLikeInit } from '../dicomweb/ReadFetchLike';
import { SOP_CLASS } from '../dicom/sopClasses';
import { uidFromName } from '../dicom/uid';

export const ROOT = 'https://pacs.test/dicom-web';
export const uid = (name: string): string => uidFromName(`inventory fixture ${name}`);

export interface FakeInstance {
  sopInstanceUid: string;
  sopClassUid: string;
  /** WADO-RS metadata of the instance (SEG series). */
  metadata?: DicomJsonDataset;
  /** The Part 10 file (SR series). */
  bytes?: Uint8Array;
}

export interface FakeSeries {
  seriesInstanceUid: string;
  modality: string;
  instances: FakeInstance[];
}

export interface FakeStudy {
  studyInstanceUid: string;
  series: FakeSeries[];
  /** ModalitiesInStudy as listed; the series' modalities when absent, none listed when null. */
  modalitiesInStudy?: string[] | null;
}

const cs = (...values: string[]) => ({ vr: 'CS', Value: values });
const ui = (...values: string[]) => ({ vr: 'UI', Value: values });

/** A fetch answering from `studies`; every request is recorded (URL, path and query). */
export function fakePacs(studies: FakeStudy[], options: { failStudy?: string } = {}): { fetch: ReadFetchLike; requests: string[] } {
  const requests: string[] = [];
  const fetch: ReadFetchLike = async (url: string, _init: ReadFetchLikeInit) => {
    requests.push(url.slice(ROOT.length));
    return toResponse(answer(new URL(url), studies, options.failStudy));
  };
  return { fetch, requests };
}

function answer(url: URL, studies: FakeStudy[], failStudy: string | undefined): RecordedAnswer {
  const path = url.pathname.replace(/^\/dicom-web/, '').split('/').filter(Boolean);
  if (path.length === 1 && path[0] === 'studies') {
    const limit = Number(url.searchParams.get('limit') ?? studies.length);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    return orthancJson(studies.slice(offset, offset + limit).map((study) => ({
      '0020000D': ui(study.studyInstanceUid),
      ...(study.modalitiesInStudy === null ? {} : { '00080061': cs(...(study.modalitiesInStudy ?? [...new Set(study.series.map((s) => s.modality))])) }),
    })));
  }
  const study = studies.find((s) => s.studyInstanceUid === path[1]);
  if (!study) return orthancNotFound(url.pathname);
  if (study.studyInstanceUid === failStudy) return { status: 503 };
  if (path.length === 3 && path[2] === 'series') {
    return orthancJson(study.series.map((s) => ({ '0020000D': ui(study.studyInstanceUid), '0020000E': ui(s.seriesInstanceUid), '00080060': cs(s.modality) })));
  }
  const series = study.series.find((s) => s.seriesInstanceUid === path[3]);
  if (!series) return orthancNotFound(url.pathname);
  if (path.length === 5 && path[4] === 'metadata') return orthancJson(series.instances.map((i) => i.metadata ?? { '00080018': ui(i.sopInstanceUid) }));
  if (path.length === 5 && path[4] === 'instances') return orthancJson(series.instances.map((i) => ({ '00080016': ui(i.sopClassUid), '00080018': ui(i.sopInstanceUid) })));
  const instance = series.instances.find((i) => i.sopInstanceUid === path[5]);
  if (path.length === 6 && instance?.bytes) return orthancMultipart([instance.bytes]);
  return orthancNotFound(url.pathname);
}

function toResponse(answer: RecordedAnswer) {
  if (!('status' in answer)) throw new Error('the inventory fake answers with a status');
  return responseOf(answer);
}

export interface SegMetadataInit {
  sopInstanceUid: string;
  seriesInstanceUid: string;
  contentLabel?: string;
  name?: string;
  login?: string;
  contentDate?: string;
  contentTime?: string;
  protocolName?: string;
  sourceSeriesInstanceUid?: string;
  segmentLabels?: string[];
}

/** A SEG's WADO-RS metadata as Orthanc gives it for a SegQC SEG: PN by alphabetic group, sequences of items. */
export function segMetadata(init: SegMetadataInit): DicomJsonDataset {
  const dataset: DicomJsonDataset = {
    '00080016': ui(SOP_CLASS.SegmentationStorage),
    '00080018': ui(init.sopInstanceUid),
    '00080060': cs('SEG'),
    '0020000E': ui(init.seriesInstanceUid),
    '00620002': { vr: 'SQ', Value: (init.segmentLabels ?? ['Lung nodule']).map((label, n) => ({ '00620004': { vr: 'US', Value: [n + 1] }, '00620005': { vr: 'LO', Value: [label] } })) },
    '7FE00010': { vr: 'OB', BulkDataURI: `${ROOT}/bulk/${init.sopInstanceUid}` },
  };
  if (init.contentLabel !== undefined) dataset['00700080'] = cs(init.contentLabel);
  if (init.name !== undefined) dataset['00700084'] = { vr: 'PN', Value: [{ Alphabetic: init.name }] };
  if (init.login !== undefined) {
    dataset['00700086'] = { vr: 'SQ', Value: [{ '00401101': { vr: 'SQ', Value: [{ '00080100': { vr: 'SH', Value: [init.login] }, '00080102': { vr: 'SH', Value: ['99SEGQC'] } }] } }] };
  }
  if (init.contentDate !== undefined) dataset['00080023'] = { vr: 'DA', Value: [init.contentDate] };
  if (init.contentTime !== undefined) dataset['00080033'] = { vr: 'TM', Value: [init.contentTime] };
  if (init.protocolName !== undefined) dataset['00181030'] = { vr: 'LO', Value: [init.protocolName] };
  if (init.sourceSeriesInstanceUid !== undefined) dataset['00081115'] = { vr: 'SQ', Value: [{ '0020000E': ui(init.sourceSeriesInstanceUid) }] };
  return dataset;
}

/** A SEG series of one SEG. */
export function segSeries(init: SegMetadataInit): FakeSeries {
  return { seriesInstanceUid: init.seriesInstanceUid, modality: 'SEG', instances: [{ sopInstanceUid: init.sopInstanceUid, sopClassUid: SOP_CLASS.SegmentationStorage, metadata: segMetadata(init) }] };
}
