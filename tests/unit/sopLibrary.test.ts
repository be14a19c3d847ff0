/**
 * The SOP library (issue 5, "SOP library and checklist"): every file in platform-config/sops/ loads
 * through core's validator with the schema file itself; ajv, a full JSON Schema implementation,
 * agrees with that validator on the real files and on broken variants, field for field (so the
 * subset core interprets is the schema the file declares); the hash ignores formatting and follows
 * content; and the demo cohort's series get the SOP a coordinator would pick.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoFiles } from '@segqc/demo-data';
import {
  InvalidSopError, canonicalJsonSha256, loadSop, readHeader, selectSop, validateJsonSchema,
  type Sop, type SopSeriesAttributes,
} from '@segqc/core';

// ajv@8 is a dependency of packages/cli only; tests may use it (packages/core may not).
const Ajv2020 = require('ajv/dist/2020') as new (options: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: AjvError[] | null };
};
interface AjvError { instancePath: string; keyword: string; params: Record<string, unknown> }

const SOP_DIR = join(__dirname, '..', '..', 'platform-config', 'sops');
const readJson = (name: string): unknown => JSON.parse(readFileSync(join(SOP_DIR, name), 'utf8'));
const SCHEMA = readJson('sop.schema.json') as object;
const SOP_FILES = readdirSync(SOP_DIR).filter((name) => name.endsWith('.json') && name !== 'sop.schema.json').sort();
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
type Json = Record<string, any>;

const ajvValidate = new Ajv2020({ allErrors: true, strict: true }).compile(SCHEMA);

/** ajv's errors, written the way SopValidationError writes paths. */
function ajvPaths(value: unknown): string[] {
  if (ajvValidate(value)) return [];
  return (ajvValidate.errors ?? []).map((error) => {
    const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const extra = error.params.missingProperty ?? error.params.additionalProperty;
    if (typeof extra === 'string') segments.push(extra);
    return segments.reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path ? `${path}.${segment}` : segment), '') || '(root)';
  });
}
const ourPaths = (value: unknown): string[] => validateJsonSchema(value, SCHEMA).map((error) => error.path);
const uniqueSorted = (paths: string[]): string[] => [...new Set(paths)].sort();

describe('the SOP files', () => {
  test('the library holds the three SOPs issue 5 asks for', () => {
    expect(SOP_FILES).toEqual(['ct-lung-nodule.json', 'mr-brain-flair-lesion.json', 'mr-t1-postcontrast.json']);
  });

  test.each(SOP_FILES)('%s loads with the schema file, frozen, and ajv agrees it is valid', (name) => {
    const json = readJson(name) as Json;
    expect(ourPaths(json)).toEqual([]);
    expect(ajvPaths(json)).toEqual([]);
    const sop = loadSop(json, SCHEMA);
    expect(`${sop.id}.json`).toBe(name);
    expect(sop.reference.id).toBe(sop.id);
    expect(sop.reference.version).toBe(sop.version);
    expect(sop.reference.sha256).toBe(canonicalJsonSha256(json));
    expect(sop.reference.toProtocolName()).toMatch(new RegExp(`^${sop.id}@${sop.version.replace(/\./g, '\\.')}\\+[0-9a-f]{16}$`));
    expect(Object.isFrozen(sop.structures[0].thresholds)).toBe(true);
    expect(sop.checklist.some((item) => item.required)).toBe(true);
    expect(sop.checklist.length).toBeGreaterThanOrEqual(3);
    expect(sop.checklist.length).toBeLessThanOrEqual(6);
  });

  test('the CT SOP carries the demo cohort codes and colours for lungs and nodule', () => {
    const sop = loadSop(readJson('ct-lung-nodule.json'), SCHEMA);
    expect(sop.structures.map((s) => [s.label, s.type.value, s.typeModifier?.value, s.color])).toEqual([
      ['Right lung', '39607008', '24028007', [80, 160, 220]],
      ['Left lung', '39607008', '7771000', [90, 200, 140]],
      ['Lung nodule', '27925004', undefined, [240, 80, 60]],
    ]);
    expect(sop.structures[0].thresholds).toEqual({ minDice: 0.95, maxHd95Mm: 3, nsdToleranceMm: 3, minNsd: 0.95 });
    expect(sop.structures[2].thresholds.maxHd95Mm).toBe(2);
  });
});

describe('broken SOPs: ajv and core agree, and the error names the field', () => {
  const ct = readJson('ct-lung-nodule.json') as Json;
  const mr = readJson('mr-t1-postcontrast.json') as Json;
  const variants: Array<[string, Json, (sop: Json) => unknown, string]> = [
    ['missing id', ct, (s) => delete s.id, 'id'],
    ['missing thresholds field', ct, (s) => delete s.structures[1].thresholds.nsdToleranceMm, 'structures[1].thresholds.nsdToleranceMm'],
    ['extra top-level field', ct, (s) => (s.owner = 'someone'), 'owner'],
    ['British spelling of color', ct, (s) => (s.structures[0].colour = [1, 2, 3]), 'structures[0].colour'],
    ['minDice above 1', ct, (s) => (s.structures[2].thresholds.minDice = 1.2), 'structures[2].thresholds.minDice'],
    ['HD95 limit of zero', ct, (s) => (s.structures[0].thresholds.maxHd95Mm = 0), 'structures[0].thresholds.maxHd95Mm'],
    ['negative NSD tolerance', mr, (s) => (s.structures[0].thresholds.nsdToleranceMm = -1), 'structures[0].thresholds.nsdToleranceMm'],
    ['threshold as a string', mr, (s) => (s.structures[0].thresholds.minNsd = '0.8'), 'structures[0].thresholds.minNsd'],
    ['colour component above 255', ct, (s) => (s.structures[1].color = [80, 160, 300]), 'structures[1].color[2]'],
    ['colour with two components', ct, (s) => (s.structures[0].color = [80, 160]), 'structures[0].color'],
    ['fractional colour component', ct, (s) => (s.structures[0].color = [80.5, 160, 220]), 'structures[0].color[0]'],
    ['version without patch', ct, (s) => (s.version = '1.0'), 'version'],
    ['version with a v', mr, (s) => (s.version = 'v1.0.0'), 'version'],
    ['id not a slug', ct, (s) => (s.id = 'CT Lung'), 'id'],
    ['unknown modality', ct, (s) => (s.modality = 'PT'), 'modality'],
    ['unknown sequence class', mr, (s) => (s.applicability.sequenceClass = 'PD'), 'applicability.sequenceClass'],
    ['required as a string', mr, (s) => (s.checklist[1].required = 'yes'), 'checklist[1].required'],
    ['unknown checklist role', mr, (s) => (s.checklist[0].role = 'viewer'), 'checklist[0].role'],
    ['retired SRT scheme', ct, (s) => (s.structures[0].category.scheme = 'SRT'), 'structures[0].category.scheme'],
    ['no structures', mr, (s) => (s.structures = []), 'structures'],
    ['label set of one label', ct, (s) => (s.classificationLabelSets[0].labels = ['solid']), 'classificationLabelSets[0].labels'],
    ["brush below OHIF's 0.5 mm radius", ct, (s) => (s.structures[2].brushMm = 0.25), 'structures[2].brushMm'],
    ["brush above OHIF's 99.5 mm radius", ct, (s) => (s.structures[0].brushMm = 150), 'structures[0].brushMm'],
    ['brush size as a string', mr, (s) => (s.structures[0].brushMm = '1.5'), 'structures[0].brushMm'],
  ];

  test.each(variants)('%s', (_name, original, breakIt, expectedPath) => {
    const broken = clone(original);
    breakIt(broken);
    const ours = ourPaths(broken);
    expect(ours).toContain(expectedPath);
    expect(uniqueSorted(ours)).toEqual(uniqueSorted(ajvPaths(broken)));
    let thrown: unknown;
    let loaded: Sop | undefined;
    try {
      loaded = loadSop(broken, SCHEMA);
    } catch (error) {
      thrown = error;
    }
    expect(loaded).toBeUndefined();
    expect(thrown).toBeInstanceOf(InvalidSopError);
    expect((thrown as InvalidSopError).errors.map((error) => error.path)).toContain(expectedPath);
    expect((thrown as InvalidSopError).message).toContain(expectedPath);
  });

  test('a document that is not an object fails at the root, for both', () => {
    expect(ourPaths([ct])).toEqual(['(root)']);
    expect(ajvPaths([ct])).toEqual(['(root)']);
  });

  test('rules the schema cannot say are checked by loadSop, with the field', () => {
    const duplicate = clone(ct);
    duplicate.structures[1].label = 'Right lung';
    expect(() => loadSop(duplicate, SCHEMA)).toThrow(/structures\[1\]\.label: structure label "Right lung" appears more than once/);
    const ctWithSequence = clone(ct);
    ctWithSequence.applicability.sequenceClass = 'T1';
    expect(() => loadSop(ctWithSequence, SCHEMA)).toThrow(/applicability\.sequenceClass: a sequence class applies to MR only/);
    for (const size of [{}, { diameterMm: 3, volumeMm3: 14.1 }]) {
      const lesionSize = clone(ct);
      lesionSize.structures[2].minLesionSize = size;
      expect(() => loadSop(lesionSize, SCHEMA)).toThrow(/structures\[2\]\.minLesionSize: give the diameter \(diameterMm\) or the volume \(volumeMm3\), one of the two/);
    }
    expect(loadSop(ct, SCHEMA).structures.map((structure) => [structure.minLesionSize, structure.drift?.meaningfulDiceChange])).toEqual([
      [undefined, 0.02], [undefined, 0.02], [{ diameterMm: 3 }, 0.05],
    ]);
  });

  test('issue 16: each shipped structure names its brush, small for 3 mm lesions, large for the lungs', () => {
    const brushes = SOP_FILES.flatMap((name) => loadSop(readJson(name), SCHEMA).structures.map((structure) => [structure.label, structure.brushMm]));
    expect(brushes).toEqual([['Right lung', 10], ['Left lung', 10], ['Lung nodule', 1.5], ['White matter lesion', 1.5], ['Enhancing lesion', 1.5]]);
  });

  test('a brush wider than the smallest lesion is refused, naming the field and the largest radius that fits', () => {
    const wide = clone(ct);
    wide.structures[2].brushMm = 2;
    expect(() => loadSop(wide, SCHEMA)).toThrow(/structures\[2\]\.brushMm: a brush of radius 2 mm is wider than the smallest lesion \(3 mm across\): at most 1\.5 mm/);
    // A minimum given as a volume is compared by its equivalent-sphere diameter: 14.14 mm³ is 3 mm across.
    const byVolume = clone(ct);
    byVolume.structures[2].minLesionSize = { volumeMm3: 14.14 };
    byVolume.structures[2].brushMm = 1.6;
    expect(() => loadSop(byVolume, SCHEMA)).toThrow(InvalidSopError);
    byVolume.structures[2].brushMm = 1.5;
    expect(loadSop(byVolume, SCHEMA).structures[2].brushMm).toBe(1.5);
    // The lungs have no smallest lesion: any brush within OHIF's range is theirs to choose.
    const bigLungBrush = clone(ct);
    bigLungBrush.structures[0].brushMm = 40;
    expect(loadSop(bigLungBrush, SCHEMA).structures[0].brushMm).toBe(40);
  });

  test("synonyms name one structure each: a word another structure's label or synonym also is, case and punctuation aside, is refused", () => {
    const withSynonyms = clone(ct);
    withSynonyms.structures[0].synonyms = ['R lung', 'lung_right'];
    expect(loadSop(withSynonyms, SCHEMA).structures[0]!.synonyms).toEqual(['R lung', 'lung_right']);
    const ambiguous = clone(withSynonyms);
    ambiguous.structures[1].synonyms = ['LEFT-lung', 'Lung Right'];
    expect(() => loadSop(ambiguous, SCHEMA)).toThrow(/structures\[1\]\.synonyms\[1\]: "Lung Right" also names structure "Right lung"/);
  });
});

describe('the SOP hash', () => {
  const original = readJson('mr-brain-flair-lesion.json') as Json;

  test('is stable under key order and whitespace', () => {
    const reorder = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reorder)
        : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reorder(v)]))
          : value;
    const reformatted = JSON.parse(JSON.stringify(reorder(original), null, '\t\t')) as unknown;
    expect(JSON.stringify(reformatted)).not.toBe(JSON.stringify(original));
    expect(loadSop(reformatted, SCHEMA).reference.sha256).toBe(loadSop(original, SCHEMA).reference.sha256);
  });

  test('changes when a threshold changes, and the caller cannot change a loaded SOP', () => {
    const loaded = loadSop(original, SCHEMA);
    const tightened = clone(original);
    tightened.structures[0].thresholds.minDice = 0.71;
    expect(loadSop(tightened, SCHEMA).reference.sha256).not.toBe(loaded.reference.sha256);
    const mutable = clone(original);
    const sop = loadSop(mutable, SCHEMA);
    mutable.structures[0].thresholds.minDice = 0.1;
    expect(sop.structures[0].thresholds.minDice).toBe(0.7);
    expect(sop.reference.sha256).toBe(loaded.reference.sha256);
  });
});

describe('automatic selection on the demo cohort series', () => {
  const library = SOP_FILES.map((name) => loadSop(readJson(name), SCHEMA));
  const series = new Map<string, SopSeriesAttributes>();
  for (const file of generateDemoFiles({ cases: ['ct-01', 'mr-01'] })) {
    const folder = file.path.split('/').slice(0, 2).join('/');
    if (series.has(folder) || !['ct-01/ct', 'mr-01/t1', 'mr-01/t2', 'mr-01/flair'].includes(folder)) continue;
    const header = readHeader(file.bytes) as unknown as SopSeriesAttributes;
    series.set(folder, {
      Modality: header.Modality, SeriesDescription: header.SeriesDescription, ScanningSequence: header.ScanningSequence,
      SequenceVariant: header.SequenceVariant, InversionTime: header.InversionTime, EchoTime: header.EchoTime,
      RepetitionTime: header.RepetitionTime, ContrastBolusAgent: header.ContrastBolusAgent,
    });
  }
  const demo = (folder: string): SopSeriesAttributes => {
    const attributes = series.get(folder);
    if (!attributes) throw new Error(`the demo cohort has no ${folder} series`);
    return attributes;
  };

  test('the demo CT series gets ct-lung-nodule', () => {
    const { sop, reason } = selectSop(library, demo('ct-01/ct'));
    expect(sop?.id).toBe('ct-lung-nodule');
    expect(reason).toMatch(/ct-lung-nodule@1\.2\.0 applies to CT/);
  });

  test('the demo FLAIR series gets mr-brain-flair-lesion', () => {
    const { sop, reason } = selectSop(library, demo('mr-01/flair'));
    expect(sop?.id).toBe('mr-brain-flair-lesion');
    expect(reason).toContain('MR FLAIR without contrast');
  });

  test('the demo T2 series gets none, and the reason says what the series is', () => {
    expect(selectSop(library, demo('mr-01/t2'))).toEqual({ sop: null, reason: expect.stringContaining('no SOP in the library applies to MR T2 without contrast') });
  });

  test('the demo T1 series gets mr-t1-postcontrast once a contrast agent is recorded, and none before', () => {
    expect(selectSop(library, demo('mr-01/t1')).sop).toBeNull();
    const { sop, reason } = selectSop(library, { ...demo('mr-01/t1'), ContrastBolusAgent: 'Gadoterate meglumine' });
    expect(sop?.id).toBe('mr-t1-postcontrast');
    expect(reason).toContain('contrast agent Gadoterate meglumine');
  });
});
