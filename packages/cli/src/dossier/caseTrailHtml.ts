import { QC_REASONS, signatureColumns, type AuditDocumentCase, type AuditEvent, type AuditPerson, type AuditSop } from '@segqc/core';
import { personLabel } from '../drift/personLabel';
import { attributes, escapeHtml as e } from '../programmeReport/html';
import { QC_STATE_TEXT } from '../programmeReport/overviewTable';
import type { DossierCase } from './dossierDocument';

const personText = (person: Pick<AuditPerson, 'name' | 'login'> | undefined, fallback = '—'): string =>
  (person?.name || person?.login ? `${person.name ? personLabel(person.name) : ''}${person.login ? ` (${person.login})` : ''}`.trim() : fallback);

const identityText = (person: AuditPerson | undefined): string =>
  (person?.authentication ? `authenticated: ${person.authentication.issuer} · ${person.authentication.subject}` : 'self-declared');

const sopText = (sop: AuditSop | undefined): string => (sop ? `${sop.id}@${sop.version}` : '—');

/** The signature of a QC report or reference SEG as `audit export` gives it: state, signer, meaning, time; nothing when not checked. */
function signatureText(event: AuditEvent): string {
  if (event.kind === 'annotation') return '';
  const columns = signatureColumns(event);
  if (columns.signature === undefined) return '';
  if (columns.signature === 'unsigned') return '<div class="muted">unsigned</div>';
  return `<div class="signature">${e(`Signature ${columns.signature}: ${columns.signedBy} — ${columns.meaning} — ${columns.signedAt}`)}</div>`;
}

/** What the event records: the segments of a SEG; the decisions, coded reasons and sign-off of a QC report; the signature of either. */
function whatText(event: AuditEvent): string {
  if (event.kind !== 'qc-report') {
    return e(`${event.segmentLabels.join(', ')}${event.unattributedAs ? ` · names no creator: "${event.unattributedAs}"` : ''}`) + signatureText(event);
  }
  const decisions = event.decisions.map((decision) => {
    const reasons = decision.reasons.map((reason) => `${QC_REASONS[reason.reason].meaning}${reason.text !== undefined ? `: ${reason.text}` : ''}`);
    return `<li>${e(`${decision.structure}: ${decision.outcome}${decision.acceptedAnnotation ? ` ${decision.acceptedAnnotation}` : ''}${reasons.length > 0 ? ` — ${reasons.join('; ')}` : ''}`)}</li>`;
  });
  const signed = event.verification ? `<div>${e(`Verified by ${personText(event.verification)} at ${event.verification.dateTime}`)}</div>` : '<div class="muted">not verified</div>';
  const judged = `<div class="muted">${e(`${event.judged.length} SEG${event.judged.length === 1 ? '' : 's'} judged, ${event.metrics.length} pair measurement${event.metrics.length === 1 ? '' : 's'}${event.predecessors.length > 0 ? `, revises ${event.predecessors.map((p) => p.sopInstanceUid).join(', ')}` : ''}`)}</div>`;
  return `${decisions.length > 0 ? `<ul class="decisions">${decisions.join('')}</ul>` : '<div class="muted">no decision</div>'}${signed}${signatureText(event)}${judged}`;
}

function actionText(event: AuditEvent): string {
  if (event.kind === 'annotation') return 'annotated';
  if (event.kind === 'reference') return event.role === 'gold-standard-author' ? 'gold standard' : 'adjudicated (reference SEG)';
  return event.observer?.role === 'adjudicator' ? 'adjudicated (QC report)' : `reviewed (QC report${event.observer ? `, ${event.observer.role}` : ''})`;
}

/** One case's audit trail, as `segqc audit export` records it: who annotated, reviewed and adjudicated, when, under which SOP, with decisions and coded reasons. */
export function caseTrailHtml(entry: DossierCase, trail: AuditDocumentCase): string {
  const rows = trail.events.map((event) => {
    const person = event.kind === 'qc-report' ? event.observer : event.creator;
    return `<tr class="trail-event"${attributes({ 'data-sop-instance': event.sopInstanceUid, 'data-event': event.kind })}><td>${e(event.dateTime ?? '—')}</td><td>${e(actionText(event))}</td>`
      + `<td>${e(personText(person, event.kind !== 'qc-report' && event.unattributedAs ? event.unattributedAs : '—'))}</td><td>${e(identityText(person))}</td><td>${e(sopText(event.sop))}</td><td>${whatText(event)}</td></tr>`;
  });
  const unreadable = trail.unreadable.map((object) => `<li class="warning">${e(`${object.expected} ${object.sopInstanceUid} cannot be read: ${object.reason}`)}</li>`);
  const patient = trail.patient ? ` · patient ${e(trail.patient.name ?? '—')} (${e(trail.patient.id ?? '—')})` : '';
  return `<div class="case"${attributes({ 'data-study': entry.studyInstanceUid })}><h3>${e(entry.name)}</h3>`
    + `<p class="muted">${e(entry.studyInstanceUid)} · ${e(entry.modality ?? 'no SEG')}${entry.state ? ` · ${e(QC_STATE_TEXT[entry.state])}` : ''}${entry.calibration ? ' · calibration case' : ''}${patient}</p>`
    + (rows.length === 0 ? '<p class="muted">No SEG or QC report.</p>'
      : `<table class="trail"><thead><tr><th>When</th><th>What</th><th>Who</th><th>Identity</th><th>SOP</th><th>Record</th></tr></thead><tbody>${rows.join('')}</tbody></table>`)
    + (unreadable.length > 0 ? `<ul>${unreadable.join('')}</ul>` : '')
    + '</div>';
}
