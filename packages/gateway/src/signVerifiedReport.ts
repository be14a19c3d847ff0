/**
 * One VERIFIED QC report signed for the signed-in user with the site's key: a DICOM Digital
 * Signature under the Structured Report RSA profile (PS3.15 C.4: purpose Verification Signature,
 * CID 7007 code 5; SHA-256; the signer certificate in the object), signing time now. The stream
 * signed is the one DCMTK 3.6.7's dcmsign verifies ('dcmtk', core signature/README.md), so that a
 * regulator checks the signature with `dcmsign --verify`; that stream leaves parts of a large nested
 * content tree out, so the SHA-256 of the standard PS3.15 stream of the same elements is recorded in
 * the journal of writes, where `segqc audit verify` finds it.
 *
 * The report is re-encoded in its own transfer syntax, Explicit VR Little Endian (what SegQC writes,
 * writePart10 writes, and the MAC is calculated in): a report in another one is refused, not converted,
 * and so is one whose elements would not come out of re-encoding byte for byte as they went in.
 */
import {
  DicomValueError, EXPLICIT_VR_LITTLE_ENDIAN, SIGNATURE_PURPOSES, firstText, macStream, rawDatasetOfPart10, readPart10, readSrDataset, sha256Hex, signDataset,
  tagOf, writePart10, type JournalSignature, type NaturalDataset,
} from '@segqc/core';
import { changedElement } from './changedElement';
import type { TokenIdentity } from './accessTokens';
import type { ReportSigner } from './reportSigner';
import { StoreRefusal } from './storeRefusal';

/** The site's signer cannot sign now (its certificate is not valid at this time): no fault of the request. */
export class ReportSigningError extends Error {
  override readonly name = 'ReportSigningError';
}

export interface SignedReport {
  sopInstanceUid: string;
  /** The Part 10 bytes with the signature, as forwarded to the PACS. */
  bytes: Uint8Array;
  /** What the journal records of the signature. */
  signature: JournalSignature;
}

/** A report signed by whoever holds the key (a key file's batch), with what the journal would record but the sign-in. */
export type KeySignedReport = Omit<SignedReport, 'signature'> & { signature: Omit<JournalSignature, 'authenticatedAt'> };

/** `bytes` (a VERIFIED QC report of `user`, whose login storePolicy and freshLogin accepted) signed at `now`, resting on the user's sign-in. */
export function signVerifiedReport(bytes: Uint8Array, signer: ReportSigner, user: TokenIdentity, now: Date, where: string): SignedReport {
  if (!user.authTime) throw new Error('signVerifiedReport needs the time of the sign-in it rests on');
  const signed = signReport(bytes, signer, now, where);
  return { ...signed, signature: { ...signed.signature, authenticatedAt: user.authTime.toISOString() } };
}

/** `bytes` (a VERIFIED QC report) signed with the signer at `now`: the signature itself, whoever it is made for. */
export function signReport(bytes: Uint8Array, signer: ReportSigner, now: Date, where: string): KeySignedReport {
  if (now < signer.validFrom || now > signer.validTo) {
    throw new ReportSigningError(`the site's signer certificate is not valid now (valid ${signer.validFrom.toISOString()} to ${signer.validTo.toISOString()})`);
  }
  const transferSyntax = firstText(readPart10(bytes, { untilPixelData: true }).meta['TransferSyntaxUID']) ?? '';
  if (transferSyntax !== EXPLICIT_VR_LITTLE_ENDIAN) {
    throw new StoreRefusal(400, `${where}: the gateway signs VERIFIED reports in their own transfer syntax and signs Explicit VR Little Endian only, not ${transferSyntax || 'none'}`);
  }
  // readSrDataset, not readPart10: dcmjs decodes the text in sequence items as Latin-1 whatever the
  // character set, and writing that back would turn a UTF-8 report's content tree into mojibake.
  const dataset = readSrDataset(bytes);
  let signed: NaturalDataset;
  try {
    signed = signDataset(dataset, {
      profile: 'sr-verification',
      purpose: SIGNATURE_PURPOSES.verification,
      certificateDer: signer.certificateDer,
      sign: signer.sign,
      now,
      macStreamVariant: 'dcmtk',
    });
  } catch (error) {
    if (error instanceof DicomValueError) throw new StoreRefusal(400, `${where}: the gateway cannot sign this VERIFIED report: ${error.message}`);
    throw error;
  }
  const signedBytes = writePart10(signed);
  // What the user verified is what is signed: re-encoded, every element must be as they sent it.
  const changed = changedElement(rawDatasetOfPart10(bytes), rawDatasetOfPart10(signedBytes), SIGNATURE_ELEMENTS);
  if (changed) throw new StoreRefusal(400, `${where}: the gateway cannot sign this VERIFIED report without changing it (it would re-encode ${changed} differently)`);
  const signatureItem = lastItem(signed, 'DigitalSignaturesSequence');
  const signedTags = lastItem(signed, 'MACParametersSequence')['DataElementsSigned'] as number[];
  return {
    sopInstanceUid: String(signed['SOPInstanceUID']),
    bytes: signedBytes,
    signature: {
      uid: String(signatureItem['DigitalSignatureUID']),
      purpose: SIGNATURE_PURPOSES.verification.CodeValue,
      signedAt: String(signatureItem['DigitalSignatureDateTime']),
      standardStreamSha256: sha256Hex(macStream(signedBytes, signedTags, 'standard')),
    },
  };
}

/** What signing adds to: the Digital Signatures Sequence and the MAC Parameters Sequence. */
const SIGNATURE_ELEMENTS: ReadonlySet<number> = new Set([tagOf('DigitalSignaturesSequence'), tagOf('MACParametersSequence')]);

/** signDataset appends its items: the last one is the signature just made. */
function lastItem(dataset: NaturalDataset, keyword: string): NaturalDataset {
  const items = dataset[keyword] as NaturalDataset[];
  return items[items.length - 1]!;
}
