/**
 * The check of a STOW-RS body before it reaches the PACS, when users sign in: every part is read
 * (its DICOM header, and a QC report's content tree), classified as one of the objects the role
 * policy names (rolePolicy.ts), and must name the signed-in user as its creator, observer and
 * verifier. An annotation SEG that names no creator at all (OHIF's own export) is the exception:
 * the user storing it is recorded in it as its creator (stampCreator.ts), and the body forwarded
 * carries the stamped part. One refused part refuses the whole request, so nothing of it is stored.
 */
import { firstText, readQcReport, segCreatorIdentity, segNamesCreator, type NaturalDataset } from '@segqc/core';
import type { TokenIdentity } from './accessTokens';
import { notTheUser } from './recordedPerson';
import { permissionsOf, type StorableObject } from './rolePolicy';
import { stampCreator } from './stampCreator';
import type { StoreBody, StorePart } from './storeBody';
import { kindOfSopClass } from './storedObjectKind';
import { StoreRefusal } from './storeRefusal';

export { StoreRefusal } from './storeRefusal';

/** A reference standard by its ContentLabel; any other SEG is an annotation (as the inventory reads them). */
const REFERENCE_SEG_OF_LABEL: ReadonlyMap<string, StorableObject> = new Map([
  ['ADJUDICATED', 'adjudicated-seg'],
  ['GOLD', 'gold-seg'],
]);

const text = (dataset: NaturalDataset, keyword: string): string => firstText(dataset[keyword]) ?? '';

/**
 * Throws a StoreRefusal unless every part of the body is an object the user may store, naming them;
 * returns the body with each part classed (StorePart.object) and — when a SEG named no creator —
 * that part's bytes stamped. `host` is the Host the request was sent to (stampCreator.ts).
 */
export function checkStoreBody(store: StoreBody, user: TokenIdentity, host: string): StoreBody {
  if (store.parts.length === 0) throw new StoreRefusal(400, 'the STOW-RS body has no parts');
  const { stores } = permissionsOf(user.roles);
  const parts = store.parts.map((stored): StorePart => {
    const { part, where } = stored;
    const type = (part.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/dicom') throw new StoreRefusal(400, `${where} is ${type || 'untyped'}, not application/dicom`);
    const checked = storableObjectOf(stored, user);
    if (!stores.includes(checked.object)) throw new StoreRefusal(403, `${where}: your roles (${user.roles.join(', ')}) may not store ${DESCRIPTION[checked.object]}`);
    if (!checked.unattributed) return { ...stored, object: checked.object };
    // The part's own length would no longer be true; a STOW part needs none (RFC 2046 5.1).
    if (part.headers['content-length'] !== undefined) throw new StoreRefusal(400, `${where} declares a Content-Length: the gateway records you as the creator of this SEG, which names none, and cannot keep it; send the part without one`);
    return { ...stored, object: checked.object, bytes: stampCreator(stored.bytes, checked.unattributed, user, host, where) };
  });
  return { ...store, parts };
}

const DESCRIPTION: Readonly<Record<StorableObject, string>> = {
  'annotation-seg': 'an annotation SEG',
  'adjudicated-seg': 'an adjudicated reference SEG',
  'gold-seg': 'a gold-standard SEG',
  'unverified-qc-report': 'an unsigned QC report',
  'verified-qc-report': 'a verified (signed) QC report',
};

/**
 * What one Part 10 object is, once it is known to name the user; a StoreRefusal otherwise. An
 * annotation SEG that names no one is not refused here: its header comes back as `unattributed`,
 * for the user to be recorded as its creator once their roles allow them to store it.
 */
function storableObjectOf({ bytes, header: dataset, unreadable, where }: StorePart, user: TokenIdentity): { object: StorableObject; unattributed?: NaturalDataset } {
  if (!dataset) throw new StoreRefusal(400, `${where} is not a readable DICOM file: ${unreadable}`);
  const sopClass = text(dataset, 'SOPClassUID');
  const kind = kindOfSopClass(sopClass);
  if (kind === 'segmentation') {
    // Issue 13: a SEG that is not a reference standard is an annotation, whatever else its label says
    // (OHIF's export: SEGMENTATION); a reference standard always names its maker.
    const object = REFERENCE_SEG_OF_LABEL.get(text(dataset, 'ContentLabel')) ?? 'annotation-seg';
    if (object === 'annotation-seg' && !segNamesCreator(dataset)) return { object, unattributed: dataset };
    const refused = notTheUser(segCreatorIdentity(dataset), user);
    if (refused) throw new StoreRefusal(403, `${where}: the SEG's creator ${refused}`);
    return { object };
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
    if (!verified) return { object: 'unverified-qc-report' };
    if (!qc.verification) throw new StoreRefusal(403, `${where}: a VERIFIED report names its verifying observer`);
    const verifier = notTheUser(qc.verification, user);
    if (verifier) throw new StoreRefusal(403, `${where}: the report's verifying observer ${verifier}`);
    return { object: 'verified-qc-report' };
  }
  throw new StoreRefusal(403, `${where}: ${kind === 'image' ? 'images' : 'presentation states'} are not stored through SegQC (SOP Class ${sopClass || 'missing'})`);
}
