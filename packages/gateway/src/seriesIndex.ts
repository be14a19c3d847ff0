/**
 * What the gateway knows of a series for blinding, asked of the PACS with the gateway's own
 * credential: its kind (by Modality, QIDO-RS) and, for a segmentation series, each instance's SOP
 * Class and creator (WADO-RS series metadata: the header, no pixel data). Kept a few seconds, so
 * that a viewer's burst of frame requests asks once; an instance the entry does not know (stored
 * since) makes it asked again.
 */
import { jsonString, retrieveSeriesMetadata, searchForSeries, segCreatorIdentityOfJson, type DicomJsonDataset } from '@segqc/core';
import type { RecordedPerson } from './recordedPerson';
import { kindOfModality, kindOfSopClass, type StoredObjectKind } from './storedObjectKind';

export interface IndexedInstance {
  kind: StoredObjectKind;
  /** The creator a SEG records; none for other objects. */
  creator: RecordedPerson;
}

export interface IndexedSeries {
  kind: StoredObjectKind;
  /** By SOP Instance UID; filled for segmentation series only. */
  instances: ReadonlyMap<string, IndexedInstance>;
}

export interface SeriesIndexOptions {
  /** The PACS's DICOMweb root. */
  root: string;
  /** The gateway's credential for the PACS (the user's Authorization is used when there is none). */
  upstreamAuthorization?: string;
  /** How long an entry is kept. */
  ttlMs?: number;
  /** At most this many series are kept. */
  maxEntries?: number;
}

const MODALITY = '00080060';
const SOP_CLASS_UID = '00080016';
const SOP_INSTANCE_UID = '00080018';

/** An instance's kind and creator from its DICOM JSON (a metadata or search answer that carries them). */
export function indexedInstanceOf(dataset: DicomJsonDataset): IndexedInstance {
  const sopClass = jsonString(dataset, SOP_CLASS_UID);
  const kind = sopClass !== undefined ? kindOfSopClass(sopClass) : kindOfModality(jsonString(dataset, MODALITY) ?? '');
  return { kind, creator: kind === 'segmentation' ? segCreatorIdentityOfJson(dataset) : {} };
}

export class SeriesIndex {
  private readonly entries = new Map<string, { series: Promise<IndexedSeries>; until: number }>();

  constructor(private readonly options: SeriesIndexOptions) {}

  /** The series as the PACS has it now or a few seconds ago; `fresh` asks the PACS again. */
  series(study: string, series: string, userAuthorization: string | undefined, fresh = false): Promise<IndexedSeries> {
    const key = `${study}/${series}`;
    const now = Date.now();
    const kept = this.entries.get(key);
    if (kept && kept.until > now && !fresh) return kept.series;
    const looked = this.lookUp(study, series, userAuthorization);
    this.entries.delete(key);
    this.entries.set(key, { series: looked, until: now + (this.options.ttlMs ?? 10_000) });
    // A failed look-up is not kept: the next request asks again.
    looked.catch(() => this.entries.get(key)?.series === looked && this.entries.delete(key));
    while (this.entries.size > (this.options.maxEntries ?? 1_000)) this.entries.delete(this.entries.keys().next().value!);
    return looked;
  }

  /** The instance, asking the PACS again when a kept entry does not know it; undefined when the PACS has none. */
  async instance(study: string, series: string, instance: string, userAuthorization: string | undefined): Promise<{ series: IndexedSeries; instance?: IndexedInstance }> {
    let indexed = await this.series(study, series, userAuthorization);
    if (indexed.kind === 'segmentation' && !indexed.instances.has(instance)) indexed = await this.series(study, series, userAuthorization, true);
    return { series: indexed, instance: indexed.instances.get(instance) };
  }

  private async lookUp(study: string, series: string, userAuthorization: string | undefined): Promise<IndexedSeries> {
    const authorization = this.options.upstreamAuthorization ?? userAuthorization;
    const read = { fetch: (url: string, init: RequestInit) => fetch(url, init), headers: authorization ? { Authorization: authorization } : undefined };
    const [found] = await searchForSeries(this.options.root, { studyInstanceUid: study }, { match: { SeriesInstanceUID: series } }, read);
    const kind = kindOfModality((found && jsonString(found, MODALITY)) ?? '');
    const instances = new Map<string, IndexedInstance>();
    if (found && kind === 'segmentation') {
      for (const dataset of await retrieveSeriesMetadata(this.options.root, { studyInstanceUid: study, seriesInstanceUid: series }, read)) {
        const uid = jsonString(dataset, SOP_INSTANCE_UID);
        if (uid !== undefined) instances.set(uid, indexedInstanceOf(dataset));
      }
    }
    return { kind, instances };
  }
}
