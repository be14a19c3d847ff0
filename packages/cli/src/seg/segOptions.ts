import { UsageError } from '../usageError';

export interface SegOptions {
  /** NRRD / NIfTI label volumes, in the order META's `volume` indices count them. */
  volumes: string[];
  /** Folder holding the source series (searched recursively). */
  source: string;
  out: string;
  meta: string;
  /** SeriesInstanceUID of the source series, when the volume lies on several series in the folder. */
  series: string | null;
}

/**
 * `--meta` is required, as dcmqi's itkimage2segimage requires its metadata JSON: a SEG names what
 * each segment is (SNOMED codes) and who made it; segqc does not invent either.
 */
export const SEG_USAGE = 'segqc seg VOLUME... --source DIR --out SEG.dcm --meta META.json [--series UID]';

function valueOf(args: string[], index: number, flag: string): string {
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value; usage: ${SEG_USAGE}`);
  return value;
}

/** Parses the arguments after `segqc seg`. */
export function parseSegOptions(args: string[]): SegOptions {
  const volumes: string[] = [];
  const flags: Partial<Record<'--source' | '--out' | '--meta' | '--series', string>> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--source' || arg === '--out' || arg === '--meta' || arg === '--series') {
      if (flags[arg] !== undefined) throw new UsageError(`${arg} is given twice; usage: ${SEG_USAGE}`);
      flags[arg] = valueOf(args, i++, arg);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}; usage: ${SEG_USAGE}`);
    } else {
      volumes.push(arg);
    }
  }
  if (volumes.length === 0) throw new UsageError(`seg takes at least one label volume (NRRD or NIfTI); usage: ${SEG_USAGE}`);
  for (const flag of ['--source', '--out'] as const) {
    if (flags[flag] === undefined) throw new UsageError(`${flag} is required; usage: ${SEG_USAGE}`);
  }
  if (flags['--meta'] === undefined) {
    throw new UsageError(`--meta META.json is required: it gives each segment's label and SNOMED codes and the creator (schema: packages/cli/schemas/seg-meta.schema.json); usage: ${SEG_USAGE}`);
  }
  return { volumes, source: flags['--source']!, out: flags['--out']!, meta: flags['--meta'], series: flags['--series'] ?? null };
}
