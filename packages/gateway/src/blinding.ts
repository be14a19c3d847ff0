/**
 * Blinding, where the data passes: a user whose roles read only `source-images-and-own-segmentations`
 * (rolePolicy.ts: the annotator) never receives another reader's work. Search answers and metadata
 * are filtered (other SEGs, every SR, KO and PR left out); a retrieval of one of those is refused
 * with 403; a whole-study retrieval, which would carry them, is refused (the viewer reads series by
 * series). Whose a SEG is comes from its header (segCreatorIdentity), through the series index.
 */
import { jsonString, type DicomJsonDataset } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import { isTheUser } from './recordedPerson';
import { indexedInstanceOf, type IndexedInstance, type SeriesIndex } from './seriesIndex';

export type BlindedRead =
  /** Forward as it is: the resource holds nothing of another reader. */
  | { decision: 'forward' }
  /** Forward, then leave out of the DICOM JSON answer what the user may not see. */
  | { decision: 'filter' }
  | { decision: 'refuse'; message: string };

export interface BlindedRequest {
  /** The route of the allow-list (dicomwebRoutes.ts) the request matched. */
  route: string;
  params: { study?: string; series?: string; instance?: string };
  user: TokenIdentity;
  /** The user's own Authorization, for a PACS the gateway has no credential of its own for. */
  authorization: string | undefined;
}

const FILTERED = new Set(['/series', '/instances', '/studies/:study/series', '/studies/:study/instances', '/studies/:study/series/:series/instances', '/studies/:study/metadata', '/studies/:study/series/:series/metadata']);
const OTHERS_WORK = 'another reader\'s work is not shown to annotators (blinding)';

const ownedBy = (instance: IndexedInstance, user: TokenIdentity): boolean =>
  instance.kind === 'image' || (instance.kind === 'segmentation' && isTheUser(instance.creator, user));

export async function blindedRead(request: BlindedRequest, index: SeriesIndex): Promise<BlindedRead> {
  const { route, params, user, authorization } = request;
  // A study's row names no reader's work (Orthanc may give it a Modality of one of its series).
  if (route === '/studies') return { decision: 'forward' };
  if (FILTERED.has(route)) return { decision: 'filter' };
  if (!params.series) return { decision: 'refuse', message: `annotators retrieve a study series by series: ${OTHERS_WORK}` };
  if (!params.instance) {
    const series = await index.series(params.study!, params.series, authorization);
    if (series.kind === 'image') return { decision: 'forward' };
    const all = [...series.instances.values()];
    return all.length > 0 && all.every((instance) => ownedBy(instance, user)) ? { decision: 'forward' } : { decision: 'refuse', message: `this series holds ${OTHERS_WORK}` };
  }
  const { series, instance } = await index.instance(params.study!, params.series, params.instance, authorization);
  if (series.kind === 'image') return { decision: 'forward' };
  // Not in the PACS: forwarded, for the PACS's own 404.
  if (!instance) return series.kind === 'segmentation' ? { decision: 'forward' } : { decision: 'refuse', message: `this object is ${OTHERS_WORK}` };
  return ownedBy(instance, user) ? { decision: 'forward' } : { decision: 'refuse', message: `this object is ${OTHERS_WORK}` };
}

/** The datasets of a search or metadata answer the user may see. */
export async function blindedAnswer(datasets: DicomJsonDataset[], request: BlindedRequest, index: SeriesIndex): Promise<DicomJsonDataset[]> {
  const seen = await Promise.all(datasets.map((dataset) => visible(dataset, request, index)));
  return datasets.filter((_dataset, n) => seen[n]);
}

const CONTENT_CREATOR_IDENTIFICATION = '00700086';

async function visible(dataset: DicomJsonDataset, request: BlindedRequest, index: SeriesIndex): Promise<boolean> {
  const own = indexedInstanceOf(dataset);
  if (own.kind !== 'segmentation') return own.kind === 'image';
  // A metadata answer carries the creator; a search answer is looked up in the series' metadata.
  if (dataset[CONTENT_CREATOR_IDENTIFICATION] !== undefined) return ownedBy(own, request.user);
  const study = jsonString(dataset, '0020000D') ?? request.params.study;
  const series = jsonString(dataset, '0020000E') ?? request.params.series;
  if (!study || !series) return false;
  const instance = jsonString(dataset, '00080018');
  if (instance) {
    const found = (await index.instance(study, series, instance, request.authorization)).instance;
    return found !== undefined && ownedBy(found, request.user);
  }
  // A series in a search answer: shown when it holds a SEG of the user's.
  const indexed = await index.series(study, series, request.authorization);
  return [...indexed.instances.values()].some((instance) => instance.kind === 'segmentation' && ownedBy(instance, request.user));
}
