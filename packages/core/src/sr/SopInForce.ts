/**
 * The SOP (standard operating procedure) in force for a review, recorded in the report as
 * `id@version+sha256` (QC_CONCEPTS.sop, a TEXT item of the report's Qualitative Evaluations,
 * TID 1500 row 14): the full 64-digit SHA-256 of the SOP's canonical JSON, where a SEG's
 * ProtocolName (LO) has room for only the first 16 digits (seg/SopReference.ts).
 *
 * The SOP schema is not fixed yet, so any id and version that are one line of text without `@`
 * or `+` (which delimit the written form) are accepted.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import { itemPath } from './contentItem';
import { QC_CONCEPTS } from './qcCodes';
import { checkSha256Hex, checkSingleLineText } from './srValueChecks';
import { SR_CODES } from './templateCodes';

export interface SopInForceInit {
  id: string;
  version: string;
  /** SHA-256 of the SOP's canonical JSON, 64 lowercase hex digits. */
  sha256: string;
}

export const SOP_PATH = joinAttributePath(itemPath(itemPath('', SR_CODES.QualitativeEvaluations), QC_CONCEPTS.sop), 'TextValue');

const WRITTEN_FORM = /^([^@+\r\n]+)@([^@+\r\n]+)\+([0-9a-f]{64})$/;

export class SopInForce implements SopInForceInit {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;

  constructor(init: SopInForceInit, path = SOP_PATH) {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'a SOP needs id, version and sha256');
    for (const key of ['id', 'version'] as const) {
      checkSingleLineText(init[key], `${path}(${key})`, 256);
      if (/[@+]/.test(init[key]) || init[key].trim() !== init[key]) throw new DicomValueError(`${path}(${key})`, `"${init[key]}" must not contain "@" or "+" or start or end with a space`);
    }
    checkSha256Hex(init.sha256, `${path}(sha256)`);
    this.id = init.id;
    this.version = init.version;
    this.sha256 = init.sha256;
    Object.freeze(this);
  }

  /** `id@version+sha256`. */
  toText(): string {
    return `${this.id}@${this.version}+${this.sha256}`;
  }

  /** The SOP a report's text names; a DicomValueError naming `path` when it is not `id@version+sha256`. */
  static parse(text: string, path = SOP_PATH): SopInForce {
    const match = WRITTEN_FORM.exec(text);
    if (!match) throw new DicomValueError(path, `"${text}" is not a SOP reference id@version+sha256`);
    return new SopInForce({ id: match[1], version: match[2], sha256: match[3] }, path);
  }

  static from(init: SopInForce | SopInForceInit, path = SOP_PATH): SopInForce {
    return init instanceof SopInForce ? init : new SopInForce(init, path);
  }
}
