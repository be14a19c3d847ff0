/**
 * The person who made the review or the adjudication, as the report's observer context
 * (TID 1002 Observer Context with TID 1003 Person Observer Identifying Attributes): name, login,
 * organisation, and role in this procedure from CID 7453 (Reviewer, Adjudicator, Reader). An
 * identity the deployment did not authenticate is marked self-declared: buildQcReport writes
 * (QC_CONCEPTS.observerIdentity = Self-declared) in the report's Qualitative Evaluations, since
 * TID 1003 has no row for it.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { checkPersonName } from '../dicom/vrChecks';
import { codeItem, itemPath, pnameItem, textItem } from './contentItem';
import { QC_CONCEPTS } from './qcCodes';
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
  /** The person typed their name and login; nothing authenticated them. Only `true` is recorded. */
  selfDeclared?: boolean;
}

/** Where the observer context goes: children of the root container (TID 1500 row 3). */
export const OBSERVER_CONTEXT_PATH = 'ContentSequence{Observer Context}';

export class QcObserver implements QcObserverInit {
  readonly name: string;
  readonly login: string;
  readonly organization?: string;
  readonly role: QcRole;
  readonly selfDeclared?: true;

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
    if (init.selfDeclared !== undefined && typeof init.selfDeclared !== 'boolean') {
      throw new DicomValueError(itemPath(itemPath('', SR_CODES.QualitativeEvaluations), QC_CONCEPTS.observerIdentity), `selfDeclared must be true or false, got ${String(init.selfDeclared)}`);
    }
    this.role = init.role;
    if (init.selfDeclared === true) this.selfDeclared = true;
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

  /** As plain data (what readQcReport returns). */
  toInit(): QcObserverInit {
    return {
      name: this.name,
      login: this.login,
      ...(this.organization !== undefined ? { organization: this.organization } : {}),
      role: this.role,
      ...(this.selfDeclared ? { selfDeclared: true } : {}),
    };
  }

  static from(init: QcObserver | QcObserverInit, path = OBSERVER_CONTEXT_PATH): QcObserver {
    return init instanceof QcObserver ? init : new QcObserver(init, path);
  }
}
