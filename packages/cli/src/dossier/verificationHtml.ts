import { SELF_DECLARED_UNSIGNED_NOTE } from '@segqc/core';
import { personLabel } from '../drift/personLabel';
import { attributes, escapeHtml as e } from '../programmeReport/html';
import type { SelfDeclaredAdjudication, VerificationSummary } from './verificationSummary';

const plural = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** `segqc audit verify` on every case: the journal checked against, the findings by type, and each case's result ("no finding", or its findings). */
export function verificationHtml(verification: VerificationSummary, caseName: (studyInstanceUid: string) => string): string {
  const { journal } = verification;
  const trust = verification.trustStore === null
    ? ' No trust store was given: signatures are checked, their certificates are not.'
    : ` Signer certificates are checked against the trust store ${verification.trustStore}.`;
  const against = journal === null
    ? 'Checked against what the PACS holds (hashes, referenced objects, predecessor chains, QC report signatures); no journal of writes was given.'
    : journal.records === null
      ? `The journal of writes ${journal.file} was refused: its chain of hashes is broken, so it proves nothing and was not used.`
      : `Checked against what the PACS holds and against the gateway's journal of writes ${journal.file} (${plural(journal.records, 'record')}).`;
  const total = verification.byKind.length === 0
    ? 'no finding'
    : verification.byKind.map(({ kind, findings }) => `${findings} ${kind}`).join(', ');
  const rows = verification.cases.map((c) => `<tr class="verification"${attributes({ 'data-study': c.studyInstanceUid, 'data-findings': c.findings.length })}><td>${e(caseName(c.studyInstanceUid))}</td><td>${c.findings.length === 0
    ? 'no finding'
    : `<ul>${c.findings.map((finding) => `<li><strong>${e(finding.kind)}</strong> ${e(finding.message)}</li>`).join('')}</ul>`}</td></tr>`);
  return `<p>${e(against + trust)}</p><p class="verification-total">All cases: ${e(total)}.</p>`
    + `<table class="verification"><thead><tr><th>Case</th><th>segqc audit verify</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The adjudications whose sign-off rests on a typed name and no signature, said plainly (core's SELF_DECLARED_UNSIGNED_NOTE, as audit verify says it). */
export function selfDeclaredHtml(adjudications: readonly SelfDeclaredAdjudication[], caseName: (studyInstanceUid: string) => string): string {
  if (adjudications.length === 0) {
    return '<p>No verified QC report is self-declared and unsigned: every sign-off records an authenticated verifier or carries a digital signature, checked by segqc audit verify above.</p>';
  }
  const items = adjudications.map((a) => `<li class="self-declared"${attributes({ 'data-study': a.studyInstanceUid, 'data-sop-instance': a.sopInstanceUid })}>`
    + `${e(`${caseName(a.studyInstanceUid)}: QC report ${a.sopInstanceUid}, verified by ${personLabel(a.name)} (${a.login}) at ${a.verifiedAt}`)} — ${e(SELF_DECLARED_UNSIGNED_NOTE)}</li>`);
  return `<p><strong>${adjudications.length} adjudication${adjudications.length === 1 ? ' is' : 's are'} self-declared and unsigned: the adjudicator typed a name and login, no sign-in was recorded and no digital signature made. `
    + 'This is not a 21 CFR Part 11 electronic signature.</strong></p>'
    + `<ul class="self-declared">${items.join('')}</ul>`;
}
