// `segqc seg` is how research groups turn label volumes from their own tools into SEGs on the
// PACS, as they do with dcmqi's itkimage2segimage. These run the command in-process: a demo case's
// annotation saved as NRRD files comes back as a SEG that our reader reads to the same voxels and
// the validators accept; META mistakes name the field; a volume on another grid is refused.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  GeometryMismatchError, LabelVolumeError, readSegmentation, readSourceImages, type Segmentation, type VoxelGrid,
} from '@segqc/core';
import { CT_SEGMENTS, demoManifest, writeDemoCohort } from '@segqc/demo-data';
import { UsageError } from '../usageError';
import { runSeg } from './runSeg';
import type { SegMeta } from './segMeta';
import { sourceImageFiles } from '../../../core/src/seg/sourceFiles.fixture';
import { writeNifti } from '../../../core/src/volume/io/nifti.fixture';
import { syntheticSeries } from '../../../core/src/seg/syntheticSource.fixture';
import { expectValidatorsPass, validateDicom, validatorUnavailable } from '../../../../tests/harness/validateDicom';

jest.setTimeout(120_000);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'segqc-seg-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A minimal NRRD (LPS, raw or gzip) of `labels` on `grid`, as ITK and Slicer write them. */
function nrrd(grid: VoxelGrid, labels: Uint8Array | Uint16Array, { gzip = false } = {}): Uint8Array {
  const axis = (direction: readonly number[], spacing: number) => `(${direction.map((d) => d * spacing).join(',')})`;
  const header = [
    'NRRD0004',
    `type: ${labels instanceof Uint16Array ? 'uint16' : 'uint8'}`,
    'dimension: 3',
    'space: left-posterior-superior',
    `sizes: ${grid.columns} ${grid.rows} ${grid.slices}`,
    `space directions: ${axis(grid.rowDirection, grid.spacing[0])} ${axis(grid.columnDirection, grid.spacing[1])} ${axis(grid.sliceDirection, grid.spacing[2])}`,
    'kinds: domain domain domain',
    'endian: little',
    `encoding: ${gzip ? 'gzip' : 'raw'}`,
    `space origin: (${grid.origin.join(',')})`,
  ].join('\n');
  const raw = new Uint8Array(labels.buffer, labels.byteOffset, labels.byteLength);
  return Buffer.concat([Buffer.from(`${header}\n\n`), gzip ? gzipSync(raw) : raw]);
}

function write(name: string, content: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const code = (value: string, scheme: string, meaning: string) => ({ value, scheme, meaning });

describe('segqc seg on a demo case (ct-01, Rivera)', () => {
  const CASE = 'ct-01';
  let caseDir: string;
  let annotation: Segmentation;
  let sourceFiles: Uint8Array[];

  beforeAll(() => {
    const cohort = join(dir, 'cohort');
    writeDemoCohort(cohort, { cases: [CASE] });
    caseDir = join(cohort, CASE);
    const seg = demoManifest({ cases: [CASE] }).cases[0].segs.find((s) => s.annotator.key === 'rivera')!;
    const ctDir = join(caseDir, 'ct');
    sourceFiles = Array.from({ length: 100 }, (_, n) => new Uint8Array(readFileSync(join(ctDir, `${String(n + 1).padStart(4, '0')}.dcm`))));
    annotation = readSegmentation(new Uint8Array(readFileSync(join(cohort, seg.path))), readSourceImages(sourceFiles));
  });

  it('writes the lungs (one multi-label volume) and the nodules (one binary volume) as one SEG that reads back to the same voxels', () => {
    const { grid } = annotation;
    const lungs = new Uint8Array(grid.columns * grid.rows * grid.slices);
    for (const v of annotation.segments[0].mask.indices()) lungs[v] = 1;
    for (const v of annotation.segments[1].mask.indices()) lungs[v] = 2;
    const nodules = new Uint8Array(lungs.length);
    for (const v of annotation.segments[2].mask.indices()) nodules[v] = 1;
    const meta: SegMeta = {
      creator: { name: 'Rivera^Ana', login: 'arivera', institution: 'SegQC Demo Hospital' },
      contentLabel: 'ANNOTATION',
      contentDate: '20240312',
      contentTime: '101500',
      seriesDescription: 'Lungs and nodules (arivera) from NRRD',
      seriesNumber: 311,
      sop: { id: 'ct-lung-nodule', version: '1.2.0', sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
      segments: CT_SEGMENTS.map((s, n) => ({
        volume: n < 2 ? 0 : 1,
        labelValue: n < 2 ? n + 1 : 1,
        label: s.label,
        category: s.category,
        type: s.type,
        ...(s.typeModifier ? { typeModifier: s.typeModifier } : {}),
        ...(s.anatomicRegion ? { anatomicRegion: s.anatomicRegion } : {}),
        color: s.color,
        algorithmType: 'MANUAL' as const,
      })),
    };
    const out = join(dir, 'rivera-from-nrrd.dcm');
    let stdout = '';
    const exit = runSeg(
      [write('lungs.nrrd', nrrd(grid, lungs)), write('nodules.nrrd', nrrd(grid, nodules, { gzip: true })), '--source', caseDir, '--out', out, '--meta', write('meta.json', JSON.stringify(meta))],
      (text) => (stdout += text),
    );
    expect(exit).toBe(0);
    expect(stdout).toMatch(/^wrote .*rivera-from-nrrd\.dcm: ANNOTATION SEG, 3 segments in \d+ frame\(s\), on series "Chest 2\.5 mm" \(2\.25\.\d+\)\n$/);

    const bytes = new Uint8Array(readFileSync(out));
    const read = readSegmentation(bytes, readSourceImages(sourceFiles));
    expect(read.segments.map((s) => [s.number, s.label, s.type?.value, s.typeModifier?.value])).toEqual(CT_SEGMENTS.map((s) => [s.segmentNumber, s.label, s.type.value, s.typeModifier?.value]));
    read.segments.forEach((segment, n) => {
      expect(segment.mask.count()).toBe(annotation.segments[n].mask.count());
      expect(Buffer.from(segment.mask.words.buffer).equals(Buffer.from(annotation.segments[n].mask.words.buffer))).toBe(true);
    });
    expect(read.source.creatorName).toBe('Rivera^Ana');

    // The validators are part of the test, not optional: without them it fails, saying why (issue 14).
    expect(validatorUnavailable()).toBeUndefined();
    expectValidatorsPass(validateDicom(bytes, sourceFiles), 'Segmentation');
  });
});

describe('segqc seg input errors', () => {
  const series = syntheticSeries({ name: 'seg-cli', rows: 5, columns: 4, slices: 3 });
  let sourceDir: string;
  let grid: VoxelGrid;
  let labels: Uint8Array;
  const validMeta = (): SegMeta => ({
    creator: { name: 'Chen^Wei', login: 'wchen', institution: 'SegQC Test Hospital' },
    segments: [
      { labelValue: 1, label: 'Lesion', category: code('49755003', 'SCT', 'Morphologically Abnormal Structure'), type: code('52988006', 'SCT', 'Lesion'), algorithmType: 'MANUAL' },
      { labelValue: 2, label: 'Nodule', category: code('49755003', 'SCT', 'Morphologically Abnormal Structure'), type: code('27925004', 'SCT', 'Nodule'), algorithmType: 'MANUAL' },
      { labelValue: 3, label: 'Consensus', category: code('49755003', 'SCT', 'Morphologically Abnormal Structure'), type: code('52988006', 'SCT', 'Lesion'), algorithmType: 'AUTOMATIC', algorithmName: 'STAPLE', color: [0, 128, 255] },
    ],
  });

  beforeAll(() => {
    sourceDir = join(dir, 'synthetic');
    mkdirSync(sourceDir);
    sourceImageFiles(series.images).forEach((bytes, n) => writeFileSync(join(sourceDir, `${n}.dcm`), bytes));
    // The series' grid: slices ascend along the normal, i.e. input slice 2 first.
    const first = series.images[2].ImagePositionPatient;
    grid = { columns: 4, rows: 5, slices: 3, spacing: [0.7, 0.8, 2], origin: [first[0], first[1], first[2]], rowDirection: [1, 0, 0], columnDirection: [0, 1, 0], sliceDirection: [0, 0, 1] };
    labels = new Uint8Array(60);
    labels[0] = 1;
    labels[25] = 2;
    labels[59] = 3;
  });

  function seg(meta: unknown, options: { volumes?: Uint8Array[]; extra?: string[]; source?: string } = {}): { exit?: number; error?: Error; stdout: string } {
    const volumes = (options.volumes ?? [nrrd(grid, labels)]).map((bytes, n) => write(`volume-${n}.nrrd`, bytes));
    const metaPath = write('meta-under-test.json', typeof meta === 'string' ? meta : JSON.stringify(meta));
    let stdout = '';
    try {
      const exit = runSeg([...volumes, '--source', options.source ?? sourceDir, '--out', join(dir, 'out.dcm'), '--meta', metaPath, ...(options.extra ?? [])], (t) => (stdout += t));
      return { exit, stdout };
    } catch (error) {
      return { error: error as Error, stdout };
    }
  }

  it('writes a three-label volume with a valid META (the baseline the errors below change)', () => {
    const result = seg(validMeta());
    expect(result.error).toBeUndefined();
    expect(result.exit).toBe(0);
    const read = readSegmentation(new Uint8Array(readFileSync(join(dir, 'out.dcm'))), series.images);
    expect(read.segments.map((s) => s.mask.count())).toEqual([1, 1, 1]);
  });

  const withSegment = (n: number, change: Record<string, unknown>, remove: string[] = []) => {
    const meta = validMeta() as unknown as { segments: Record<string, unknown>[] };
    meta.segments[n] = { ...meta.segments[n], ...change };
    for (const key of remove) delete meta.segments[n][key];
    return meta;
  };

  it.each<[string, unknown, string]>([
    ['a colour out of range', withSegment(2, { color: [0, 0, 300] }), 'META segments[2].color: must be an array of 3 integers 0-255'],
    ['a colour of two numbers', withSegment(0, { color: [1, 2] }), 'META segments[0].color: must be an array of 3 integers 0-255'],
    ['a misspelt field', withSegment(0, { colour: [1, 2, 3] }), 'META segments[0].colour: is not a field of META (see packages/cli/schemas/seg-meta.schema.json)'],
    ['an AUTOMATIC segment without algorithm name', withSegment(2, {}, ['algorithmName']), 'META segments[2].algorithmName: is required'],
    ['an unknown algorithm type', withSegment(1, { algorithmType: 'GUESSED' }), 'META segments[1].algorithmType: must be MANUAL, SEMIAUTOMATIC or AUTOMATIC'],
    ['a code without meaning', withSegment(0, { category: { value: '49755003', scheme: 'SCT' } }), 'META segments[0].category.meaning: is required'],
    ['a label with a backslash', withSegment(1, { label: 'a\\b' }), 'META segments[1].label: must be text of 1 to 64 characters without a backslash or control characters (LO)'],
    ['a tracking ID without UID', withSegment(0, { trackingId: 'lesion 1' }), 'META segments[0].trackingUid: is required with trackingId'],
    ['label value 0', withSegment(0, { labelValue: 0 }), 'META segments[0].labelValue: must be a label value: an integer of at least 1'],
    ['a lowercase role', { ...validMeta(), contentLabel: 'gold' }, 'META contentLabel: must be ANNOTATION, ADJUDICATED or GOLD'],
    ['no creator', { segments: validMeta().segments }, 'META creator: is required'],
    ['a creator without institution', { ...validMeta(), creator: { name: 'Chen^Wei', login: 'wchen' } }, 'META creator.institution: is required'],
    ['a creator name of carets only', { ...validMeta(), creator: { name: '^^', login: 'wchen', institution: 'X' } }, 'META creator.name: must be a DICOM person name Family^Given (at most 64 characters, no backslash)'],
    ['a SOP hash of 40 digits', { ...validMeta(), sop: { id: 'ct-lung', version: '1.0.0', sha256: 'a'.repeat(40) } }, "META sop.sha256: must be the SHA-256 of the SOP's canonical JSON: 64 hex digits"],
    ['a SOP version of two parts', { ...validMeta(), sop: { id: 'ct-lung', version: '1.0', sha256: 'a'.repeat(64) } }, 'META sop.version: must be a semantic version MAJOR.MINOR.PATCH[-prerelease]'],
    ['a date in another format', { ...validMeta(), contentDate: '2024-03-12' }, 'META contentDate: must be a date YYYYMMDD'],
    ['a date that is not in the calendar', { ...validMeta(), contentDate: '20240231' }, 'META contentDate: ContentDate: "20240231" is not a calendar date'],
    ['no segments', { ...validMeta(), segments: [] }, 'META segments: must be a list of at least one segment'],
    ['an array instead of an object', [], 'META: must be a JSON object'],
    ['text that is not JSON', '{"creator": ', 'META: not JSON: '],
    ['a volume index past the VOLUMEs', withSegment(1, { volume: 1 }), 'META segments[1].volume: is 1, but one VOLUME was given (0-based)'],
    ['a label value described twice', withSegment(1, { labelValue: 1 }), 'META segments[1]: describes label 1 of volume-0.nrrd again (segments[0] already does)'],
    ['a label value of the volume left undescribed', { ...validMeta(), segments: validMeta().segments.slice(0, 2) }, 'META segments: volume-0.nrrd has label value(s) 3 that no segment describes; describe every label (segqc drops none)'],
  ])('%s: a UsageError naming the field, on one line', (_, meta, message) => {
    const { error, stdout } = seg(meta);
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message.startsWith(message)).toBe(true);
    expect(error!.message).not.toContain('\n');
    expect(stdout).toBe('');
  });

  it('takes a NIfTI in RAS whose rows run the other way (as dcm2niix writes them)', () => {
    const { columns, rows, slices, spacing, origin } = grid;
    const flipped = new Uint8Array(60);
    for (let k = 0; k < slices; k++) for (let j = 0; j < rows; j++) for (let i = 0; i < columns; i++) flipped[(k * rows + j) * columns + i] = labels[(k * rows + rows - 1 - j) * columns + i];
    const lastRowY = origin[1] + (rows - 1) * spacing[1];
    const nifti = writeNifti({
      sizes: [columns, rows, slices], datatype: 2, sampleType: 'uint8', pixdim: [1, ...spacing], sformCode: 1,
      srow: [[-spacing[0], 0, 0, -origin[0]], [0, spacing[1], 0, -lastRowY], [0, 0, spacing[2], origin[2]]],
    }, flipped);
    const result = seg(validMeta(), { volumes: [gzipSync(nifti)] });
    expect([result.error, result.exit]).toEqual([undefined, 0]);
    const read = readSegmentation(new Uint8Array(readFileSync(join(dir, 'out.dcm'))), series.images);
    expect(read.segments.map((s) => Array.from(s.mask.indices()))).toEqual([[0], [25], [59]]);
  });

  it('refuses a volume on another grid (another slice spacing) with a one-line GeometryMismatchError', () => {
    const { error } = seg(validMeta(), { volumes: [nrrd({ ...grid, spacing: [0.7, 0.8, 3] }, labels)] });
    expect(error).toBeInstanceOf(GeometryMismatchError);
    expect(error!.message).toBe("volume-0.nrrd.grid.spacing: its slices (k) are 3 mm apart, the source series' voxels 2 mm along its slice normal: another grid");
  });

  it('refuses a second volume on another grid than the source series the first one found', () => {
    const shifted = nrrd({ ...grid, origin: [grid.origin[0] + 0.35, grid.origin[1], grid.origin[2]] }, new Uint8Array(60));
    const { error } = seg(withSegment(1, { volume: 1 }), { volumes: [nrrd(grid, labels.map((v) => (v === 2 ? 0 : v))), shifted] });
    expect(error).toBeInstanceOf(GeometryMismatchError);
    expect(error!.message).toMatch(/^volume-1\.nrrd\.grid\.origin: \(.*\) is 0\.35 mm off the source series' voxel centres along its row direction/);
  });

  it('says which series it tried when the folder holds several and none fits', () => {
    const other = syntheticSeries({ name: 'seg-cli-other', rows: 6, columns: 4, slices: 3 });
    const twoSeries = join(dir, 'two-series');
    mkdirSync(twoSeries);
    [...sourceImageFiles(series.images), ...sourceImageFiles(other.images)].forEach((bytes, n) => writeFileSync(join(twoSeries, `${n}.dcm`), bytes));
    const { error } = seg(validMeta(), { volumes: [nrrd({ ...grid, spacing: [0.7, 0.8, 3] }, labels)], source: twoSeries });
    expect(error).toBeInstanceOf(GeometryMismatchError);
    expect(error!.message).toMatch(/^volume-0\.nrrd\.grid: lies on none of the 2 image series under .*two-series: series \(2\.25\.\d+\): volume-0\.nrrd\.grid\.spacing: .*; series \(2\.25\.\d+\): /);
    expect(error!.message).not.toContain('\n');
  });

  it('asks for --series when the volume lies on several series (T1, T2 and FLAIR share a grid), and takes it', () => {
    const twin = join(dir, 'twins');
    mkdirSync(twin);
    const copy = series.images.map((image) => ({ ...image, SeriesInstanceUID: `${image.SeriesInstanceUID}.2`, SOPInstanceUID: `${image.SOPInstanceUID}.2` }));
    [...sourceImageFiles(series.images), ...sourceImageFiles(copy)].forEach((bytes, n) => writeFileSync(join(twin, `${n}.dcm`), bytes));
    const ambiguous = seg(validMeta(), { source: twin });
    expect(ambiguous.error).toBeInstanceOf(UsageError);
    expect(ambiguous.error!.message).toMatch(/^volume-0\.nrrd lies on 2 series under .*: .*; choose one with --series SERIES_INSTANCE_UID$/);
    const chosen = seg(validMeta(), { source: twin, extra: ['--series', copy[0].SeriesInstanceUID] });
    expect([chosen.error, chosen.exit]).toEqual([undefined, 0]);
    expect(chosen.stdout).toContain(copy[0].SeriesInstanceUID);
    expect(seg(validMeta(), { source: twin, extra: ['--series', '1.2.3'] }).error!.message).toMatch(/^--series 1\.2\.3: no image series with that SeriesInstanceUID/);
  });

  it('names the file of a volume it cannot read', () => {
    const { error } = seg(validMeta(), { volumes: [Buffer.from('NRRD0004\ntype: uchar\ndimension: 3\nsizes: 4 5\n\n')] });
    expect(error).toBeInstanceOf(LabelVolumeError);
    expect(error!.message).toMatch(/^volume-0\.nrrd: nrrd\./);
  });

  it('refuses a DICOM file given as a volume', () => {
    const { error } = seg(validMeta(), { volumes: [sourceImageFiles(series.images)[0]] });
    expect(error).toBeInstanceOf(UsageError);
    expect(error!.message).toMatch(/volume-0\.nrrd is a DICOM file: segqc seg takes NRRD or NIfTI/);
  });

  it.each<[string[], RegExp]>([
    [['a.nrrd', '--source', 'd', '--out', 'o.dcm'], /^--meta META\.json is required: it gives each segment's label and SNOMED codes and the creator/],
    [['--source', 'd', '--out', 'o.dcm', '--meta', 'm.json'], /^seg takes at least one label volume/],
    [['a.nrrd', '--out', 'o.dcm', '--meta', 'm.json'], /^--source is required/],
    [['a.nrrd', '--source', 'd', '--out', 'o.dcm', '--meta', 'm.json', '--colour', 'red'], /^unknown option --colour/],
    [['a.nrrd', '--source', '--out', 'o.dcm'], /^--source needs a value/],
  ])('bad arguments %j: a UsageError', (args, message) => {
    expect(() => runSeg(args, () => undefined)).toThrow(UsageError);
    expect(() => runSeg(args, () => undefined)).toThrow(message);
  });
});
