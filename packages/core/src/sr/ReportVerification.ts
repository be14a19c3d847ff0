/**
 * Sign-off (PS3.3 C.17.2 SR Document General): the report becomes CompletionFlag COMPLETE,
 * VerificationFlag VERIFIED, with one Verifying Observer Sequence item: name, organisation, the
 * date-time of verification, and the login as the observer's identification code (99SEGQC, as in
 * the Person Identification Macro of our SEGs).
 *
 * The Verifying Observer Identification Code Sequence holds one code (PS3.3 Table C.17-2), the
 * login, so an authenticated verifier's issuer and subject are not written here: in SegQC the
 * verifying observer is the report's observer, whose identity items say how they are known
 * (QcObserver.identityItems). QcReport accepts `authentication` only when it is the observer's.
 */
import { SEGQC_SCHEME_DESIGNATOR } from '../codes/segqcScheme';
import { CodedConcept } from '../dicom/CodedConcept';
import { DicomValueError } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { displayName } from '../dicom/personIdentification';
import { checkLongString, checkPersonName } from '../dicom/vrChecks';
import type { AuthenticatedIdentity } from '../identity/AuthenticatedIdentity';
import { checkAuthenticatedIdentity } from '../identity/checkAuthenticatedIdentity';
import { checkDateTime } from './srValueChecks';

export interface ReportVerificationInit {
  /** VerifyingObserverName, DICOM PN. */
  name: string;
  /** Written as VerifyingObserverIdentificationCodeSequence (value = login, scheme 99SEGQC). */
  login: string;
  /** VerifyingOrganization (LO, type 2). */
  organization?: string;
  /** VerificationDateTime, DT `YYYYMMDDHHMMSS[.FFFFFF][&ZZXX]`. */
  dateTime: string;
  /** The verifier's sign-in, which is the observer's (see above); absent: self-declared. */
  authentication?: AuthenticatedIdentity;
}

const PATH = 'VerifyingObserverSequence[0]';

export class ReportVerification implements ReportVerificationInit {
  readonly name: string;
  readonly login: string;
  readonly organization?: string;
  readonly dateTime: string;
  readonly authentication?: Readonly<AuthenticatedIdentity>;

  constructor(init: ReportVerificationInit) {
    if (init === null || typeof init !== 'object') throw new DicomValueError(PATH, 'a sign-off needs name, login and date-time');
    checkPersonName(init.name, `${PATH}.VerifyingObserverName`);
    new CodedConcept({ value: init.login, scheme: SEGQC_SCHEME_DESIGNATOR, meaning: displayName(init.name) || init.login }, `${PATH}.VerifyingObserverIdentificationCodeSequence[0]`);
    if (init.organization !== undefined) checkLongString(init.organization, `${PATH}.VerifyingOrganization`);
    checkDateTime(init.dateTime, `${PATH}.VerificationDateTime`);
    this.name = init.name;
    this.login = init.login;
    if (init.organization !== undefined) this.organization = init.organization;
    this.dateTime = init.dateTime;
    if (init.authentication !== undefined) {
      this.authentication = Object.freeze(checkAuthenticatedIdentity(init.authentication, { identity: `${PATH} authentication`, issuer: `${PATH} authentication.issuer`, subject: `${PATH} authentication.subject` }));
    }
    Object.freeze(this);
  }

  toItem(): NaturalDataset {
    return {
      VerifyingObserverName: this.name,
      VerifyingObserverIdentificationCodeSequence: [new CodedConcept({ value: this.login, scheme: SEGQC_SCHEME_DESIGNATOR, meaning: displayName(this.name) || this.login }).toItem()],
      VerifyingOrganization: this.organization ?? '',
      VerificationDateTime: this.dateTime,
    };
  }

  toInit(): ReportVerificationInit {
    return {
      name: this.name,
      login: this.login,
      ...(this.organization !== undefined ? { organization: this.organization } : {}),
      dateTime: this.dateTime,
      ...(this.authentication ? { authentication: { ...this.authentication } } : {}),
    };
  }

  static from(init: ReportVerification | ReportVerificationInit): ReportVerification {
    return init instanceof ReportVerification ? init : new ReportVerification(init);
  }
}
