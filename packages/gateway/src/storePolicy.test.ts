// Issue 13 at the store check: with sign-in, a SEG labelled anything but ADJUDICATED or GOLD is an
// annotation, and one that names no creator (OHIF's own export) is stamped with the user storing it
// — if their roles may store annotations — before any byte reaches the PACS. The body forwarded is
// the client's with only that part's content replaced; a SEG naming someone else, a reference
// standard naming no one and a role without annotations stay refused, and one refused part
// refuses the whole body.
import {
  buildBinarySeg, parseMultipartRelated, readPart10, readSegmentation, segCreatorIdentity, uidFromName, writePart10,
  type AuthenticatedIdentity, type NaturalDataset,
} from '@segqc/core';
import { fixtureInput, syntheticSeries } from '../../core/src/seg/syntheticSource.fixture';
import { asLabelMap, fixtureSeg, RLE_LOSSLESS, withRleFrames, writeDataset } from '../../core/src/seg/read/segVariants.fixture';
import type { TokenIdentity } from './accessTokens';
import { forwardedBody, storeBodyOf } from './storeBody';
import { checkStoreBody } from './storePolicy';
import { StoreRefusal } from './storeRefusal';

const ISSUER = 'https://login.hospital.example/realms/radiology';
const annotator: TokenIdentity = { issuer: ISSUER, subject: 'sub-of-tnguyen', login: 'tnguyen', personName: 'Nguyen^Thu', roles: ['annotator'] };
const HOST = 'viewer.hospital.example';
const series = syntheticSeries();

/** The body as the gateway forwards it once the policy accepted it for `user`. */
const forwardedStoreBody = (sent: Uint8Array, user: TokenIdentity, host: string): Uint8Array => forwardedBody(checkStoreBody(storeBodyOf(sent, CONTENT_TYPE), user, host));

/** The fixture SEG as `changes` make it, e.g. as OHIF's export leaves it (no creator, label SEGMENTATION). */
function seg(name: string, changes: (dataset: NaturalDataset) => NaturalDataset, authentication?: AuthenticatedIdentity): Uint8Array {
  const base = fixtureInput(series);
  const dataset = buildBinarySeg({
    ...base,
    creator: { ...base.creator, ...(authentication ? { authentication } : {}) },
    sopInstanceUID: uidFromName(`store-policy/${name}/sop`),
    seriesInstanceUID: uidFromName(`store-policy/${name}/series`),
  });
  return writePart10(changes(dataset));
}
function ohifStyle(dataset: NaturalDataset): NaturalDataset {
  const { ContentCreatorName: _name, ContentCreatorIdentificationCodeSequence: _codes, ...rest } = dataset;
  return { ...rest, ContentLabel: 'SEGMENTATION', ContentDescription: '' };
}
const asUser = (login: string, label = 'ANNOTATION') => (dataset: NaturalDataset): NaturalDataset => ({
  ...dataset,
  ContentLabel: label,
  ContentCreatorIdentificationCodeSequence: [{ ...(dataset['ContentCreatorIdentificationCodeSequence'] as NaturalDataset[])[0], PersonIdentificationCodeSequence: [
    { CodeValue: login, CodingSchemeDesignator: '99SEGQC', CodeMeaning: login },
    ...((dataset['ContentCreatorIdentificationCodeSequence'] as NaturalDataset[])[0]!['PersonIdentificationCodeSequence'] as NaturalDataset[]).slice(1),
  ] }],
});

/** A body as a client may send it: a preamble, the boundary quoted, extra part headers, an epilogue. */
const BOUNDARY = 'client-boundary-7';
const CONTENT_TYPE = `multipart/related; type="application/dicom"; boundary="${BOUNDARY}"`;
function body(parts: Array<Uint8Array | { bytes: Uint8Array; headers: string }>): Buffer {
  const chunks: Buffer[] = [Buffer.from('This is the preamble.\r\n')];
  for (const part of parts) {
    const { bytes, headers } = part instanceof Uint8Array ? { bytes: part, headers: 'Content-Type: application/dicom\r\nX-Client-Note: kept' } : part;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\n${headers}\r\n\r\n`), Buffer.from(bytes), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\nThis is the epilogue.\r\n`));
  return Buffer.concat(chunks);
}
const headerOf = (bytes: Uint8Array): NaturalDataset => readPart10(bytes, { untilPixelData: true }).dataset;
const masksOf = (bytes: Uint8Array, images = series.images): number[][] => readSegmentation(bytes, images).segments.map((segment) => Array.from(segment.mask.words));
function refusal(run: () => unknown): { status: number; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof StoreRefusal) return { status: error.status, message: error.message };
    throw error;
  }
  throw new Error('not refused');
}

const own = seg('own', asUser('tnguyen'), { issuer: ISSUER, subject: 'sub-of-tnguyen' });
const ohif = seg('ohif', ohifStyle);

describe("an annotator stores their own SEG and an OHIF-style SEG (label SEGMENTATION, no creator) in one body", () => {
  const sent = body([own, ohif]);
  const forwarded = forwardedStoreBody(sent, annotator, HOST);
  const [ownPart, ohifPart] = parseMultipartRelated(forwarded, CONTENT_TYPE);

  it('the OHIF-style SEG is forwarded naming the annotator as its authenticated creator', () => {
    expect(segCreatorIdentity(headerOf(ohifPart!.body))).toEqual({
      name: 'Nguyen^Thu', login: 'tnguyen', contentLabel: 'SEGMENTATION', authentication: { issuer: ISSUER, subject: 'sub-of-tnguyen' },
    });
    expect(headerOf(ohifPart!.body)['ContentDescription']).toBe('Segmentation; creator authenticated');
    // The SEG's own InstitutionName is the creator's institution.
    expect((headerOf(ohifPart!.body)['ContentCreatorIdentificationCodeSequence'] as NaturalDataset[])[0]!['InstitutionName']).toBe('SegQC Test Hospital');
  });

  it('with its UIDs and masks as they were', () => {
    for (const keyword of ['SOPInstanceUID', 'SeriesInstanceUID', 'StudyInstanceUID', 'SOPClassUID']) expect(headerOf(ohifPart!.body)[keyword]).toBe(headerOf(ohif)[keyword]);
    expect(masksOf(ohifPart!.body)).toEqual(masksOf(ohif));
  });

  it('and everything else of the body byte for byte: preamble, boundary, part headers, the other part, epilogue', () => {
    const start = sent.indexOf(Buffer.from(ohif));
    const end = start + ohif.length;
    expect(forwarded.subarray(0, start)).toEqual(sent.subarray(0, start));
    expect(forwarded.subarray(forwarded.length - (sent.length - end))).toEqual(sent.subarray(end));
    expect(Buffer.from(ownPart!.body).equals(Buffer.from(own))).toBe(true);
    expect(ohifPart!.headers).toEqual({ 'content-type': 'application/dicom', 'x-client-note': 'kept' });
  });
});

test('an RLE Lossless LABELMAP SEG of OHIF\'s kind is stamped, its Pixel Data kept', () => {
  const fixture = fixtureSeg({ name: 'store-policy-rle' });
  const { dataset, frames } = asLabelMap(fixture, 8);
  const rle = writeDataset(ohifStyle(withRleFrames(dataset, frames, 1)), RLE_LOSSLESS);
  const [part] = parseMultipartRelated(forwardedStoreBody(body([rle]), annotator, HOST), CONTENT_TYPE);
  expect(readPart10(part!.body, { untilPixelData: true }).meta['TransferSyntaxUID']).toBe(RLE_LOSSLESS);
  expect(segCreatorIdentity(headerOf(part!.body)).authentication).toEqual({ issuer: ISSUER, subject: 'sub-of-tnguyen' });
  expect(masksOf(part!.body, fixture.series.images)).toEqual(masksOf(rle, fixture.series.images));
  // The encapsulated Pixel Data element and what follows it: the same bytes, at the end of both files.
  const tail = (bytes: Uint8Array) => Buffer.from(bytes.subarray(bytes.length - 200));
  expect(tail(part!.body)).toEqual(tail(rle));
});

test('without a name in the token, the login is the name; without an InstitutionName, the host the SEG was sent to', () => {
  const noInstitution = seg('no-institution', (dataset) => {
    const { InstitutionName: _institution, ...rest } = ohifStyle(dataset);
    return rest;
  });
  const [part] = parseMultipartRelated(forwardedStoreBody(body([noInstitution]), { ...annotator, personName: undefined }, HOST), CONTENT_TYPE);
  const header = headerOf(part!.body);
  expect(segCreatorIdentity(header).name).toBe('tnguyen');
  expect((header['ContentCreatorIdentificationCodeSequence'] as NaturalDataset[])[0]!['InstitutionName']).toBe(HOST);
});

test('a body with nothing to stamp is forwarded as it came', () => {
  const sent = body([own]);
  expect(forwardedStoreBody(sent, annotator, HOST)).toBe(sent);
  // Any label but ADJUDICATED or GOLD is an annotation: OHIF's SEGMENTATION naming the user is stored as is.
  const labelled = body([seg('own-segmentation', asUser('tnguyen', 'SEGMENTATION'), { issuer: ISSUER, subject: 'sub-of-tnguyen' })]);
  expect(forwardedStoreBody(labelled, annotator, HOST)).toBe(labelled);
});

test.each<[string, TokenIdentity, () => Buffer, number, RegExp]>([
  ['a reviewer storing an OHIF-style SEG', { ...annotator, roles: ['reviewer'] }, () => body([ohif]), 403, /^part 1: your roles \(reviewer\) may not store an annotation SEG$/],
  ['an OHIF-style SEG naming another person', annotator, () => body([seg('named', (d) => ({ ...ohifStyle(d), ContentCreatorName: 'Doe^John' }))]), 403, /^part 1: the SEG's creator records a self-declared identity/],
  ['an OHIF-style SEG with another person\'s login', annotator, () => body([seg('login', (d) => withoutName(asUser('wchen', 'SEGMENTATION')({ ...d, ContentDescription: '' })))]), 403, /^part 1: the SEG's creator records a self-declared identity/],
  ['an adjudicated reference naming no creator', { ...annotator, roles: ['adjudicator'] }, () => body([seg('reference', (d) => ({ ...ohifStyle(d), ContentLabel: 'ADJUDICATED' }))]), 403, /^part 1: the SEG's creator records a self-declared identity/],
  ['a stampable SEG beside a refused one', annotator, () => body([ohif, seg('forged', asUser('wchen'), { issuer: ISSUER, subject: 'sub-of-wchen' })]), 403, /^part 2: the SEG's creator records another authenticated person$/],
  ['an OHIF-style SEG whose part declares its Content-Length', annotator, () => body([{ bytes: ohif, headers: `Content-Type: application/dicom\r\nContent-Length: ${ohif.length}` }]), 400, /^part 1 declares a Content-Length/],
  ['an OHIF-style SEG in Explicit VR Big Endian', annotator, () => body([writeDataset(headerWithPixels(ohif), '1.2.840.10008.1.2.2')]), 400, /^part 1: the gateway cannot record you as the creator of this SEG, which names none: TransferSyntaxUID: .*Big Endian/],
])('refused: %s', (_what, user, sent, status, message) => {
  expect(refusal(() => forwardedStoreBody(sent(), user, HOST))).toEqual({ status, message: expect.stringMatching(message) });
});

function withoutName(dataset: NaturalDataset): NaturalDataset {
  const { ContentCreatorName: _name, ...rest } = dataset;
  return rest;
}

function headerWithPixels(bytes: Uint8Array): NaturalDataset {
  return readPart10(bytes).dataset;
}
