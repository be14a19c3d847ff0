import { compareSegmentations, type Segmentation } from '@segqc/core';
import { jsonOutput } from '../jsonOutput';
import { adoptSegmentDescriptions } from './adoptSegmentDescriptions';
import { comparisonJson } from './comparisonJson';
import { comparisonTable } from './comparisonTable';
import { parseCompareOptions } from './compareOptions';
import { loadSegmentation } from './loadSegmentation';

function describe(segmentation: Segmentation): string {
  const { file, creatorName, contentDate } = segmentation.source;
  return [file, creatorName && `by ${creatorName}`, contentDate && `on ${contentDate}`].filter(Boolean).join(' ');
}

/** `segqc compare A B …`: agreement per structure, as a table or (--json) one JSON object. */
export function runCompare(args: string[], out: (text: string) => void): number {
  const options = parseCompareOptions(args);
  const loadedA = loadSegmentation(options.a, options.source);
  const loadedB = loadSegmentation(options.b, options.source);
  let [a, b] = [loadedA.segmentation, loadedB.segmentation];
  if (!loadedA.describesSegments && loadedB.describesSegments) a = adoptSegmentDescriptions(a, b);
  if (!loadedB.describesSegments && loadedA.describesSegments) b = adoptSegmentDescriptions(b, a);
  const comparison = compareSegmentations(a, b, { tolerancesMm: options.tolerancesMm, hd95: options.hd95 });
  out(options.json ? jsonOutput(comparisonJson(comparison), 0) : comparisonTable(comparison, { a: describe(a), b: describe(b) }));
  return 0;
}
