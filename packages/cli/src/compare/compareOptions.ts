import { UsageError } from '../usageError';

/** Metrics `--fail-under` can hold a structure to: minima (dice, jaccard, nsd, lesion f1) and maxima in mm (hd, hd95, assd). */
export const FAIL_METRICS = Object.freeze(['dice', 'jaccard', 'nsd', 'f1', 'hd', 'hd95', 'assd'] as const);
export type FailMetric = (typeof FAIL_METRICS)[number];
export const MAXIMUM_METRICS: readonly FailMetric[] = Object.freeze(['hd', 'hd95', 'assd']);

/** One `--fail-under` limit; nsd at `toleranceMm` (nsd@T=v, or the only --tolerance). */
export interface FailThreshold {
  metric: FailMetric;
  toleranceMm: number | null;
  limit: number;
}

export interface CompareOptions {
  a: string;
  b: string;
  /** Folder holding the source series; needed when A or B is a DICOM SEG. */
  source: string | null;
  tolerancesMm: number[];
  hd95: 'pooled' | 'directed-max';
  json: boolean;
  /** --fail-under: exit 1 when a structure falls below a minimum or above a maximum. */
  failUnder: FailThreshold[];
  /** --min-lesion-mm: the smallest lesion, equivalent-sphere diameter in mm; null (default): every component is a lesion. */
  minLesionMm: number | null;
  /** --help / -h: print COMPARE_HELP and nothing else. */
  help?: true;
}

export const COMPARE_USAGE =
  'segqc compare A B [--source DIR] [--tolerance 1,2] [--hd95 pooled|directed-max] [--min-lesion-mm D] [--fail-under dice=0.9,hd95=3] [--json]';

/** `segqc compare --help`: the options in full. */
export const COMPARE_HELP = `Usage: ${COMPARE_USAGE}

Agreement of two segmentations (DICOM SEG, NRRD, NIfTI) per structure. Every structure either side
has is compared: one a side lacks (no segment, or a label with no voxel) is compared with an empty
mask (Dice 0, its volume 0, every lesion missed, distances undefined) and printed first.

  --source DIR        folder holding the source series of a DICOM SEG
  --tolerance 1,2     NSD tolerances, mm
  --hd95 V            pooled (MedPy, default) or directed-max (MONAI)
  --min-lesion-mm D   a component is a lesion when its equivalent-sphere diameter (6V/π)^(1/3) is at
                      least D mm; default none: every component is a lesion
  --fail-under LIST   metric=limit pairs: minima dice, jaccard, nsd (nsd@T: at T mm; bare nsd with a
                      single --tolerance), f1 (lesion F1); maxima in mm hd, hd95, assd. An undefined
                      distance fails unless both masks are empty
  --json              one JSON object instead of the table

Exit status: 0 when every structure is on both sides and within the limits; 1 when a structure is
missing from one side or fails a --fail-under limit (or on a malformed input); 2 on a usage error.
`;

function valueOf(args: string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value; usage: ${COMPARE_USAGE}`);
  return value;
}

function parseTolerances(text: string): number[] {
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.length === 0 || values.some((v) => !Number.isFinite(v) || v < 0)) {
    throw new UsageError(`--tolerance takes non-negative millimetres separated by commas, e.g. 1,2; got '${text}'`);
  }
  return [...new Set(values)].sort((x, y) => x - y);
}

function parseFailUnder(text: string): FailThreshold[] {
  const usage = `--fail-under takes metric=limit pairs separated by commas (${FAIL_METRICS.join(', ')}; nsd@T for NSD at T mm), e.g. dice=0.9,hd95=3`;
  return text.split(',').map((part) => {
    const match = /^\s*([a-z0-9]+)(?:@([^=\s]+))?\s*=\s*(\S+)\s*$/i.exec(part);
    if (!match) throw new UsageError(`${usage}; got '${part}'`);
    const metric = match[1].toLowerCase() as FailMetric;
    if (!FAIL_METRICS.includes(metric)) throw new UsageError(`--fail-under: unknown metric '${match[1]}'; use ${FAIL_METRICS.join(', ')}`);
    if (match[2] !== undefined && metric !== 'nsd') throw new UsageError(`--fail-under: only nsd takes a tolerance (nsd@T), not ${metric}`);
    const toleranceMm = match[2] === undefined ? null : Number(match[2]);
    if (toleranceMm !== null && !(Number.isFinite(toleranceMm) && toleranceMm >= 0)) throw new UsageError(`--fail-under: the NSD tolerance is non-negative millimetres, got '${match[2]}'`);
    const limit = Number(match[3]);
    const maximum = MAXIMUM_METRICS.includes(metric);
    if (!Number.isFinite(limit) || limit < 0 || (!maximum && limit > 1)) {
      throw new UsageError(`--fail-under: ${metric} takes ${maximum ? 'non-negative millimetres' : 'a value from 0 to 1'}, got '${match[3]}'`);
    }
    return { metric, toleranceMm, limit };
  });
}

/** Parses the arguments after `segqc compare`. */
export function parseCompareOptions(args: string[]): CompareOptions {
  if (args.includes('--help') || args.includes('-h')) return { a: '', b: '', source: null, tolerancesMm: [1, 2], hd95: 'pooled', json: false, failUnder: [], minLesionMm: null, help: true };
  const files: string[] = [];
  const options: Omit<CompareOptions, 'a' | 'b'> = { source: null, tolerancesMm: [1, 2], hd95: 'pooled', json: false, failUnder: [], minLesionMm: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    switch (arg) {
      case '--source':
        options.source = valueOf(args, i++, arg);
        break;
      case '--tolerance':
        options.tolerancesMm = parseTolerances(valueOf(args, i++, arg));
        break;
      case '--hd95': {
        const method = valueOf(args, i++, arg);
        if (method !== 'pooled' && method !== 'directed-max') throw new UsageError(`--hd95 is pooled or directed-max, not '${method}'`);
        options.hd95 = method;
        break;
      }
      case '--json':
        options.json = true;
        break;
      case '--fail-under':
        options.failUnder.push(...parseFailUnder(valueOf(args, i++, arg)));
        break;
      case '--min-lesion-mm': {
        const text = valueOf(args, i++, arg);
        const diameter = Number(text);
        if (text.trim() === '' || !Number.isFinite(diameter) || diameter < 0) throw new UsageError(`--min-lesion-mm takes a non-negative diameter in millimetres, e.g. 3; got '${text}'`);
        options.minLesionMm = diameter > 0 ? diameter : null;
        break;
      }
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}; usage: ${COMPARE_USAGE}`);
        files.push(arg);
    }
  }
  if (files.length !== 2) throw new UsageError(`compare takes exactly two segmentations, got ${files.length}; usage: ${COMPARE_USAGE}`);
  // NSD is judged at a tolerance that is computed: nsd@T adds T; a bare nsd needs exactly one.
  for (const threshold of options.failUnder) {
    if (threshold.metric !== 'nsd') continue;
    if (threshold.toleranceMm === null) {
      if (options.tolerancesMm.length !== 1) throw new UsageError(`--fail-under nsd=${threshold.limit}: say at which tolerance, e.g. nsd@${options.tolerancesMm[0]}=${threshold.limit} (--tolerance gives ${options.tolerancesMm.join(', ')} mm)`);
      threshold.toleranceMm = options.tolerancesMm[0];
    } else if (!options.tolerancesMm.includes(threshold.toleranceMm)) {
      options.tolerancesMm = [...options.tolerancesMm, threshold.toleranceMm].sort((x, y) => x - y);
    }
  }
  return { a: files[0], b: files[1], ...options };
}
