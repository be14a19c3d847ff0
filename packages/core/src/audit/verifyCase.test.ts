// `segqc audit verify` must find tampering: a judged SEG whose pixels changed after a report recorded
// their hash, an object a report refers to that is gone, and a predecessor chain that no longer
// holds (missing, of another study, not a QC report, a cycle). Each case below changes exactly one
// thing of the clean case (audit.fixture.ts) and expects exactly that finding.
import { uidFromName } from '../dicom/uid';
import { sha256Hex } from '../hash/sha256';
import { readPart10 } from '../dicom/readPart10';
import { writeQcReport } from '../sr/buildQcReport';
import { auditCase, withOnePixelByteChanged } from './audit.fixture';
import { caseRecordsFromObjects, type StudyObject } from './caseRecordsFromObjects';
import { verifyCase } from './verifyCase';

const fixture = auditCase();
const verify = (objects: StudyObject[], images = fixture.images) => {
  const { records, retrieved } = caseRecordsFromObjects(fixture.studyInstanceUid, objects, images);
  return verifyCase(records, retrieved);
};
const without = (uid: string) => fixture.objects.filter((object) => object.sopInstanceUid !== uid);
const pixelSha = (seg: Uint8Array): string => sha256Hex(new Uint8Array((readPart10(seg).dataset.PixelData as ArrayBuffer[])[0]));

test('a clean case gives no findings', () => {
  expect(verify(fixture.objects)).toEqual([]);
});

test('one changed byte of a judged SEG\'s pixel data is that SEG, changed, with both hashes and both reports that judged it', () => {
  const changed = withOnePixelByteChanged(fixture.segB);
  const objects = fixture.objects.map((object) => (object.sopInstanceUid === fixture.uids.segB ? { ...object, bytes: changed } : object));
  const findings = verify(objects);
  expect(findings).toEqual([{
    kind: 'changed',
    studyInstanceUid: fixture.studyInstanceUid,
    sopInstanceUid: fixture.uids.segB,
    object: 'SEG',
    referencedBy: [fixture.uids.review, fixture.uids.adjudication],
    recordedSha256: pixelSha(fixture.segB),
    currentSha256: pixelSha(changed),
    message: `SEG ${fixture.uids.segB} changed: its pixel data SHA-256 is ${pixelSha(changed)}, QC reports ${fixture.uids.review}, ${fixture.uids.adjudication} recorded ${pixelSha(fixture.segB)}`,
  }]);
  expect(pixelSha(changed)).not.toBe(pixelSha(fixture.segB));
});

test('a changed reference SEG is named as judged by the adjudication only', () => {
  const objects = fixture.objects.map((object) => (object.sopInstanceUid === fixture.uids.referenceSeg ? { ...object, bytes: withOnePixelByteChanged(object.bytes) } : object));
  expect(verify(objects).map((finding) => [finding.kind, finding.sopInstanceUid, finding.referencedBy])).toEqual([['changed', fixture.uids.referenceSeg, [fixture.uids.adjudication]]]);
});

test('a judged SEG that is gone is missing, named with the reports that judged it', () => {
  expect(verify(without(fixture.uids.segA)).map((finding) => [finding.kind, finding.object, finding.sopInstanceUid, finding.referencedBy])).toEqual([
    ['missing', 'SEG', fixture.uids.segA, [fixture.uids.review, fixture.uids.adjudication]],
  ]);
});

test('an image of the reports\' Image Library that is gone is missing', () => {
  const gone = fixture.images[3].sopInstanceUid;
  const findings = verify(fixture.objects, fixture.images.filter((image) => image.sopInstanceUid !== gone));
  expect(findings.map((finding) => [finding.kind, finding.object, finding.sopInstanceUid, finding.referencedBy])).toEqual([['missing', 'image', gone, [fixture.uids.review, fixture.uids.adjudication]]]);
});

test('a predecessor that is gone breaks the chain of the report that names it', () => {
  const findings = verify(without(fixture.uids.review));
  expect(findings).toEqual([expect.objectContaining({
    kind: 'broken-chain', sopInstanceUid: fixture.uids.review, object: 'predecessor', referencedBy: [fixture.uids.adjudication],
    message: `predecessor ${fixture.uids.review} of QC report ${fixture.uids.adjudication} is missing`,
  })]);
});

describe('reports whose predecessors are not earlier QC reports of the study', () => {
  const { reviewInit } = fixture;
  const report = (name: string, predecessor: { studyInstanceUid?: string; sopInstanceUid: string; sopClassUid?: string }): StudyObject => {
    const sopInstanceUid = uidFromName(`audit/${name}`);
    const bytes = writeQcReport({
      ...reviewInit, sopInstanceUid, instanceNumber: 3,
      predecessors: [{ studyInstanceUid: predecessor.studyInstanceUid ?? fixture.studyInstanceUid, seriesInstanceUid: reviewInit.seriesInstanceUid, sopClassUid: predecessor.sopClassUid ?? '1.2.840.10008.5.1.4.1.1.88.34', sopInstanceUid: predecessor.sopInstanceUid }],
    });
    return { modality: 'SR', seriesInstanceUid: reviewInit.seriesInstanceUid, sopInstanceUid, bytes };
  };

  it('a predecessor of another study', () => {
    const other = report('other study', { studyInstanceUid: '1.2.826.0.1.3680043.10.1', sopInstanceUid: fixture.uids.review });
    expect(verify([...fixture.objects, other]).map((finding) => [finding.kind, finding.sopInstanceUid, finding.referencedBy, finding.message])).toEqual([
      ['broken-chain', fixture.uids.review, [other.sopInstanceUid], `predecessor ${fixture.uids.review} of QC report ${other.sopInstanceUid} is of study 1.2.826.0.1.3680043.10.1, not of this study`],
    ]);
  });

  it('a predecessor that is a SEG, not a QC report', () => {
    const wrong = report('names a SEG', { sopInstanceUid: fixture.uids.segA, sopClassUid: '1.2.840.10008.5.1.4.1.1.66.4' });
    expect(verify([...fixture.objects, wrong]).map((finding) => [finding.kind, finding.sopInstanceUid, finding.message])).toEqual([
      ['broken-chain', fixture.uids.segA, `predecessor ${fixture.uids.segA} of QC report ${wrong.sopInstanceUid} is a SEG, not a QC report`],
    ]);
  });

  it('two reports that name each other form a cycle, reported once', () => {
    const first = uidFromName('audit/cycle 1');
    const second = uidFromName('audit/cycle 2');
    const one = { ...report('cycle 1', { sopInstanceUid: second }), sopInstanceUid: first };
    const two = { ...report('cycle 2', { sopInstanceUid: first }), sopInstanceUid: second };
    const [low, high] = first < second ? [first, second] : [second, first];
    expect(verify([...fixture.objects, one, two]).map((finding) => [finding.kind, finding.sopInstanceUid, finding.message])).toEqual([
      ['broken-chain', low, `QC reports ${low} → ${high} → ${low} form a cycle of predecessors`],
    ]);
  });
});

test('an unreadable object of the case is a finding', () => {
  const objects = fixture.objects.map((object) => (object.sopInstanceUid === fixture.uids.segA ? { ...object, bytes: object.bytes.subarray(0, 600) } : object));
  const findings = verify(objects);
  expect(findings.map((finding) => [finding.kind, finding.object, finding.sopInstanceUid])).toEqual([['unreadable', 'SEG', fixture.uids.segA]]);
  expect(findings[0].message).toMatch(new RegExp(`^SEG ${fixture.uids.segA.replace(/\./g, '\\.')} \\(series [0-9.]+\\) cannot be read: `));
});
