// The audit trail of a case lists every object and event the case's DICOM objects record: who made
// each SEG (name, login, authenticated with issuer and subject or self-declared), in which role, when, under which SOP, with the
// SHA-256 of its pixel data; each QC report's observer, decisions with reasons, metrics per pair,
// the hashes it recorded of the SEGs it judged, its predecessors and its sign-off. The case is
// written with SegQC's own writers (audit.fixture.ts); hashes are checked against a SHA-256 of the
// Pixel Data computed here through dcmjs, not through the code under test.
import { createHash } from 'node:crypto';
import { readPart10 } from '../dicom/readPart10';
import { sha256Hex } from '../hash/sha256';
import { auditCase, SIGN_INS, SOP } from './audit.fixture';
import type { AnnotationEvent, QcReportEvent, ReferenceSegEvent } from './AuditEvent';
import { caseRecordsFromObjects } from './caseRecordsFromObjects';

const pixelSha = (seg: Uint8Array): string => sha256Hex(new Uint8Array((readPart10(seg).dataset.PixelData as ArrayBuffer[])[0]));

describe('the records of a reviewed and adjudicated case', () => {
  const fixture = auditCase();
  const { records, retrieved } = caseRecordsFromObjects(fixture.studyInstanceUid, fixture.objects, fixture.images);

  it('lists the five objects in time order: A, B, the review, the reference SEG, the adjudication', () => {
    expect(records.events.map((event) => [event.kind, event.sopInstanceUid, event.dateTime])).toEqual([
      ['annotation', fixture.uids.segA, '2026-03-01T09:15:00'],
      ['annotation', fixture.uids.segB, '2026-03-01T10:45:00'],
      ['qc-report', fixture.uids.review, '2026-03-02T08:00:00'],
      ['reference', fixture.uids.referenceSeg, '2026-03-03T14:30:00'],
      ['qc-report', fixture.uids.adjudication, '2026-03-03T14:30:00'],
    ]);
    expect(records.unreadable).toEqual([]);
    expect(records.patient).toEqual({ name: 'Fixture^Patient', id: 'FIX-001' });
  });

  it('records each annotation\'s annotator, identity, role, SOP and pixel-data hash', () => {
    const [a, b] = records.events as AnnotationEvent[];
    expect(a).toMatchObject({
      contentLabel: 'ANNOTATION', role: 'annotator', sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', instanceNumber: 1,
      creator: { name: 'Rivera^Ana', login: 'arivera', organization: 'SegQC Test Hospital' },
      sop: { id: SOP.id, version: SOP.version, hash: SOP.sha256.slice(0, 16) },
      sourceSeriesInstanceUid: fixture.series.images[0].SeriesInstanceUID,
      segmentLabels: ['Right lung', 'Lung nodule', 'Lesion'],
    });
    expect(a.creator.authentication).toBeUndefined(); // self-declared
    expect(a.pixelDataSha256).toBe(pixelSha(fixture.segA));
    expect(b.creator).toEqual({ name: 'Chen^Wei', login: 'wchen', organization: 'SegQC Test Hospital', authentication: SIGN_INS.chen });
    expect(b.pixelDataSha256).toBe(pixelSha(fixture.segB));
    expect(b.pixelDataSha256).not.toBe(a.pixelDataSha256);
  });

  it('records the reference SEG as the adjudicator\'s, self-declared', () => {
    const reference = records.events[3] as ReferenceSegEvent;
    expect(reference).toMatchObject({ kind: 'reference', contentLabel: 'ADJUDICATED', role: 'adjudicator' });
    expect(reference.creator).toEqual({ name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Test Hospital' });
    expect(reference.pixelDataSha256).toBe(pixelSha(fixture.referenceSeg));
  });

  it('records the review: observer, SOP, decision with reasons, metrics per pair and the judged SEGs\' hashes', () => {
    const review = records.events[2] as QcReportEvent;
    expect(review.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Test Hospital', role: 'reviewer', authentication: SIGN_INS.lindqvist });
    expect(review.sop).toEqual({ id: SOP.id, version: SOP.version, hash: SOP.sha256 });
    expect(review.decisions).toEqual([
      { structure: 'Right lung', outcome: 'escalated', reasons: [{ reason: 'boundaryDisagreement' }, { reason: 'other', text: 'B drew the ball 1 mm to the right' }] },
      { structure: 'Lung nodule', outcome: 'agreed', reasons: [] },
      { structure: 'Lesion', outcome: 'agreed', reasons: [] },
    ]);
    expect(review.judged).toEqual([
      { sopInstanceUid: fixture.uids.segA, seriesInstanceUid: expect.any(String), sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', annotation: 'A', annotator: { name: 'Rivera^Ana', login: 'arivera' }, pixelDataSha256: pixelSha(fixture.segA) },
      { sopInstanceUid: fixture.uids.segB, seriesInstanceUid: expect.any(String), sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4', annotation: 'B', annotator: { name: 'Chen^Wei', login: 'wchen' }, pixelDataSha256: pixelSha(fixture.segB) },
    ]);
    // One pair per structure, as measured when the report was written (the init the fixture wrote).
    expect(review.metrics.map((pair) => [pair.structure, pair.between, pair.segSopInstanceUids])).toEqual(
      ['Right lung', 'Lung nodule', 'Lesion'].map((structure) => [structure, ['A', 'B'], [fixture.uids.segA, fixture.uids.segB]]),
    );
    const rightLung = fixture.reviewInit.structures[0];
    expect(review.metrics[0]).toMatchObject({ ...rightLung.agreements![0], between: ['A', 'B'], volumesMl: [rightLung.annotations[0].volumeMl, rightLung.annotations[1].volumeMl] });
    // Chen's ball is Rivera's moved 1 mm: they overlap, but not fully.
    expect(review.metrics[0].dice).toBeGreaterThan(0.8);
    expect(review.metrics[0].dice).toBeLessThan(1);
    // The empty lesion: Dice 1, distances undefined (null), not 0.
    expect(review.metrics[2]).toMatchObject({ dice: 1, hdMm: null, hd95Mm: null, assdMm: null });
    expect(review.predecessors).toEqual([]);
    expect(review.verification).toBeUndefined();
    expect(review.imageLibrary).toEqual([{ seriesInstanceUid: fixture.series.images[0].SeriesInstanceUID, sopInstanceUids: expect.arrayContaining(fixture.series.images.map((image) => image.SOPInstanceUID)) }]);
  });

  it('records the adjudication: the adjudicator, the reference judged as C, the revised review and the sign-off', () => {
    const adjudication = records.events[4] as QcReportEvent;
    expect(adjudication.observer).toEqual({ name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Test Hospital', role: 'adjudicator' });
    expect(adjudication.decisions[0]).toEqual({ structure: 'Right lung', outcome: 'majority', reasons: [{ reason: 'boundaryDisagreement' }] });
    expect(adjudication.judged.map((seg) => [seg.annotation, seg.sopInstanceUid, seg.pixelDataSha256, seg.referenceStandard])).toEqual([
      ['A', fixture.uids.segA, pixelSha(fixture.segA), undefined],
      ['B', fixture.uids.segB, pixelSha(fixture.segB), undefined],
      ['C', fixture.uids.referenceSeg, pixelSha(fixture.referenceSeg), 'ADJUDICATED'],
    ]);
    expect(adjudication.metrics.filter((pair) => pair.structure === 'Right lung').map((pair) => pair.between)).toEqual([['A', 'B'], ['A', 'C'], ['B', 'C']]);
    expect(adjudication.predecessors).toEqual([{ studyInstanceUid: fixture.studyInstanceUid, seriesInstanceUid: fixture.reviewInit.seriesInstanceUid, sopClassUid: '1.2.840.10008.5.1.4.1.1.88.34', sopInstanceUid: fixture.uids.review }]);
    expect(adjudication.instanceNumber).toBe(2);
    expect(adjudication.verification).toEqual({ name: 'Singh^Priya', login: 'psingh', organization: 'SegQC Test Hospital', dateTime: '2026-03-03T14:30:00' });
  });

  it('lists what the PACS holds with each SEG\'s current hash', () => {
    expect(retrieved.get(fixture.uids.segA)).toEqual({
      studyInstanceUid: fixture.studyInstanceUid, seriesInstanceUid: expect.any(String), sopInstanceUid: fixture.uids.segA, kind: 'seg', pixelDataSha256: pixelSha(fixture.segA),
      // The whole file's hash, as the journal of writes records it (computed here by node:crypto).
      sha256: createHash('sha256').update(fixture.segA).digest('hex'),
    });
    expect(retrieved.get(fixture.uids.review)?.sha256).toBe(createHash('sha256').update(fixture.objects.find((object) => object.sopInstanceUid === fixture.uids.review)!.bytes as Uint8Array).digest('hex'));
    expect(retrieved.get(fixture.uids.review)?.kind).toBe('qc-report');
    expect(retrieved.get(fixture.series.images[0].SOPInstanceUID)?.kind).toBe('image');
    expect(retrieved.size).toBe(5 + fixture.series.images.length);
  });
});

describe('objects that are not part of the trail, or cannot be read', () => {
  const fixture = auditCase();

  it('keeps a truncated SEG and a truncated report of the QC series as unreadable, with the reason', () => {
    const [report, , review, , segA] = fixture.objects;
    const { records, retrieved } = caseRecordsFromObjects(fixture.studyInstanceUid, [
      { ...segA, bytes: segA.bytes.subarray(0, 600) },
      { ...review, bytes: review.bytes.subarray(0, 400) },
      report,
    ]);
    expect(records.unreadable.map((object) => [object.sopInstanceUid, object.expected])).toEqual(
      [[fixture.uids.segA, 'SEG'], [fixture.uids.review, 'QC report']].sort((x, y) => (x[0] < y[0] ? -1 : 1)),
    );
    expect(records.unreadable.every((object) => object.reason.length > 0)).toBe(true);
    expect(retrieved.get(fixture.uids.segA)?.kind).toBe('unreadable');
    expect(records.events.map((event) => event.sopInstanceUid)).toEqual([fixture.uids.adjudication]);
  });

  it('lists an SR outside the QC report series that does not read as a SegQC report as present, not as an event or unreadable', () => {
    // Any SR of another writer; here bytes that are not even a TID 1500 report.
    const segA = fixture.objects[4];
    const { records, retrieved } = caseRecordsFromObjects(fixture.studyInstanceUid, [{ modality: 'SR', seriesInstanceUid: '1.2.3.4', sopInstanceUid: fixture.uids.segA, bytes: segA.bytes }]);
    expect(records.events).toEqual([]);
    expect(records.unreadable).toEqual([]);
    expect(retrieved.get(fixture.uids.segA)?.kind).toBe('sr');
  });
});
