import { UsageError } from '../usageError';

export interface CompareOptions {
  a: string;
  b: string;
  /** Folder holding the source series; needed when A or B is a DICOM SEG. */
  source: string | null;
  tolerancesMm: number[];
  hd95: 'pooled' | 'directed-max';
  json: boolean;
}

export const COMPARE_USAGE = 'segqc compare A B [--source DIR] [--tolerance 1,2] [--hd95 pooled|directed-max] [--json]';

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

/** Parses the arguments after `segqc compare`. */
export function parseCompareOptions(args: string[]): CompareOptions {
  const files: string[] = [];
  const options: Omit<CompareOptions, 'a' | 'b'> = { source: null, tolerancesMm: [1, 2], hd95: 'pooled', json: false };
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
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}; usage: ${COMPARE_USAGE}`);
        files.push(arg);
    }
  }
  if (files.length !== 2) throw new UsageError(`compare takes exactly two segmentations, got ${files.length}; usage: ${COMPARE_USAGE}`);
  return { a: files[0], b: files[1], ...options };
}
