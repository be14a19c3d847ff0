/**
 * The status codes a STOW-RS origin server puts in Failure Reason (0008,1197) and Warning Reason
 * (0008,1196), as data: PS3.18 Annex I (Table I.2-1, the Store Instances response), which takes
 * its values from the C-STORE statuses of PS3.4 Table B.2-1 and the general DIMSE statuses of
 * PS3.7 Annex C. `meaning` is the standard's wording; `explanation` finishes the sentence "the
 * PACS refused it because …" in plain words for the viewer; `transient` marks reasons that may
 * clear by themselves (a later retry of the same bytes can succeed).
 */
export interface StowReason {
  /** The 16-bit status code, or null when the PACS gave none (the instance was not listed). */
  code: number | null;
  meaning: string;
  explanation: string;
  transient: boolean;
}

interface StowReasonDefinition extends StowReason {
  code: number;
  /** Bits of `code` that must match: 0xffff for one code, 0xff00 for A7xx, 0xf000 for Cxxx. */
  mask: number;
}

const REASONS: readonly StowReasonDefinition[] = [
  // PS3.7 C.4 / Annex C general failures
  { code: 0x0110, mask: 0xffff, meaning: 'Processing failure', explanation: 'the PACS failed while processing it', transient: false },
  { code: 0x0111, mask: 0xffff, meaning: 'Duplicate SOP Instance', explanation: 'the PACS already holds an instance with this SOP Instance UID', transient: false },
  { code: 0x0112, mask: 0xffff, meaning: 'No such object instance', explanation: 'the PACS does not know an object it references', transient: false },
  { code: 0x0117, mask: 0xffff, meaning: 'Invalid object instance', explanation: 'the PACS found it invalid', transient: false },
  { code: 0x0118, mask: 0xffff, meaning: 'No such SOP Class', explanation: 'the PACS does not know its SOP class', transient: false },
  { code: 0x0119, mask: 0xffff, meaning: 'Class-instance conflict', explanation: 'its SOP class conflicts with the one the PACS has for this SOP Instance UID', transient: false },
  { code: 0x0122, mask: 0xffff, meaning: 'Referenced SOP Class not supported', explanation: 'the PACS does not support its SOP class', transient: false },
  { code: 0x0124, mask: 0xffff, meaning: 'Not authorized', explanation: 'you are not authorized to store it', transient: false },
  { code: 0x0210, mask: 0xffff, meaning: 'Duplicate invocation', explanation: 'the PACS saw the same request twice at once', transient: true },
  { code: 0x0211, mask: 0xffff, meaning: 'Unrecognized operation', explanation: 'the PACS does not recognise the storage operation', transient: false },
  { code: 0x0212, mask: 0xffff, meaning: 'Mistyped argument', explanation: 'the PACS found a mistyped argument', transient: false },
  { code: 0x0213, mask: 0xffff, meaning: 'Resource limitation', explanation: 'the PACS is short of resources', transient: true },
  // PS3.18 Table I.2-1
  { code: 0xc122, mask: 0xffff, meaning: 'Referenced Transfer Syntax not supported', explanation: 'the PACS does not support its transfer syntax', transient: false },
  // PS3.4 Table B.2-1 C-STORE statuses (ranges)
  { code: 0xa700, mask: 0xff00, meaning: 'Refused: Out of resources', explanation: 'the PACS is out of resources', transient: true },
  { code: 0xa900, mask: 0xff00, meaning: 'Error: Data Set does not match SOP Class', explanation: 'the data set does not match its SOP class', transient: false },
  { code: 0xc000, mask: 0xf000, meaning: 'Error: Cannot understand', explanation: 'the PACS cannot understand it', transient: false },
  // Warnings (PS3.4 Table B.2-1, PS3.7 Annex C)
  { code: 0xb000, mask: 0xffff, meaning: 'Coercion of Data Elements', explanation: 'the PACS changed some of its attributes', transient: false },
  { code: 0xb006, mask: 0xffff, meaning: 'Elements Discarded', explanation: 'the PACS discarded some of its attributes', transient: false },
  { code: 0xb007, mask: 0xffff, meaning: 'Data Set does not match SOP Class', explanation: 'the data set does not match its SOP class', transient: false },
  { code: 0x0107, mask: 0xffff, meaning: 'Attribute list error', explanation: 'the PACS found an error in its attribute list', transient: false },
  { code: 0x0116, mask: 0xffff, meaning: 'Attribute Value out of range', explanation: 'the PACS found an attribute value out of range', transient: false },
];

/** Failure Reason 0x0111: a retry after a lost answer finds its own earlier store. */
export const DUPLICATE_SOP_INSTANCE = 0x0111;

/** An instance the PACS answered for without naming it in either sequence. */
export const NOT_LISTED: StowReason = {
  code: null,
  meaning: 'Not listed in the response',
  explanation: 'the PACS did not confirm that it stored it',
  transient: true,
};

/** The meaning of a Failure or Warning Reason code: exact codes first, then the A7xx/A9xx/Cxxx ranges. */
export function stowReason(code: number): StowReason {
  const definition =
    REASONS.find((reason) => reason.mask === 0xffff && reason.code === code) ??
    REASONS.find((reason) => reason.mask !== 0xffff && (code & reason.mask) === reason.code);
  if (definition) return { code, meaning: definition.meaning, explanation: definition.explanation, transient: definition.transient };
  return { code, meaning: `Status ${statusHex(code)}`, explanation: `the PACS answered status ${statusHex(code)}`, transient: false };
}

/** A status code as DICOM writes it: four upper-case hex digits and `H`, e.g. `A900H`. */
export function statusHex(code: number): string {
  return `${code.toString(16).toUpperCase().padStart(4, '0')}H`;
}
