import { DicomValueError } from './DicomValueError';

/**
 * Why an untrusted object was refused before it was parsed:
 * - `deflated`: Deflated Explicit VR Little Endian (PS3.5 A.5), which a parser would inflate
 *   without bound (a 1 MB object can inflate to 1 GB);
 * - `too-large`: more bytes than readLimits allows;
 * - `malformed-meta`: a File Meta Information group (PS3.10 7.1) that cannot be walked, so its
 *   transfer syntax cannot be known.
 */
export type Refusal = 'deflated' | 'too-large' | 'malformed-meta';

/** An object SegQC refuses to read; a DicomValueError, so every reader reports it as unreadable. */
export class RefusedObjectError extends DicomValueError {
  readonly refusal: Refusal;

  constructor(attributePath: string, refusal: Refusal, reason: string) {
    super(attributePath, reason);
    this.name = 'RefusedObjectError';
    this.refusal = refusal;
  }
}
