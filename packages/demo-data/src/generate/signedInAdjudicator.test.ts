// With sign-in on, `npm start` seeds the demo with its adjudicator signed in (issue 15): her reference
// SEG and QC report record the provider's issuer and her subject, and the report is then signed.
// Nothing else may change — the images and the annotators' SEGs keep their bytes, and the reference
// SEG its Pixel Data, whose SHA-256 the report records — and the files must still be the same at
// every run, so that the seed stays idempotent.
import { createHash } from 'node:crypto';
import { describeJudgedSeg, readPart10, readQcReport, segCreatorIdentity } from '@segqc/core';
import { generateDemoFiles } from './generateDemoFiles';

const CASE = 'ct-01';
const signIn = { issuer: 'http://127.0.0.1:3002', subject: 'mlindqvist' };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const filesOf = (options: Parameters<typeof generateDemoFiles>[0]) => new Map([...generateDemoFiles(options)].map((file) => [file.path, file.bytes]));

const selfDeclared = filesOf({ cases: [CASE] });
const signedIn = filesOf({ cases: [CASE], adjudicatorAuthentication: signIn });
const REFERENCE = `${CASE}/reference/adjudicated.dcm`;
const REPORT = `${CASE}/sr/adjudication.dcm`;

describe(`${CASE} generated with the adjudicator signed in`, () => {
  it('differs from the self-declared demo in the adjudication\'s two objects only', () => {
    expect([...signedIn.keys()]).toEqual([...selfDeclared.keys()]);
    const changed = [...signedIn.keys()].filter((path) => sha256(signedIn.get(path)!) !== sha256(selfDeclared.get(path)!));
    expect(changed).toEqual([REFERENCE, REPORT]);
  });

  it('records her sign-in in the reference SEG, whose Pixel Data is the self-declared one\'s', () => {
    expect(segCreatorIdentity(readPart10(signedIn.get(REFERENCE)!, { untilPixelData: true }).dataset)).toEqual({
      name: 'Lindqvist^Maria', login: 'mlindqvist', contentLabel: 'ADJUDICATED', authentication: signIn,
    });
    expect(describeJudgedSeg(signedIn.get(REFERENCE)!).pixelDataSha256).toBe(describeJudgedSeg(selfDeclared.get(REFERENCE)!).pixelDataSha256);
  });

  it('records her sign-in as the report\'s observer and verifier, and the SEGs it judges by the hashes they have', () => {
    const qc = readQcReport(signedIn.get(REPORT)!).qc!;
    expect(qc.observer).toEqual({ name: 'Lindqvist^Maria', login: 'mlindqvist', organization: 'SegQC Demo Hospital', role: 'adjudicator', authentication: signIn });
    expect(qc.verification).toMatchObject({ login: 'mlindqvist', authentication: signIn });
    const judged = new Map(qc.structures.flatMap((structure) => structure.annotations.map((a) => [a.segment.sopInstanceUid, a.pixelDataSha256])));
    const segs = [...signedIn.entries()].filter(([path]) => path.includes('/seg/') || path === REFERENCE);
    expect(new Map(segs.map(([, bytes]) => [describeJudgedSeg(bytes).sopInstanceUid, describeJudgedSeg(bytes).pixelDataSha256]))).toEqual(judged);
  });

  it('writes the same bytes at every run', () => {
    const again = filesOf({ cases: [CASE], adjudicatorAuthentication: signIn });
    expect([REFERENCE, REPORT].map((path) => sha256(again.get(path)!))).toEqual([REFERENCE, REPORT].map((path) => sha256(signedIn.get(path)!)));
  });
});
