import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BitMask, loadSop, readPart10, readSegHeader, readSegmentation, segCreatorIdentity } from '@segqc/core';
import { ctDisplaySet, PIXELS, sliceOfInstance } from '../labelmap/labelmapBridge.fixture';
import { sourceImagesOfDisplaySet } from '../labelmap/sourceImagesOfDisplaySet';
import { SELF_DECLARED_CREATOR } from './annotationContentDescription';
import { annotationSeg } from './annotationSeg';

// What an annotator saves is the evidence of who segmented what under which SOP: the SEG must hold
// exactly the painted voxels, the SOP's structures with their codes, the creator (and whether the
// identity was typed or authenticated by the viewer's sign-in), the time, and the SOP's id@version+hash.
const sops = join(__dirname, '..', '..', '..', '..', 'platform-config', 'sops');
const readJson = (file: string) => JSON.parse(readFileSync(join(sops, file), 'utf8')) as unknown;
const sop = loadSop(readJson('ct-lung-nodule.json'), readJson('sop.schema.json') as object);
const series = sourceImagesOfDisplaySet(ctDisplaySet());
const { grid } = series.sourceGrid;
const creator = { personName: 'Rivera^Ana', login: 'arivera', institutionName: 'Example Hospital' };
const at = new Date(2026, 5, 3, 14, 5, 9);

function painted(): Map<number, BitMask> {
  const rightLung = BitMask.fromPredicate(grid, (i, j, k) => i < 2 && j < 2 && k === sliceOfInstance(1));
  const nodule = BitMask.fromPredicate(grid, (i, j, k) => i === 4 && j === 3 && k >= 2);
  return new Map([[1, rightLung], [2, new BitMask(grid)], [3, nodule]]);
}

test('a BINARY SEG of the painted voxels, one segment per SOP structure, stamped with creator, time and SOP', () => {
  const seg = annotationSeg({ sourceImages: series.sourceImages, masks: painted(), sop, creator, at, seriesNumber: 901, softwareVersion: '0.1.0' });
  expect(seg.voxels).toEqual(new Map([[1, 4], [2, 0], [3, 4]]));

  const read = readSegmentation(seg.bytes, series.sourceImages);
  const masks = painted();
  expect(read.segments.map((s) => [s.number, s.label, [...s.mask.indices()]])).toEqual(
    sop.structures.map((structure, n) => [n + 1, structure.label, [...masks.get(n + 1)!.indices()]]),
  );
  expect([...read.segments[0].mask.indices()]).toEqual([0, 1, 5, 6].map((p) => sliceOfInstance(1) * PIXELS + p));

  const header = readSegHeader(seg.bytes);
  expect(header).toMatchObject({
    contentLabel: 'ANNOTATION',
    contentCreatorName: 'Rivera^Ana',
    contentDescription: SELF_DECLARED_CREATOR,
    contentDate: '20260603',
    contentTime: '140509',
    sopInstanceUID: seg.sopInstanceUID,
    seriesInstanceUID: seg.seriesInstanceUID,
  });
  expect(header.segments[2]).toMatchObject({ label: 'Lung nodule', type: { value: '27925004', scheme: 'SCT' }, category: { value: '49755003' } });
  expect(header.segments[0].typeModifier).toMatchObject({ value: '24028007', meaning: 'Right' });

  const { dataset } = readPart10(seg.bytes);
  expect(dataset.ProtocolName).toBe(sop.reference.toProtocolName());
  const identification = (dataset.ContentCreatorIdentificationCodeSequence as Array<Record<string, unknown>>)[0];
  expect((identification.PersonIdentificationCodeSequence as Array<Record<string, unknown>>)[0]).toMatchObject({ CodeValue: 'arivera', CodingSchemeDesignator: '99SEGQC' });
  expect(identification.InstitutionName).toBe('Example Hospital');
  expect(segCreatorIdentity(dataset)).toEqual({ name: 'Rivera^Ana', login: 'arivera', contentLabel: 'ANNOTATION' }); // self-declared
});

test('a creator signed in through the viewer\'s OIDC login is recorded as authenticated, with issuer and subject', () => {
  const authentication = { issuer: 'https://login.example-hospital.org/realms/radiology', subject: 'f3a9c2d1-77e4-4b0a-9d35-6c1e2b8a4f70' };
  const seg = annotationSeg({ sourceImages: series.sourceImages, masks: painted(), sop, creator: { ...creator, authentication }, at, seriesNumber: 1, softwareVersion: '0.1.0' });
  expect(readSegHeader(seg.bytes).contentDescription).toBe('SegQC annotation; creator authenticated');
  expect(segCreatorIdentity(readPart10(seg.bytes).dataset)).toEqual({ name: 'Rivera^Ana', login: 'arivera', contentLabel: 'ANNOTATION', authentication });
});

test('nothing painted, or a painted segment the SOP does not define, is refused; an empty extra segment is ignored', () => {
  const save = (masks: Map<number, BitMask>) => annotationSeg({ sourceImages: series.sourceImages, masks, sop, creator, at, seriesNumber: 1, softwareVersion: '0.1.0' });
  expect(() => save(new Map([[1, new BitMask(grid)]]))).toThrow('nothing is painted yet: paint at least one structure before saving');
  const extra = BitMask.fromPredicate(grid, (i) => i === 0); // column 0: 4 rows × 6 slices
  expect(() => save(new Map([...painted(), [4, extra]]))).toThrow(/segment 4 is painted \(24 voxels\) but SOP ct-lung-nodule@\S+ defines only 3 structures/);
  expect(save(new Map([...painted(), [4, new BitMask(grid)]])).voxels.has(4)).toBe(false);
});
