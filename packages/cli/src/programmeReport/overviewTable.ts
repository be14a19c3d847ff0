import { annotatorOf, jsonString, STUDY_TAGS, type CaseInventory, type DicomJsonDataset, type QcState } from '@segqc/core';
import { personLabel } from '../drift/personLabel';
import { attributes, escapeHtml as e } from './html';

export const QC_STATE_TEXT: Readonly<Record<QcState, string>> = Object.freeze({
  'not-double-read': 'Not yet double-read',
  'awaiting-review': 'Awaiting review',
  agreed: 'Agreed',
  escalated: 'Escalated',
  adjudicated: 'Adjudicated',
});

const calendarDate = (da: string | undefined): string => (da && /^\d{8}$/.test(da) ? `${da.slice(0, 4)}-${da.slice(4, 6)}-${da.slice(6, 8)}` : da ?? '');

/**
 * The QC overview: every case of the PACS with a SEG, its QC state, modality, annotators, the SOPs
 * they worked under, its reference SEGs and QC reports. Cases are named by StudyID or accession
 * number, never by the patient.
 */
export function overviewTable(cases: readonly CaseInventory[], studies: ReadonlyMap<string, DicomJsonDataset>, caseName: (studyInstanceUid: string) => string): string {
  if (cases.length === 0) return '<p class="muted">The PACS holds no study with a SEG.</p>';
  const rows = cases.map((c) => {
    const study = studies.get(c.studyInstanceUid);
    const annotators = [...new Set(c.annotations.map(annotatorOf))];
    const sops = [...new Set(c.annotations.flatMap((seg) => (seg.sop ? [`${seg.sop.id}@${seg.sop.version}`] : [])))].sort();
    const references = c.references.map((seg) => `${seg.contentLabel ?? 'reference'} (${personLabel(annotatorOf(seg))})`);
    return `<tr class="overview-row"${attributes({ 'data-study': c.studyInstanceUid, 'data-state': c.state, 'data-modality': c.modality, 'data-annotators': JSON.stringify(annotators), 'data-calibration': c.calibration })}>`
      + `<td title="${e(c.studyInstanceUid)}">${e(caseName(c.studyInstanceUid))}</td>`
      + `<td>${e(calendarDate(study ? jsonString(study, STUDY_TAGS.StudyDate) : undefined))}</td>`
      + `<td>${e(study ? jsonString(study, STUDY_TAGS.StudyDescription) ?? '' : '')}</td>`
      + `<td>${e(c.modality ?? '—')}</td>`
      + `<td><span class="state state-${c.state}">${e(QC_STATE_TEXT[c.state])}</span>${c.calibration ? ' <span class="muted">calibration</span>' : ''}</td>`
      + `<td>${e(annotators.map(personLabel).join(', '))}</td>`
      + `<td>${e(sops.join(', ') || '—')}</td>`
      + `<td>${e(references.join(', ') || '—')}</td>`
      + `<td>${c.qcReports.length}</td>`
      + `<td>${c.unreadable.length === 0 ? '' : `<span class="warning">${c.unreadable.length} unreadable</span>`}</td>`
      + '</tr>';
  });
  return '<table class="overview"><thead><tr><th>Case</th><th>Study date</th><th>Description</th><th>Modality</th><th>QC state</th><th>Annotators</th><th>SOP</th><th>References</th><th>QC reports</th><th></th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`;
}
