/**
 * Digital Signature Purpose codes: CID 7007 "Signature Purpose" (PS3.16), the signature purposes
 * of ASTM E 2084 / E 1762. Coding Scheme Designator "ASTM-sigpurpose" (coding scheme UID
 * 1.2.840.10065.1.12); CID 7007 uses only the leaf digit of the ASTM OID as the Code Value — "5",
 * not "1.2.840.10065.1.12.1.5" — and PS3.15 C.4 names the verification purpose
 * (5, ASTM-sigpurpose, "Verification Signature"). DCMTK's dcmsign writes and reads the same codes.
 */
export interface SignaturePurpose {
  CodeValue: string;
  CodingSchemeDesignator: 'ASTM-sigpurpose';
  CodeMeaning: string;
}

const purpose = (value: number, meaning: string): SignaturePurpose => ({ CodeValue: String(value), CodingSchemeDesignator: 'ASTM-sigpurpose', CodeMeaning: meaning });

export const SIGNATURE_PURPOSES = {
  author: purpose(1, "Author's Signature"),
  coauthor: purpose(2, "Coauthor's Signature"),
  coParticipant: purpose(3, "Co-participant's Signature"),
  transcriptionist: purpose(4, 'Transcriptionist/Recorder Signature'),
  verification: purpose(5, 'Verification Signature'),
  validation: purpose(6, 'Validation Signature'),
  consent: purpose(7, 'Consent Signature'),
  signatureWitness: purpose(8, 'Signature Witness Signature'),
  eventWitness: purpose(9, 'Event Witness Signature'),
  identityWitness: purpose(10, 'Identity Witness Signature'),
  consentWitness: purpose(11, 'Consent Witness Signature'),
  interpreter: purpose(12, 'Interpreter Signature'),
  review: purpose(13, 'Review Signature'),
  source: purpose(14, 'Source Signature'),
  addendum: purpose(15, 'Addendum Signature'),
  modification: purpose(16, 'Modification Signature'),
  administrative: purpose(17, 'Administrative (Error/Edit) Signature'),
  timestamp: purpose(18, 'Timestamp Signature'),
} as const satisfies Record<string, SignaturePurpose>;
