import { demoManifest, generateDemoFiles } from '@segqc/demo-data';
import { multipartRelatedBody, readPart10, segCreatorIdentity, type NaturalDataset } from '@segqc/core';
import type { QcJson } from '../../packages/cli/src/qc/runQc';
import { PIXEL_DATA_TAG } from '../../packages/core/src/seg/read/dataDictionary';
import { parseDicomFile } from '../../packages/core/src/seg/read/parseDicomFile';
import { asLabelMap, fixtureSeg, RLE_LOSSLESS, withRleFrames, writeDataset } from '../../packages/core/src/seg/read/segVariants.fixture';
import { ohifStyleSeg } from '../harness/ohifStyleSeg';
import { pacsFingerprint } from '../harness/pacsFingerprint';
import { segqc } from '../harness/segqcCommand';
import { startTestIssuer, type TestIssuer } from '../harness/testIssuer';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';

// Issue 13 through the gateway with sign-in on, in front of a real Orthanc: OHIF's own "Export →
// DICOM SEG" labels its SEG SEGMENTATION and names no creator. Stored by a signed-in annotator, it
// reaches the PACS naming them as its authenticated creator (the gateway records them in the object
// at STOW time), and `segqc qc` lists it under their name, not as "(unattributed)"; its Pixel Data,
// native or RLE Lossless, is stored as it was sent. Such a SEG naming someone else, or stored by a
// role that stores no annotations, is refused and the PACS is left as it was. Tokens are JWTs of
// a provider found by discovery (testIssuer).
jest.setTimeout(240_000);

const CASE = 'ct-01';
const { StudyInstanceUID: study } = demoManifest({ cases: [CASE] }).cases[0]!;
const rivera = [...generateDemoFiles({ cases: [CASE] })].find((file) => file.path === `${CASE}/seg/rivera.dcm`)!.bytes;

let issuer: TestIssuer;
let pacs: TestPacs;
let origin: string;
beforeAll(async () => {
  issuer = await startTestIssuer();
  pacs = await startTestPacs([CASE], { accessTokens: issuer.verifier });
  origin = new URL(pacs.dicomwebUrl).origin;
});
afterAll(async () => {
  await pacs?.stop();
  await issuer?.stop();
});

/** A reader the demo case does not know: the SEG below can only be named after them by the gateway. */
const ANNOTATOR = { login: 'tnguyen', subject: 'c0ffee01-nguyen', claims: { roles: ['annotator'], preferred_username: 'tnguyen', name: 'Thu Nguyen', given_name: 'Thu', family_name: 'Nguyen' } };
const REVIEWER = { login: 'psingh', subject: 'c0ffee02-singh', claims: { roles: ['reviewer'], preferred_username: 'psingh', name: 'Priya Singh' } };
const tokenOf = (who: typeof ANNOTATOR | typeof REVIEWER) => issuer.token(who.subject, who.claims);

async function stow(who: typeof ANNOTATOR | typeof REVIEWER, bytes: Uint8Array): Promise<{ status: number; error: string | null }> {
  const { body, contentType } = multipartRelatedBody([bytes], 'stamps-creator-boundary');
  const response = await fetch(`${pacs.dicomwebUrl}/studies`, { method: 'POST', headers: { Authorization: `Bearer ${await tokenOf(who)}`, 'Content-Type': contentType, Origin: origin }, body });
  const answer = (await response.json().catch(() => ({}))) as { error?: string };
  return { status: response.status, error: answer.error ?? null };
}

/** The file Orthanc stored for a SOP Instance UID, as it is on its disk (REST /instances/{id}/file). */
async function storedFile(sopInstanceUid: string): Promise<Uint8Array> {
  const found = (await (await orthancRest(pacs.orthanc, '/tools/lookup', { method: 'POST', body: sopInstanceUid })).json()) as Array<{ ID: string; Type: string }>;
  const instance = found.find((item) => item.Type === 'Instance');
  if (!instance) throw new Error(`Orthanc holds no instance ${sopInstanceUid}`);
  return new Uint8Array(await (await orthancRest(pacs.orthanc, `/instances/${instance.ID}/file`)).arrayBuffer());
}
const header = (bytes: Uint8Array): NaturalDataset => readPart10(bytes, { untilPixelData: true }).dataset;
/** The Pixel Data element's value as it is in the file: native bytes, or the offset table and fragments. */
function pixelData(bytes: Uint8Array): Buffer {
  const element = parseDicomFile(bytes).dataset.get(PIXEL_DATA_TAG)!;
  return Buffer.from(bytes.subarray(element.offset, element.offset + element.length));
}
const stampedAsAnnotator = (label: string) => ({
  name: 'Nguyen^Thu', login: 'tnguyen', contentLabel: label, authentication: { issuer: issuer.issuer, subject: ANNOTATOR.subject },
});

const ohif = ohifStyleSeg(rivera, 'stamped-by-gateway', 'Lungs by a reader in OHIF');

describe("an annotator stores OHIF's export of their work", () => {
  beforeAll(async () => {
    expect(segCreatorIdentity(header(ohif.bytes))).toEqual({ contentLabel: 'SEGMENTATION' });
    expect(await stow(ANNOTATOR, ohif.bytes)).toEqual({ status: 200, error: null });
  });

  it('the PACS holds it naming them as its authenticated creator, its UIDs, label and Pixel Data as sent', async () => {
    const stored = await storedFile(ohif.sopInstanceUID);
    expect(segCreatorIdentity(header(stored))).toEqual(stampedAsAnnotator('SEGMENTATION'));
    expect(header(stored)['ContentDescription']).toBe('Segmentation; creator authenticated');
    for (const keyword of ['SOPInstanceUID', 'SeriesInstanceUID', 'StudyInstanceUID', 'SOPClassUID', 'SeriesDescription']) expect(header(stored)[keyword]).toEqual(header(ohif.bytes)[keyword]);
    expect(readPart10(stored, { untilPixelData: true }).meta['TransferSyntaxUID']).toBe(readPart10(ohif.bytes, { untilPixelData: true }).meta['TransferSyntaxUID']);
    expect(pixelData(stored).equals(pixelData(ohif.bytes))).toBe(true);
  });

  it('it is theirs to read through the gateway (the blinding reads the creator it now names)', async () => {
    const response = await fetch(`${pacs.dicomwebUrl}/studies/${study}/series/${ohif.seriesInstanceUID}/metadata`, { headers: { Authorization: `Bearer ${await tokenOf(ANNOTATOR)}`, Accept: 'application/dicom+json' } });
    expect(response.status).toBe(200);
    const instances = (await response.json()) as Array<Record<string, { Value?: unknown[] }>>;
    expect(instances.map((instance) => instance['00080018']?.Value?.[0])).toEqual([ohif.sopInstanceUID]);
  });

  it('`segqc qc` lists it under their name, not as unattributed', async () => {
    const { code, stdout, stderr } = await segqc(['qc', '--pacs', pacs.dicomwebUrl, '--study', study, '--json'], { SEGQC_DICOMWEB_TOKEN: await tokenOf(REVIEWER) });
    if (code !== 0 && code !== 1) throw new Error(`segqc qc exited ${code}: ${stderr}`);
    const [result] = (JSON.parse(stdout) as QcJson).cases;
    expect(result!.annotations.map((annotation) => annotation.id).sort()).toEqual(['Chen, Wei', 'Nguyen, Thu', 'Okafor, Chidi', 'Rivera, Ana']);
    const stamped = result!.annotations.find((annotation) => annotation.sopInstanceUid === ohif.sopInstanceUID);
    expect(stamped).toMatchObject({ id: 'Nguyen, Thu', name: 'Nguyen^Thu', login: 'tnguyen', attributedBy: 'creator' });
    // A copy of Rivera's masks: Dice 1 with hers, on every structure.
    const withRivera = result!.pairs.filter((pair) => new Set([pair.a, pair.b]).has('Nguyen, Thu') && new Set([pair.a, pair.b]).has('Rivera, Ana'));
    expect(withRivera.map((pair) => [pair.structure, pair.dice]).sort()).toEqual([['Left lung', 1], ['Lung nodule', 1], ['Right lung', 1]]);
  });
});

test('an RLE Lossless LABELMAP SEG with no creator (what OHIF 3.13 exports) is stored stamped, its fragments as sent', async () => {
  const fixture = fixtureSeg({ name: 'gateway-stamps-rle' });
  const { dataset, frames } = asLabelMap(fixture, 8);
  const { ContentCreatorName: _name, ContentCreatorIdentificationCodeSequence: _codes, ...rest } = withRleFrames(dataset, frames, 1);
  const rle = writeDataset({ ...rest, ContentLabel: 'SEGMENTATION', ContentDescription: '' }, RLE_LOSSLESS);
  expect(await stow(ANNOTATOR, rle)).toEqual({ status: 200, error: null });
  const stored = await storedFile(header(rle)['SOPInstanceUID'] as string);
  expect(readPart10(stored, { untilPixelData: true }).meta['TransferSyntaxUID']).toBe(RLE_LOSSLESS);
  expect(header(stored)['SOPClassUID']).toBe('1.2.840.10008.5.1.4.1.1.66.7');
  expect(segCreatorIdentity(header(stored))).toEqual(stampedAsAnnotator('SEGMENTATION'));
  expect(pixelData(stored).equals(pixelData(rle))).toBe(true);
});

const REFUSED: Array<[string, typeof ANNOTATOR | typeof REVIEWER, () => Uint8Array]> = [
  ['an OHIF-style SEG naming another creator', ANNOTATOR, () => ohifStyleSeg(rivera, 'names-another', 'Lungs by Chen', (dataset) => ({ ...dataset, ContentCreatorName: 'Chen^Wei' })).bytes],
  ['an OHIF-style SEG stored by a reviewer, whose role stores no annotations', REVIEWER, () => ohifStyleSeg(rivera, 'by-a-reviewer', 'Lungs by a reviewer').bytes],
];

test.each(REFUSED)('refused, the PACS unchanged: %s', async (_what, who, bytes) => {
  const before = await pacsFingerprint(pacs);
  expect(await stow(who, bytes())).toEqual({ status: 403, error: 'store-refused' });
  expect(await pacsFingerprint(pacs)).toEqual(before);
});
