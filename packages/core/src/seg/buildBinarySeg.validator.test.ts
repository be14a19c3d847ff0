// Every SEG SegQC writes must pass the independent validators (dciodvfy for the IOD and encoding,
// dcentvfy for consistency with its source images, PixelMed's DicomInstanceValidator) with no
// counted error. Skipped, saying why, where the validators are not installed.
import { writePart10 } from '../dicom/part10';
import { buildBinarySeg } from './buildBinarySeg';
import { fixtureInput, syntheticSeries } from './syntheticSource.fixture';
import { expectValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';

const unavailable = validatorUnavailable();
if (unavailable) console.warn(`skipping the DICOM validator test: ${unavailable}`);
const describeWithValidator = unavailable ? describe.skip : describe;

function sourceCtFiles(series: ReturnType<typeof syntheticSeries>): Uint8Array[] {
  return series.images.map((image, k) =>
    writePart10({
      ...image,
      Modality: 'CT',
      SeriesNumber: 1,
      InstanceNumber: k + 1,
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      BitsAllocated: 16,
      BitsStored: 12,
      HighBit: 11,
      PixelRepresentation: 0,
      RescaleIntercept: -1024,
      RescaleSlope: 1,
      KVP: 120,
      AcquisitionNumber: 1,
      Manufacturer: 'SegQC fixture',
      PatientPosition: 'HFS',
      PixelData: [new Uint16Array(image.Rows * image.Columns).fill(1024).buffer],
      _vrMap: { PixelData: 'OW' },
    }),
  );
}

describeWithValidator('BINARY SEG passes dciodvfy, dcentvfy and PixelMed', () => {
  it('has no counted error for a three-segment SEG with an empty segment', () => {
    const series = syntheticSeries({ name: 'validator', rows: 24, columns: 20, slices: 12 });
    const result = validateDicom(writePart10(buildBinarySeg(fixtureInput(series))), sourceCtFiles(series));
    expectValidatorsPass(result, 'Segmentation');
  }, 60_000);
});
