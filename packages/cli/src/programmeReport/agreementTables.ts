import type { AnnotatorCalibration, Interval, IrrMatrix, LesionLabelAgreement } from '@segqc/core';
import { personLabel } from '../drift/personLabel';
import type { Recalibration } from '@segqc/core';
import { attributes, escapeHtml as e, fixed } from './html';

/** Cell shade: Dice 1 is full green, 0.5 and below full red (as the dashboard shades it). */
function shade(dice: number): string {
  const t = Math.max(0, Math.min(1, (dice - 0.5) / 0.5));
  return `hsl(${Math.round(t * 120)}, 55%, ${88 - Math.round(t * 6)}%)`;
}

const interval = (value: Interval | null | undefined): string => (value ? ` <span class="muted">[${fixed(value.lower, 2)}, ${fixed(value.upper, 2)}]</span>` : '');

/** One structure × modality's pairwise matrix: mean Dice of each annotator pair over the cases both annotated. */
export function irrMatrixTable(matrix: IrrMatrix): string {
  const head = matrix.annotators.map((a) => `<th>${e(personLabel(a))}</th>`).join('');
  const rows = matrix.annotators.map((a, i) => `<tr><th>${e(personLabel(a))}</th>${matrix.annotators.map((b, j) => {
    if (i === j) return '<td class="diagonal">—</td>';
    const dice = matrix.meanDice[i][j];
    const cases = matrix.cases[i][j];
    return `<td class="irr-cell"${attributes({ 'data-a': a, 'data-b': b, 'data-dice': dice ?? '', 'data-cases': cases, style: dice === null ? null : `background:${shade(dice)}` })}>${fixed(dice)} <span class="muted">n=${cases}</span></td>`;
  }).join('')}</tr>`);
  return `<figure class="irr"${attributes({ 'data-structure': matrix.structure, 'data-modality': matrix.modality })}><figcaption><strong>${e(matrix.structure)}</strong> · ${e(matrix.modality)}</figcaption>`
    + `<table><thead><tr><th></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></figure>`;
}

const KIND_TEXT = {
  'lesion-present': 'Lesion present (the annotator segmented at least one lesion)',
  'lesion-count': 'Number of lesions (26-connected components of the annotator’s mask)',
} as const;

/** κ or α with its 95 % interval, or why it is undefined (the statistic's own `reason` where it gives one). */
const estimate = (value: number | null, range: Interval | null | undefined, undefinedWhy: string): string =>
  (value === null ? `<span class="muted">undefined: ${e(undefinedWhy)}</span>` : `${fixed(value)}${interval(range)}`);

/** Cohen's κ per pair (Wald interval on Fisher's z), Fleiss' κ (bootstrap, else Wald interval on Fisher's z) and Krippendorff's α nominal (bootstrap) on one case-level label. */
export function labelAgreementTable(entry: LesionLabelAgreement): string {
  const { agreement } = entry;
  const caption = `<figcaption><strong>${e(entry.structure)}</strong> · ${e(entry.modality)}: ${e(KIND_TEXT[entry.kind])}</figcaption>`;
  const open = `<figure class="labels"${attributes({ 'data-kind': entry.kind, 'data-structure': entry.structure, 'data-modality': entry.modality })}>${caption}`;
  if (!agreement) return `${open}<p class="muted">No case was labelled by two annotators.</p></figure>`;
  const oneCategory = 'every label is the same, so chance agreement is total';
  const rows = agreement.cohen.map((pair) => `<tr class="cohen"${attributes({ 'data-a': pair.annotators[0], 'data-b': pair.annotators[1], 'data-kappa': pair.kappa?.kappa ?? '', 'data-cases': pair.cases.length })}>`
    + `<th>Cohen’s κ, ${e(personLabel(pair.annotators[0]))} – ${e(personLabel(pair.annotators[1]))}</th>`
    + `<td>${pair.kappa ? estimate(pair.kappa.kappa, pair.kappa.interval, pair.kappa.reason ?? oneCategory) : '<span class="muted">no shared case</span>'}</td></tr>`);
  if (agreement.fleiss) {
    const { kappa, cases } = agreement.fleiss;
    rows.push(`<tr class="fleiss"${attributes({ 'data-kappa': kappa.kappa ?? '', 'data-cases': cases.length })}><th>Fleiss’ κ, ${agreement.annotators.length} annotators, ${cases.length} cases</th><td>${estimate(kappa.kappa, kappa.bootstrap ?? kappa.interval, kappa.reason ?? oneCategory)}</td></tr>`);
  }
  if (agreement.krippendorff) {
    const alpha = agreement.krippendorff;
    rows.push(`<tr class="krippendorff"${attributes({ 'data-alpha': alpha.alpha ?? '', 'data-units': alpha.units })}><th>Krippendorff’s α (nominal), ${alpha.units} cases</th><td>${estimate(alpha.alpha, alpha.bootstrap, 'no variation among the labels')}</td></tr>`);
  }
  return `${open}<p class="muted">${agreement.cases.length} cases · labels ${e(agreement.categories.join(', '))}</p><table><tbody>${rows.join('')}</tbody></table></figure>`;
}

/** Each annotator's accuracy on the calibration cases: their masks against the gold. */
export function calibrationTable(calibration: readonly AnnotatorCalibration[], caseName: (studyInstanceUid: string) => string): string {
  if (calibration.length === 0) return '<p class="muted">No calibration case (a case with a GOLD reference SEG) has been annotated.</p>';
  const rows = calibration.flatMap((annotator) => annotator.cases.map((score, n) => `<tr class="calibration-row"${attributes({ 'data-annotator': annotator.annotator, 'data-case': score.caseId, 'data-structure': score.structure, 'data-dice': score.dice })}>`
    + `<td>${n === 0 ? e(personLabel(annotator.annotator)) : ''}</td><td>${e(caseName(score.caseId))}</td><td>${e(score.date?.slice(0, 10) ?? '')}</td><td>${e(score.structure)}</td>`
    + `<td>${fixed(score.dice)}</td><td>${fixed(score.hd95Mm, 2)}</td><td>${score.volumeErrorPercent === null ? '—' : `${score.volumeErrorPercent > 0 ? '+' : ''}${fixed(score.volumeErrorPercent, 1)} %`}</td></tr>`));
  return `<table class="calibration"><thead><tr><th>Annotator</th><th>Case</th><th>Date</th><th>Structure</th><th>Dice</th><th>HD95 (mm)</th><th>Volume error</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The annotators a drift alarm marks "recalibration due", with the calibration cases to annotate again. */
export function recalibrationList(due: readonly Recalibration[], caseName: (studyInstanceUid: string) => string): string {
  if (due.length === 0) return '<p class="muted recalibration-none">No annotator is due for recalibration: every chart’s latest point is within its limits.</p>';
  const items = due.map((entry) => `<li class="recalibration-due"${attributes({ 'data-annotator': entry.annotator, 'data-calibration-cases': JSON.stringify(entry.calibrationCases) })}>`
    + `<strong>${e(personLabel(entry.annotator))}</strong> <span class="alarm-badge">recalibration due</span>`
    + `<div>Below the lower limit on ${e(entry.series.map((c) => `${c.structure} (${c.modality}) since ${caseName(c.sinceCaseId)}, ${c.sinceDate.slice(0, 10)}`).join('; '))}.</div>`
    + `<div>Calibration cases to annotate again: ${entry.calibrationCases.length === 0
      ? '<span class="warning">none in the PACS for this modality — add a case with a GOLD reference SEG</span>'
      : e(entry.calibrationCases.map((c) => `${caseName(c)} (${c})`).join(', '))}</div></li>`);
  return `<ul class="recalibration">${items.join('')}</ul>`;
}
