import type { StowReason } from './stowReasons';

export interface StowInstanceWarning {
  sopInstanceUID: string;
  sopClassUID: string;
  /** Warning Reason (0008,1196) of its ReferencedSOPSequence item. */
  warningReason: StowReason;
}

export interface StowInstanceFailure {
  sopInstanceUID: string;
  sopClassUID: string;
  /** Failure Reason (0008,1197) of its FailedSOPSequence item, or NOT_LISTED. */
  failureReason: StowReason;
}

/**
 * What the PACS did with each instance of one STOW-RS request, in request order. Every instance
 * sent is in exactly one of `stored` and `failed`.
 */
export interface StowResult {
  /** HTTP status of the answer the result was read from (200, 202, or 409 when every "failure" was a duplicate). */
  status: number;
  /** SOP Instance UIDs the PACS holds now: ReferencedSOPSequence (0008,1199), plus duplicates. */
  stored: string[];
  /** The part of `stored` the PACS reported as Duplicate SOP Instance (0x0111): stored by an earlier attempt. */
  alreadyStored: string[];
  warnings: StowInstanceWarning[];
  /** Instances not stored (only in a 202 partial answer; a request with none stored throws StowError). */
  failed: StowInstanceFailure[];
  /** Requests sent, retries included. */
  attempts: number;
  /** Retrieve URL (0008,1190) of the study, when the PACS gave one. */
  retrieveURL?: string;
}
