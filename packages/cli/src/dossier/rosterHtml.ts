import { attributes, escapeHtml as e, fixed } from '../programmeReport/html';
import type { RosterPerson } from './roster';

const identityText = (person: RosterPerson): string => {
  const { authenticatedObjects, selfDeclaredObjects, signIns } = person.identity;
  const parts: string[] = [];
  if (authenticatedObjects > 0) parts.push(`authenticated on ${authenticatedObjects} object${authenticatedObjects === 1 ? '' : 's'} (${signIns.map((s) => `${s.issuer} · ${s.subject}`).join('; ')})`);
  if (selfDeclaredObjects > 0) parts.push(`self-declared on ${selfDeclaredObjects} object${selfDeclaredObjects === 1 ? '' : 's'}`);
  return parts.join('; ');
};

/** The roster: each person, the roles their objects show, how they are known, their calibration cases against the gold. */
export function rosterHtml(people: readonly RosterPerson[], caseName: (studyInstanceUid: string) => string): string {
  if (people.length === 0) return '<p class="muted">No object of the PACS names a person.</p>';
  const rows = people.map((person) => {
    const calibration = person.calibration.length === 0
      ? '<span class="muted">no calibration case</span>'
      : `<table class="nested"><tbody>${person.calibration.map((score) => `<tr><td>${e(caseName(score.caseId))}</td><td>${e(score.date?.slice(0, 10) ?? '')}</td><td>${e(score.structure)}</td><td>Dice ${fixed(score.dice)}</td><td>HD95 ${fixed(score.hd95Mm, 2)} mm</td></tr>`).join('')}</tbody></table>`;
    return `<tr class="roster-person"${attributes({ 'data-login': person.login, 'data-name': person.name })}><td class="person">${e(person.label)}</td><td>${e(person.login ?? '—')}</td>`
      + `<td>${e(person.roles.map(({ role, objects }) => `${role} (${objects})`).join(', '))}</td><td>${e(identityText(person))}</td><td>${calibration}</td></tr>`;
  });
  return '<table class="roster"><thead><tr><th>Person</th><th>Login</th><th>Roles (objects)</th><th>Identity</th><th>Calibration history (against the gold)</th></tr></thead>'
    + `<tbody>${rows.join('')}</tbody></table>`;
}
