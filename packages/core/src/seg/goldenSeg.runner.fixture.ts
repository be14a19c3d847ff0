// Runs one golden SEG case as a jest `describe`: build and write it once, then prove it valid
// (dciodvfy, dcentvfy against its source files, PixelMed: no counted error) and lossless (our
// reader gives back the identical masks, segment descriptions and frame count).
import { writePart10 } from '../dicom/part10';
import { readPart10 } from '../dicom/readPart10';
import { readSegmentation } from './read/readSegmentation';
import { buildBinarySeg } from './buildBinarySeg';
import { SegmentDescription } from './SegmentDescription';
import { differingVoxels, expectedFrameCount, expectedMasks, readMasksInSourceOrder, type GoldenSeg, type GoldenSegCase } from './goldenSeg.fixture';
import { expectValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';

export function describeGoldenSeg(golden: GoldenSegCase): void {
  describe(`golden SEG: ${golden.name}`, () => {
    let built: GoldenSeg;
    let bytes: Uint8Array;
    beforeAll(() => {
      built = golden.build();
      bytes = writePart10(buildBinarySeg(built.input));
    });

    it('passes dciodvfy, dcentvfy against its source and PixelMed with no counted error', () => {
      // Required, not optional: without the validators the test fails, saying why (issue 14).
      expect(validatorUnavailable()).toBeUndefined();
      const result = validateDicom(bytes, built.sourceFiles);
      expectValidatorsPass(result, 'Segmentation');
    }, 60_000);

    it('reads back to the identical masks, segment by segment, with only the non-empty frames', () => {
      const segmentation = readSegmentation(bytes, built.input.sourceImages);
      const expected = expectedMasks(built.input);
      const read = readMasksInSourceOrder(segmentation, built.input.sourceImages);
      expect([...read.keys()]).toEqual([...expected.keys()].sort((a, b) => a - b));
      for (const [number, mask] of expected) expect([number, differingVoxels(read.get(number)!, mask)]).toEqual([number, 0]);
      const described = built.input.segments.map((s, i) => (s instanceof SegmentDescription ? s : new SegmentDescription(s, `SegmentSequence[${i}]`)));
      expect(segmentation.segments.map((s) => [s.number, s.label, s.category?.value, s.type?.value, s.typeModifier?.value])).toEqual(
        described.map((s) => [s.segmentNumber, s.label, s.category.value, s.type.value, s.typeModifier?.value]),
      );
      expect(readPart10(bytes).dataset['NumberOfFrames']).toBe(expectedFrameCount(built.input));
    });

    if (golden.check) {
      it('writes what the case is about', () => {
        golden.check!(readPart10(bytes).dataset as Record<string, unknown>, built.input);
      });
    }
  });
}
