import type { SegmentationComparison } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { terminalText } from '@segqc/core/dist/text/terminalText';
import { terminalLines } from '../terminalLines';
import { failureText, segmentOf, type ComparedStructure } from './comparedStructures';

const fixed = (value: number | null, digits: number) => (value === null ? '—' : value.toFixed(digits));

/**
 * The human-readable `segqc compare` output: one row per structure, those one side lacks first
 * (marked "missing in A/B"), then what did not match and what fails.
 */
export function comparisonTable(
  comparison: SegmentationComparison, rows: readonly ComparedStructure[], unmatched: SegmentationComparison['unmatched'], names: { a: string; b: string },
): string {
  const tolerances = comparison.conventions.tolerancesMm;
  const header = ['structure', 'Dice', 'Jaccard', 'HD mm', `HD95 mm`, 'ASSD mm', ...tolerances.map((t) => `NSD@${t}mm`), 'vol A mL', 'vol B mL', 'lesions A/B/matched', 'lesion F1'];
  const cells = rows.map((row) => {
    const { agreement, lesions } = row;
    return [
      terminalText(segmentOf(row).label) + (row.missing ? ` (missing in ${row.missing.toUpperCase()})` : ''),
      fixed(agreement.dice, 3),
      fixed(agreement.jaccard, 3),
      fixed(agreement.hdMm, 2),
      fixed(agreement.hd95Mm, 2),
      fixed(agreement.assdMm, 2),
      ...tolerances.map((t) => fixed(agreement.nsd[String(t)] ?? null, 3)),
      fixed(agreement.a.volumeMl, 2),
      fixed(agreement.b.volumeMl, 2),
      `${lesions.a.lesions}/${lesions.b.lesions}/${lesions.matched}`,
      fixed(lesions.f1, 2),
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const out = [`A: ${names.a}`, `B: ${names.b}`, '', line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
  for (const { side, segment } of unmatched) {
    out.push(`unmatched: segment ${segment.number} "${segment.label}" of ${side.toUpperCase()} has no counterpart in ${side === 'a' ? 'B' : 'A'}`);
  }
  for (const row of rows) {
    if (row.failed.length > 0) out.push(`FAIL ${segmentOf(row).label}: ${row.failed.map(failureText).join('; ')}`);
  }
  out.push(
    '',
    `HD95: ${comparison.conventions.hd95}. Lesions: ${comparison.conventions.lesionSize}.`,
    'Undefined distances (an empty surface) are shown as —. Conventions in full: --json.',
  );
  return terminalLines(...out);
}
