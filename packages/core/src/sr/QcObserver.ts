/**
 * The person who made the review or the adjudication, as the report's observer context
 * (TID 1002 Observer Context with TID 1003 Person Observer Identifying Attributes): name, login,
 * organisation, and role in this procedure from CID 7453 (Reviewer, Adjudicator, Reader). How the
 * identity is known is always written, in the report's Qualitative Evaluations since TID 1003 has
 * no row for it (identityItems): Observer identity = Authenticated by an OpenID Provider, followed
 * by the issuer and the subject as TEXT items, or Observer identity = Self-declared.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { checkPersonName } from '../dicom/vrChecks';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from '../identity/checkAuthenticatedIdentity';
import { codeItem, itemPath, pnameItem, textItem } from './contentItem';
import { QC_CONCEPTS, QC_OBSERVER_IDENTITIES } from './qcCodes';
import { checkSingleLineText } from './srValueChecks';
import { PERFORMING_ROLES, SR_CODES } from './templateCodes';

export const QC_ROLES = Object.freeze(['reviewer', 'adjudicator', 'reader'] as const);
export type QcRole = (typeof QC_ROLES)[number];

export interface QcObserverInit {
  /** DICOM PN, e.g. `Rivera^Ana`. */
  name: string;
  /** The user's login in the SegQC deployment. */
  login: string;
  organization?: string;
  role: QcRole;
  /** The OpenID Provider's issuer and subject of the observer's sign-in; absent: self-declared (typed). */
  authentication?: AuthenticatedIdentity;
}

/** Where the observer context goes: children of the root container (TID 1500 row 3). */
export const OBSERVER_CONTEXT_PATH = 'ContentSequence{Observer Context}';

/** Where the observer's identity items go: the report's Qualitative Evaluations (TID 1500 row 12). */
export const OBSERVER_IDENTITY_PATH = itemPath('', SR_CODES.QualitativeEvaluations);
const IDENTITY_PATHS = {
  identity: itemPath(OBSERVER_IDENTITY_PATH, QC_CONCEPTS.observerIdentity),
  issuer: joinAttributePath(itemPath(OBSERVER_IDENTITY_PATH, QC_CONCEPTS.oidcIssuer), 'TextValue'),
  subject: joinAttributePath(itemPath(OBSERVER_IDENTITY_PATH, QC_CONCEPTS.oidcSubject), 'TextValue'),
};

export class QcObserver implements QcObserverInit {
  readonly name: string;
  readonly login: string;
  readonly organization?: string;
  readonly role: QcRole;
  readonly authentication?: Readonly<AuthenticatedIdentity>;

  constructor(init: QcObserverInit, path = OBSERVER_CONTEXT_PATH) {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'an observer needs name, login and role');
    checkPersonName(init.name, itemPath(path, SR_CODES.PersonObserverName) + '.PersonName');
    checkSingleLineText(init.login, joinAttributePath(itemPath(path, SR_CODES.PersonObserverLoginName), 'TextValue'), 64);
    if (init.organization !== undefined) checkSingleLineText(init.organization, joinAttributePath(itemPath(path, SR_CODES.PersonObserverOrganizationName), 'TextValue'), 64);
    if (!QC_ROLES.includes(init.role)) {
      throw new DicomValueError(joinAttributePath(itemPath(path, SR_CODES.PersonObserverRoleInThisProcedure), 'ConceptCodeSequence[0]'), `role "${String(init.role)}" is not one of ${QC_ROLES.join(', ')} (CID 7453)`);
    }
    this.name = init.name;
    this.login = init.login;
    if (init.organization !== undefined) this.organization = init.organization;
    this.role = init.role;
    if (init.authentication !== undefined) this.authentication = Object.freeze(checkAuthenticatedIdentity(init.authentication, IDENTITY_PATHS));
    Object.freeze(this);
  }

  /** The TID 1002/1003 content items (HAS OBS CONTEXT), in template order. */
  toItems(path = OBSERVER_CONTEXT_PATH): NaturalDataset[] {
    const rel = 'HAS OBS CONTEXT';
    const items = [
      codeItem(rel, SR_CODES.ObserverType, SR_CODES.Person, itemPath(path, SR_CODES.ObserverType)),
      pnameItem(rel, SR_CODES.PersonObserverName, this.name, itemPath(path, SR_CODES.PersonObserverName)),
      textItem(rel, SR_CODES.PersonObserverLoginName, this.login, itemPath(path, SR_CODES.PersonObserverLoginName)),
    ];
    if (this.organization !== undefined) items.push(textItem(rel, SR_CODES.PersonObserverOrganizationName, this.organization, itemPath(path, SR_CODES.PersonObserverOrganizationName)));
    items.push(codeItem(rel, SR_CODES.PersonObserverRoleInThisProcedure, PERFORMING_ROLES[this.role], itemPath(path, SR_CODES.PersonObserverRoleInThisProcedure)));
    return items;
  }

  /** The Qualitative Evaluations items that say how the identity is known, in this order. */
  identityItems(): NaturalDataset[] {
    const rel = 'CONTAINS';
    if (!this.authentication) return [codeItem(rel, QC_CONCEPTS.observerIdentity, QC_OBSERVER_IDENTITIES.selfDeclared, IDENTITY_PATHS.identity)];
    return [
      codeItem(rel, QC_CONCEPTS.observerIdentity, QC_OBSERVER_IDENTITIES.authenticated, IDENTITY_PATHS.identity),
      textItem(rel, QC_CONCEPTS.oidcIssuer, this.authentication.issuer, itemPath(OBSERVER_IDENTITY_PATH, QC_CONCEPTS.oidcIssuer)),
      textItem(rel, QC_CONCEPTS.oidcSubject, this.authentication.subject, itemPath(OBSERVER_IDENTITY_PATH, QC_CONCEPTS.oidcSubject)),
    ];
  }

  /** As plain data (what readQcReport returns). */
  toInit(): QcObserverInit {
    return {
      name: this.name,
      login: this.login,
      ...(this.organization !== undefined ? { organization: this.organization } : {}),
      role: this.role,
      ...(this.authentication ? { authentication: { ...this.authentication } } : {}),
    };
  }

  static from(init: QcObserver | QcObserverInit, path = OBSERVER_CONTEXT_PATH): QcObserver {
    return init instanceof QcObserver ? init : new QcObserver(init, path);
  }
}
