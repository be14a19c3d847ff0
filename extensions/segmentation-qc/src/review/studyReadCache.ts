/**
 * What the agreement worker has read of the study under review, kept across its reviews: a review
 * asked for again — one more annotation's display set loaded, the SOP resolved, a reviewer's choice —
 * reuses the source series' geometry and each SEG already retrieved and decoded instead of fetching
 * 3 × 19 MB again. A SOP Instance UID names one object for good (PS3.3 C.12.1.1.1), so a SEG is
 * retrieved once; the geometry is read once per source series. Another study empties it. A read that
 * failed is forgotten, so that the next review tries again.
 *
 * `prefetch` retrieves the study's SEGs before the panel asks: the worker starts on them as soon as
 * the case opens, while OHIF is still making its display sets.
 */
import {
  gridFromSourceImages, jsonString, readSegmentation, retrieveInstance, retrieveSeriesMetadata, searchForInstances, searchForSeries, sourceImageFromDicomJson,
  type DicomwebReadOptions, type Segmentation, type SourceImage,
} from '@segqc/core';

export interface SourceSeries {
  sourceImages: SourceImage[];
  sourceGrid: ReturnType<typeof gridFromSourceImages>;
}

export interface ReadSeg {
  bytes: Uint8Array;
  segmentation: Segmentation;
}

/** SEGs read ahead at most: a study with more is read as the review asks. */
const PREFETCH_LIMIT = 8;
const SERIES_INSTANCE_UID = '0020000E';
const SOP_INSTANCE_UID = '00080018';

export class StudyReadCache {
  private studyInstanceUid: string | null = null;
  private root = '';
  private options: DicomwebReadOptions = { fetch: () => Promise.reject(new Error('no study to read')) };
  private readonly sources = new Map<string, Promise<SourceSeries>>();
  private readonly segBytes = new Map<string, Promise<Uint8Array>>();
  private readonly segs = new Map<string, Promise<ReadSeg>>();

  /** Reads `studyInstanceUid` from `root` with `options` (the latest request's credentials), forgetting another study's reads. */
  study(studyInstanceUid: string, root: string, options: DicomwebReadOptions): this {
    if (studyInstanceUid !== this.studyInstanceUid || root !== this.root) {
      this.studyInstanceUid = studyInstanceUid;
      this.sources.clear();
      this.segBytes.clear();
      this.segs.clear();
    }
    this.root = root;
    this.options = options;
    return this;
  }

  /**
   * The source series' geometry: from the source images given (as OHIF read them), else from its
   * WADO-RS metadata (no pixels); gaps stay empty slices, as the CLI reads them.
   */
  sourceSeries(seriesInstanceUid: string, loaded: SourceImage[] | null = null): Promise<SourceSeries> {
    return this.remembered(this.sources, seriesInstanceUid, async () => {
      if (loaded) return { sourceImages: loaded, sourceGrid: gridFromSourceImages(loaded, { allowGaps: true }) };
      const metadata = await retrieveSeriesMetadata(this.root, { studyInstanceUid: this.studyInstanceUid!, seriesInstanceUid }, this.options);
      const sourceImages = metadata.map((dataset, n) => sourceImageFromDicomJson(dataset, `source series instance ${n}`));
      return { sourceImages, sourceGrid: gridFromSourceImages(sourceImages, { allowGaps: true }) };
    });
  }

  /** A SEG as stored and decoded onto the source series' grid (sourceSeries). */
  seg(seg: { seriesInstanceUid: string; sopInstanceUid: string }, sourceSeriesInstanceUid: string, loaded: SourceImage[] | null = null): Promise<ReadSeg> {
    return this.remembered(this.segs, `${sourceSeriesInstanceUid}|${seg.sopInstanceUid}`, async () => {
      // Both at once: the SEG's bytes need not wait for the geometry they are decoded onto.
      const [bytes, source] = await Promise.all([this.segBytesOf(seg), this.sourceSeries(sourceSeriesInstanceUid, loaded)]);
      return { bytes, segmentation: readSegmentation(bytes, source.sourceGrid.grid) };
    });
  }

  /**
   * Reads ahead what a review of the study will need: every SEG of it (at most `limit`), retrieved as
   * stored; the review decodes them onto the source series OHIF has read by then. Failures are left
   * for the review to meet and report.
   */
  async prefetch(limit = PREFETCH_LIMIT): Promise<void> {
    const study = this.studyInstanceUid!;
    const segSeries = await searchForSeries(this.root, { studyInstanceUid: study }, { match: { Modality: 'SEG' } }, this.options);
    const instances = (await Promise.all(segSeries.map(async (series) => {
      const seriesInstanceUid = jsonString(series, SERIES_INSTANCE_UID);
      if (seriesInstanceUid === undefined) return [];
      const found = await searchForInstances(this.root, { studyInstanceUid: study, seriesInstanceUid }, {}, this.options);
      return found.flatMap((instance) => {
        const sopInstanceUid = jsonString(instance, SOP_INSTANCE_UID);
        return sopInstanceUid === undefined ? [] : [{ seriesInstanceUid, sopInstanceUid }];
      });
    }))).flat().slice(0, limit);
    await Promise.all(instances.map((seg) => this.segBytesOf(seg)));
  }

  private segBytesOf(seg: { seriesInstanceUid: string; sopInstanceUid: string }): Promise<Uint8Array> {
    return this.remembered(this.segBytes, seg.sopInstanceUid, () => retrieveInstance(this.root, { studyInstanceUid: this.studyInstanceUid!, ...seg }, this.options));
  }

  private remembered<T>(cache: Map<string, Promise<T>>, key: string, read: () => Promise<T>): Promise<T> {
    const known = cache.get(key);
    if (known) return known;
    const reading = read();
    cache.set(key, reading);
    reading.catch(() => cache.get(key) === reading && cache.delete(key));
    return reading;
  }
}
