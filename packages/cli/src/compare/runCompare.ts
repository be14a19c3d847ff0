import type { Segmentation } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { compareSegmentations } from '@segqc/core/dist/agreement/compareSegmentations';
import { jsonOutput } from '../jsonOutput';
import { adoptSegmentDescriptions } from './adoptSegmentDescriptions';
import { comparedStructures } from './comparedStructures';
import { comparisonJson } from './comparisonJson';
import { comparisonTable } from './comparisonTable';
import { COMPARE_HELP, parseCompareOptions } from './compareOptions';
import { loadSegmentation } from './loadSegmentation';

function describe(segmentation: Segmentation): string {
  const { file, creatorName, contentDate } = segmentation.source;
  return [file, creatorName && `by ${creatorName}`, contentDate && `on ${contentDate}`].filter(Boolean).join(' ');
}

/**
 * `segqc compare A B …`: agreement per structure, as a table or (--json) one JSON object. Every
 * structure either side has is compared; one a side lacks is compared with an empty mask (issue
 * 14). With a DICOM SEG on either side a segment without counterpart is also listed as unmatched
 * (it may be a naming or coding mismatch); two label volumes name structures by label value, so a
 * label one lacks is only missing. Exit 1 when a structure is missing from one side or fails a
 * --fail-under limit, else 0.
 */
export function runCompare(args: string[], out: (text: string) => void): number {
  const options = parseCompareOptions(args);
  if (options.help) {
    out(COMPARE_HELP);
    return 0;
  }
  const loadedA = loadSegmentation(options.a, options.source);
  const loadedB = loadSegmentation(options.b, options.source);
  let [a, b] = [loadedA.segmentation, loadedB.segmentation];
  if (!loadedA.describesSegments && loadedB.describesSegments) a = adoptSegmentDescriptions(a, b);
  if (!loadedB.describesSegments && loadedA.describesSegments) b = adoptSegmentDescriptions(b, a);
  const comparison = compareSegmentations(a, b, {
    tolerancesMm: options.tolerancesMm, hd95: options.hd95, compareUnmatched: true,
    minLesionSize: options.minLesionMm === null ? null : { diameterMm: options.minLesionMm },
  });
  const rows = comparedStructures(comparison, options.failUnder);
  const unmatched = loadedA.labelVolume && loadedB.labelVolume ? [] : comparison.unmatched;
  out(options.json ? jsonOutput(comparisonJson(comparison, rows, unmatched), 0) : comparisonTable(comparison, rows, unmatched, { a: describe(a), b: describe(b) }));
  return rows.some((row) => row.failed.length > 0) ? 1 : 0;
}
