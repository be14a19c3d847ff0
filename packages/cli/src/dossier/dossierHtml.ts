import { escapeHtml as e } from '../programmeReport/html';
import { caseTrailHtml } from './caseTrailHtml';
import type { DossierDocument } from './dossierDocument';
import { DOSSIER_STYLE } from './dossierStyle';
import { markdownHtml } from './markdownHtml';
import { programmeHtml } from './programmeHtml';
import { rosterHtml } from './rosterHtml';
import { sopVersionsHtml } from './sopVersionsHtml';
import { selfDeclaredHtml, verificationHtml } from './verificationHtml';

/**
 * The QC dossier as one self-contained HTML document (inline CSS and SVG, no script, nothing
 * fetched, no link), the page Chromium prints to PDF: roster, SOP versions, each case's audit trail,
 * the programme's agreement and drift, the verification, the self-declared adjudications and the
 * metric conventions — all of it from dossier.json's data.
 */
export function dossierHtml(dossier: DossierDocument): string {
  const names = new Map(dossier.cases.map((c) => [c.studyInstanceUid, c.name]));
  const caseName = (uid: string) => names.get(uid) ?? uid;
  const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${e(title)}</h2>${body}</section>`;
  const conventions = dossier.metricConventions;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>SegQC QC dossier</title>
<style>${DOSSIER_STYLE}</style>
</head>
<body>
<h1>SegQC QC dossier</h1>
<p class="muted">${e(dossier.pacs)} · generated ${e(dossier.generatedAt)} · ${dossier.cases.length} case${dossier.cases.length === 1 ? '' : 's'} · ${dossier.roster.length} people · patient identifiers ${dossier.includesPatientIdentifiers ? 'included' : 'left out'}</p>
${section('roster', 'Roster', rosterHtml(dossier.roster, caseName))}
${section('sops', 'SOP versions', sopVersionsHtml(dossier.sops))}
${section('cases', 'Cases: the audit trail', dossier.cases.map((c, i) => caseTrailHtml(c, dossier.auditTrail.cases[i])).join(''))}
${section('programme', 'Agreement, escalation and drift', programmeHtml(dossier.drift, dossier.recalibrationsDue, dossier.rates, caseName))}
${section('verification', 'Verification (segqc audit verify)', verificationHtml(dossier.verification, caseName))}
${section('signatures', 'Self-declared adjudications', selfDeclaredHtml(dossier.selfDeclaredAdjudications, caseName))}
${section('conventions', 'Metric conventions', `<p class="muted">Quoted from ${e(conventions.source)}, “${e(conventions.heading)}”.</p>${markdownHtml(conventions.markdown)}`)}
</body>
</html>
`;
}
