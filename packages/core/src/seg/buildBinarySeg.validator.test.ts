// Every SEG SegQC writes must pass the independent validators (dciodvfy for the IOD and encoding,
// dcentvfy for consistency with its source images, PixelMed's DicomInstanceValidator) with no
// counted error. Skipped, saying why, where the validators are not installed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writePart10 } from '../dicom/part10';
import { buildBinarySeg } from './buildBinarySeg';
import { fixtureInput, syntheticSeries } from './syntheticSource.fixture';

// ../shared/tools/validate-dicom.sh beside the repository; override with SEGQC_VALIDATE_DICOM.
const VALIDATOR_SCRIPT = process.env['SEGQC_VALIDATE_DICOM'] ?? resolve(__dirname, '../../../../../shared/tools/validate-dicom.sh');

/** Why the validators cannot run here, or undefined when they can. */
function validatorUnavailable(): string | undefined {
  if (!existsSync(VALIDATOR_SCRIPT)) return `validator script not found at ${VALIDATOR_SCRIPT} (set SEGQC_VALIDATE_DICOM)`;
  if (spawnSync('sh', ['-c', 'command -v dciodvfy']).status !== 0) return 'dciodvfy is not on PATH (apt-get install -y dicom3tools dcmtk pixelmed-apps default-jre-headless)';
  return undefined;
}

interface ValidatorResult {
  exitCode: number | null;
  output: string;
  /** Lines the script counts (starting with "Error"), and lines that mean a validator did not run. */
  errors: string[];
  aborts: string[];
}

/** Validates `object` against its `sources` (Part 10 bytes). */
function validateDicom(object: Uint8Array, sources: readonly Uint8Array[]): ValidatorResult {
  const dir = mkdtempSync(join(tmpdir(), 'segqc-validate-'));
  try {
    const objectPath = join(dir, 'object.dcm');
    writeFileSync(objectPath, object);
    const sourcePaths = sources.map((bytes, i) => {
      const path = join(dir, `source-${String(i).padStart(4, '0')}.dcm`);
      writeFileSync(path, bytes);
      return path;
    });
    const run = spawnSync(VALIDATOR_SCRIPT, [objectPath, ...sourcePaths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    const lines = output.split('\n');
    return {
      exitCode: run.status,
      output,
      errors: lines.filter((line) => line.startsWith('Error')),
      aborts: lines.filter((line) => /^Abort|Exception|No such file/.test(line)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

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
    expect(result.aborts).toEqual([]);
    expect(result.output).toContain('== dciodvfy');
    expect(result.output).toContain('Found Segmentation IOD');
    expect(result.output).toContain('== dcentvfy');
    expect(result.errors).toEqual([]);
    expect(result.exitCode).toBe(0);
  }, 60_000);
});
