/**
 * The check of a STOW-RS body before it reaches the PACS, when users sign in: every part is read
 * (its DICOM header, and a QC report's content tree), classified as one of the objects the role
 * policy names (rolePolicy.ts), and must name the signed-in user as its creator, observer and
 * verifier. One refused part refuses the whole request, so nothing of it is stored.
 */
import { MultipartParseError, parseMultipartRelated, readPart10, readQcReport, segCreatorIdentity, type NaturalDataset } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import { notTheUser } from './recordedPerson';
import { permissionsOf, type StorableObject } from './rolePolicy';
import { kindOfSopClass } from './storedObjectKind';

/** Why a STOW body is refused: shown to the client as the 403 (or 400) message. */
export class StoreRefusal extends Error {
  override readonly name = 'StoreRefusal';

  constructor(readonly status: 400 | 403, message: string) {
    super(message);
  }
}

const SEG_OF_LABEL: ReadonlyMap<string, StorableObject> = new Map([
  ['ANNOTATION', 'annotation-seg'],
  ['ADJUDICATED', 'adjudicated-seg'],
  ['GOLD', 'gold-seg'],
]);

const text = (dataset: NaturalDataset, keyword: string): string => {
  const value = dataset[keyword];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.trim() : '';
};

/** Throws a StoreRefusal unless every part of the body is an object the user may store, naming them. */
export function checkStoreBody(body: Uint8Array, contentType: string, user: TokenIdentity): void {
  let parts;
  try {
    parts = parseMultipartRelated(body, contentType);
  } catch (error) {
    if (error instanceof MultipartParseError) throw new StoreRefusal(400, `the STOW-RS body is not multipart/related: ${error.message}`);
    throw error;
  }
  if (parts.length === 0) throw new StoreRefusal(400, 'the STOW-RS body has no parts');
  const { stores } = permissionsOf(user.roles);
  parts.forEach((part, n) => {
    const where = `part ${n + 1}`;
    const type = (part.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/dicom') throw new StoreRefusal(400, `${where} is ${type || 'untyped'}, not application/dicom`);
    const object = storableObjectOf(part.body, where, user);
    if (!stores.includes(object)) throw new StoreRefusal(403, `${where}: your roles (${user.roles.join(', ')}) may not store ${DESCRIPTION[object]}`);
  });
}

const DESCRIPTION: Readonly<Record<StorableObject, string>> = {
  'annotation-seg': 'an annotation SEG',
  'adjudicated-seg': 'an adjudicated reference SEG',
  'gold-seg': 'a gold-standard SEG',
  'unverified-qc-report': 'an unsigned QC report',
  'verified-qc-report': 'a verified (signed) QC report',
};

/** What one Part 10 object is, once it is known to name the user; a StoreRefusal otherwise. */
function storableObjectOf(bytes: Uint8Array, where: string, user: TokenIdentity): StorableObject {
  let dataset: NaturalDataset;
  try {
    dataset = readPart10(bytes, { untilPixelData: true }).dataset;
  } catch (error) {
    throw new StoreRefusal(400, `${where} is not a readable DICOM file: ${(error as Error).message}`);
  }
  const sopClass = text(dataset, 'SOPClassUID');
  const kind = kindOfSopClass(sopClass);
  if (kind === 'segmentation') {
    const label = text(dataset, 'ContentLabel');
    const object = SEG_OF_LABEL.get(label);
    if (!object) throw new StoreRefusal(403, `${where}: a SEG's ContentLabel must be ANNOTATION, ADJUDICATED or GOLD`);
    const refused = notTheUser(segCreatorIdentity(dataset), user);
    if (refused) throw new StoreRefusal(403, `${where}: the SEG's creator ${refused}`);
    return object;
  }
  if (kind === 'structured-report') {
    let qc;
    try {
      qc = readQcReport(bytes).qc;
    } catch (error) {
      throw new StoreRefusal(403, `${where}: only SegQC QC reports are stored through the gateway (${(error as Error).message})`);
    }
    if (!qc?.observer) throw new StoreRefusal(403, `${where}: a QC report stored by a signed-in user names them as its observer`);
    const refused = notTheUser(qc.observer, user);
    if (refused) throw new StoreRefusal(403, `${where}: the report's observer ${refused}`);
    const verified = text(dataset, 'VerificationFlag') === 'VERIFIED';
    if (!verified) return 'unverified-qc-report';
    if (!qc.verification) throw new StoreRefusal(403, `${where}: a VERIFIED report names its verifying observer`);
    const verifier = notTheUser(qc.verification, user);
    if (verifier) throw new StoreRefusal(403, `${where}: the report's verifying observer ${verifier}`);
    return 'verified-qc-report';
  }
  throw new StoreRefusal(403, `${where}: ${kind === 'image' ? 'images' : 'presentation states'} are not stored through SegQC (SOP Class ${sopClass || 'missing'})`);
}
