// Test harness: runs the project's DICOM validators (dciodvfy, dcentvfy, PixelMed) through
// tests/tools/validate-dicom.sh (override with SEGQC_VALIDATE_DICOM) on files in a temp folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Error lines the project accepts, one fixed string per line (no blank lines: grep -F -f would
 * match everything); each entry's reason is in validator-allowlist.md beside it. At most 3.
 */
export const VALIDATOR_ALLOWLIST = resolve(__dirname, '..', 'validator-allowlist.txt');

export function allowedErrors(): string[] {
  return readFileSync(VALIDATOR_ALLOWLIST, 'utf8').split('\n').filter((line) => line.length > 0);
}

export const VALIDATOR_SCRIPT = process.env['SEGQC_VALIDATE_DICOM'] ?? resolve(__dirname, '..', 'tools', 'validate-dicom.sh');

/** Why the validators cannot run here, or undefined when they can. */
export function validatorUnavailable(): string | undefined {
  if (!existsSync(VALIDATOR_SCRIPT)) return `validator script not found at ${VALIDATOR_SCRIPT} (set SEGQC_VALIDATE_DICOM)`;
  if (spawnSync('sh', ['-c', 'command -v dciodvfy']).status !== 0) return 'dciodvfy is not on PATH (apt-get install -y dicom3tools dcmtk pixelmed-apps default-jre-headless)';
  return undefined;
}

export interface ValidatorResult {
  exitCode: number | null;
  output: string;
  /** Lines the script counts (starting with "Error"), and lines that mean a validator did not run. */
  errors: string[];
  aborts: string[];
}

/** Validates `object` against its `sources` (Part 10 bytes). */
export function validateDicom(object: Uint8Array, sources: readonly Uint8Array[]): ValidatorResult {
  const dir = mkdtempSync(join(tmpdir(), 'segqc-validate-'));
  try {
    const objectPath = join(dir, 'object.dcm');
    writeFileSync(objectPath, object);
    const sourcePaths = sources.map((bytes, i) => {
      const path = join(dir, `source-${String(i).padStart(4, '0')}.dcm`);
      writeFileSync(path, bytes);
      return path;
    });
    const run = spawnSync(VALIDATOR_SCRIPT, ['--allow', VALIDATOR_ALLOWLIST, objectPath, ...sourcePaths], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
    const lines = output.split('\n');
    return {
      exitCode: run.status,
      output,
      errors: lines.filter((line) => line.startsWith('Error') && !allowedErrors().some((allowed) => line.includes(allowed))),
      aborts: lines.filter((line) => /^Abort|Exception|No such file/.test(line)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What every object SegQC writes must meet: each validator ran, recognised the IOD, and counted no error. */
export function expectValidatorsPass(result: ValidatorResult, iod: string): void {
  expect(result.aborts).toEqual([]);
  expect(result.output).toContain('== dciodvfy');
  expect(result.output).toContain(`Found ${iod} IOD`);
  expect(result.output).toContain('== dcentvfy');
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
}

/**
 * What every SR SegQC writes must meet. dciodvfy names an SR's IOD on a line of its own (e.g.
 * `Comprehensive3DSR`, `EnhancedSR`) rather than with "Found … IOD"; dsrdump must parse the tree;
 * PixelMed's DicomSRValidator must recognise the IOD and the root template (TID 1500); dcentvfy
 * must have checked the report against the files it refers to; and no Error line is counted.
 */
export function expectSrValidatorsPass(result: ValidatorResult, iod: string, rootTemplate = 'TID_1500'): void {
  expect(result.aborts).toEqual([]);
  expect(result.output).toContain('== dciodvfy');
  expect(result.output.split('\n')).toContain(iod);
  expect(result.output).toContain('== dsrdump');
  expect(result.output).toContain('== pixelmed DicomSRValidator');
  expect(result.output).toContain(`Found ${iod} IOD`);
  expect(result.output).toContain(`Found Root Template ${rootTemplate}`);
  expect(result.output).toContain('== dcentvfy');
  expect(result.errors).toEqual([]);
  expect(result.exitCode).toBe(0);
}
