import type { AnnotatorCalibration, AuditEvent, AuditPerson, CalibrationCaseScore, CaseRecords } from '@segqc/core';
import { personLabel } from '../drift/personLabel';

/** What a person did, as the objects show it: made an annotation SEG, a review report, an adjudication (reference SEG or adjudicator's report), a gold SEG. */
export type RosterRole = 'annotated' | 'reviewed' | 'adjudicated' | 'gold';

export const ROSTER_ROLES: readonly RosterRole[] = Object.freeze(['annotated', 'reviewed', 'adjudicated', 'gold']);

export interface RosterPerson {
  /** DICOM PN as the objects record it (`Rivera^Ana`), null when they give only a login. */
  name: string | null;
  login: string | null;
  /** How the dossier writes them: "Ana Rivera", or the name SegQC gives a SEG that names no creator. */
  label: string;
  /** Each role with the number of objects that show it, in ROSTER_ROLES order. */
  roles: Array<{ role: RosterRole; objects: number }>;
  /** How the objects know them: the sign-ins (issuer and subject) recorded, and how many objects are authenticated or self-declared. */
  identity: { authenticatedObjects: number; selfDeclaredObjects: number; signIns: Array<{ issuer: string; subject: string }> };
  /** Their calibration cases scored against the gold, by date (segqc drift's calibration scores). */
  calibration: CalibrationCaseScore[];
}

interface Appearance {
  person: AuditPerson;
  role: RosterRole;
  unattributedAs?: string;
}

function appearanceOf(event: AuditEvent): Appearance | null {
  if (event.kind === 'annotation') return { person: event.creator, role: 'annotated', unattributedAs: event.unattributedAs };
  if (event.kind === 'reference') return { person: event.creator, role: event.role === 'gold-standard-author' ? 'gold' : 'adjudicated', unattributedAs: event.unattributedAs };
  return event.observer ? { person: event.observer, role: event.observer.role === 'adjudicator' ? 'adjudicated' : 'reviewed' } : null;
}

/**
 * Everyone who appears in the audit trail of the cases, with the roles their objects show, how they
 * are known — authenticated by an OpenID Provider or self-declared, object by object — and their
 * calibration history. A person is one login (else one name); people sorted by label.
 */
export function roster(cases: readonly CaseRecords[], calibration: readonly AnnotatorCalibration[]): RosterPerson[] {
  const people = new Map<string, RosterPerson & { roleCounts: Map<RosterRole, number> }>();
  for (const appearance of cases.flatMap((records) => records.events.map(appearanceOf))) {
    if (!appearance) continue;
    const { person, role } = appearance;
    const name = person.name ?? null;
    const login = person.login ?? null;
    const key = login !== null ? `login ${login}` : name !== null ? `name ${name}` : `unattributed ${appearance.unattributedAs ?? ''}`;
    let entry = people.get(key);
    if (!entry) {
      entry = {
        name, login, label: name !== null ? personLabel(name) : login ?? appearance.unattributedAs ?? '(no name recorded)', roles: [], roleCounts: new Map(),
        identity: { authenticatedObjects: 0, selfDeclaredObjects: 0, signIns: [] }, calibration: [],
      };
      people.set(key, entry);
    }
    entry.roleCounts.set(role, (entry.roleCounts.get(role) ?? 0) + 1);
    const signIn = person.authentication;
    if (signIn) {
      entry.identity.authenticatedObjects++;
      if (!entry.identity.signIns.some((known) => known.issuer === signIn.issuer && known.subject === signIn.subject)) entry.identity.signIns.push({ issuer: signIn.issuer, subject: signIn.subject });
    } else {
      entry.identity.selfDeclaredObjects++;
    }
  }
  return [...people.values()]
    .map(({ roleCounts, ...person }) => ({
      ...person,
      roles: ROSTER_ROLES.filter((role) => roleCounts.has(role)).map((role) => ({ role, objects: roleCounts.get(role)! })),
      // The programme names an annotator by creator name, else login (core annotatorOf).
      calibration: calibration.find((entry) => entry.annotator === (person.name ?? person.login))?.cases ?? [],
    }))
    .sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
