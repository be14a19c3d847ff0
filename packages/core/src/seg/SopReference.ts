/**
 * The SOP (standard operating procedure) in force when a segmentation was made, as SegQC records
 * it in the SEG's ProtocolName (0018,1030; General Series module, PS3.3 C.7.3.1: "user-defined
 * description of the conditions under which the Series was performed"): `id@version+hash`, where
 * hash is the first 16 hex digits of the SHA-256 of the SOP's canonical JSON. ProtocolName is LO
 * (at most 64 characters), so the full digest travels in the QC SR; 16 hex digits (64 bits) tell
 * any two revisions of one SOP apart. The viewer parses the written form with the same rule
 * (extensions/segmentation-qc/src/annotations/sopReference.ts).
 */
import { checkLongString } from '../dicom/vrChecks';
import { SegValueError, asSegValueErrors } from './SegValueError';

export interface SopReferenceInit {
  /** The SOP's id: lowercase letters, digits, `.`, `_`, `-`, e.g. `mr-brain-flair-lesion`. */
  id: string;
  /** Semantic version `MAJOR.MINOR.PATCH`, optionally `-prerelease` (lowercase), e.g. `2.0.1`. */
  version: string;
  /** SHA-256 of the SOP's canonical JSON: 64 hex digits. */
  sha256: string;
}

/** What a ProtocolName tells of a SOP: the hash is only the leading digits of the SHA-256. */
export interface ParsedSopReference {
  id: string;
  version: string;
  shortHash: string;
}

/** Hex digits of the SHA-256 written in ProtocolName. */
export const SOP_SHORT_HASH_DIGITS = 16;

const SOP_ID = /^[a-z0-9][a-z0-9._-]*$/;
const SEMANTIC_VERSION = /^\d+\.\d+\.\d+(?:-[0-9a-z.]+)?$/;
const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
// The viewer's rule: a ProtocolName written by another tool is never taken for a SOP reference.
const WRITTEN_FORM = /^([a-z0-9][a-z0-9._-]*)@(\d+\.\d+\.\d+(?:-[0-9a-z.]+)?)\+([0-9a-f]{8,64})$/;

export class SopReference implements SopReferenceInit {
  readonly id: string;
  readonly version: string;
  /** Lowercase. */
  readonly sha256: string;

  /** @param path where the reference is written, for error messages. */
  constructor(init: SopReferenceInit, path = 'ProtocolName') {
    if (init === null || typeof init !== 'object') throw new SegValueError(path, 'a SOP reference needs id, version and sha256');
    const { id, version, sha256 } = init;
    if (typeof id !== 'string' || !SOP_ID.test(id)) {
      throw new SegValueError(path, `SOP id ${JSON.stringify(id)} must be lowercase letters, digits, ".", "_" or "-", starting with a letter or digit`);
    }
    if (typeof version !== 'string' || !SEMANTIC_VERSION.test(version)) {
      throw new SegValueError(path, `SOP version ${JSON.stringify(version)} must be a semantic version MAJOR.MINOR.PATCH (optionally -prerelease in lowercase)`);
    }
    if (typeof sha256 !== 'string' || !SHA256_HEX.test(sha256)) {
      throw new SegValueError(path, `SOP sha256 ${JSON.stringify(sha256)} must be 64 hex digits (the SHA-256 of the SOP's canonical JSON)`);
    }
    this.id = id;
    this.version = version;
    this.sha256 = sha256.toLowerCase();
    asSegValueErrors(() => checkLongString(this.toProtocolName(), path));
    Object.freeze(this);
  }

  /** The leading SOP_SHORT_HASH_DIGITS hex digits of the SHA-256. */
  get shortHash(): string {
    return this.sha256.slice(0, SOP_SHORT_HASH_DIGITS);
  }

  /** The written form, `id@version+shortHash`. */
  toProtocolName(): string {
    return `${this.id}@${this.version}+${this.shortHash}`;
  }

  /** Whether `protocolName` refers to this SOP: same id and version, and a hash this SHA-256 starts with. */
  isReferencedBy(protocolName: unknown): boolean {
    const parsed = parseSopReference(protocolName);
    return parsed !== undefined && parsed.id === this.id && parsed.version === this.version && this.sha256.startsWith(parsed.shortHash);
  }

  static from(init: SopReference | SopReferenceInit, path = 'ProtocolName'): SopReference {
    return init instanceof SopReference ? init : new SopReference(init, path);
  }
}

/** The SOP reference a ProtocolName holds, or undefined when it holds none (another tool's text). */
export function parseSopReference(protocolName: unknown): ParsedSopReference | undefined {
  if (typeof protocolName !== 'string') return undefined;
  const match = WRITTEN_FORM.exec(protocolName.trim());
  return match ? { id: match[1], version: match[2], shortHash: match[3] } : undefined;
}
