import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { writePart10 } from '@segqc/core/dist/dicom/part10';
import { buildBinarySeg } from '@segqc/core/dist/seg/buildBinarySeg';
import { labelVolumeOnSource } from '@segqc/core/dist/seg/labelVolumeOnSource';
import { terminalLines } from '../terminalLines';
import { UsageError } from '../usageError';
import { describeSeries, findSourceSeries } from './findSourceSeries';
import { loadLabelVolume } from './loadLabelVolume';
import { segInputFromMeta } from './segInputFromMeta';
import { readSegMeta } from './segMeta';
import { parseSegOptions } from './segOptions';

export { SEG_USAGE } from './segOptions';

const { version } = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };

/**
 * `segqc seg VOLUME... --source DIR --out SEG.dcm --meta META.json`: NRRD/NIfTI label volumes (one
 * per annotator or structure, or one multi-label volume) on their source series under DIR, as one
 * BINARY SEG. Bad arguments or META are UsageErrors; bad files typed core errors.
 */
export function runSeg(args: string[], out: (text: string) => void): number {
  const options = parseSegOptions(args);
  const meta = readSegMeta(options.meta);
  const outDir = dirname(resolve(options.out));
  if (!statSync(outDir, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${options.out}: the folder ${outDir} does not exist`);
  const volumes = options.volumes.map(loadLabelVolume);
  const series = findSourceSeries(options.source, volumes[0], options.series);
  const onSource = volumes.map(({ name, volume }) => ({ name, layers: labelVolumeOnSource(volume, series.images, name) }));
  const input = segInputFromMeta(meta, onSource, series.images, { now: new Date(), softwareVersion: `segqc ${version}` });
  const dataset = buildBinarySeg(input);
  writeFileSync(options.out, writePart10(dataset));
  const segments = input.segments.length;
  out(terminalLines(`wrote ${options.out}: ${input.contentLabel} SEG, ${segments} segment${segments === 1 ? '' : 's'} in ${String(dataset['NumberOfFrames'])} frame(s), on ${describeSeries(series)}`));
  return 0;
}
