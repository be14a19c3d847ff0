// The journal's account of the demo seed: what the seed stores itself is the seed's (no sign-in
// behind it); what it stores for the signed-in adjudicator is hers, with the signature made for her.
import { createHash } from 'node:crypto';
import { SERIES_UID, STUDY_UID, sopUid, tinyCt } from '../../core/src/dicomweb/stow.fixture';
import { DEMO_SEED_LOGIN, demoSeedEntries } from './demoSeedEntries';

const ADJUDICATOR = { issuer: 'http://127.0.0.1:3002', subject: 'mlindqvist', login: 'mlindqvist', roles: ['adjudicator'] };
const SIGNATURE = { uid: '2.25.1234', purpose: '5', signedAt: '20261207100000+0000', authenticatedAt: '2026-12-07T10:00:00.000Z', standardStreamSha256: 'ab'.repeat(32) };
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

test('each object is journaled by its author, with its signature when it has one, as accepted (200)', () => {
  const [seeded, hers, signed] = [tinyCt(1), tinyCt(2), tinyCt(3)];
  const entries = demoSeedEntries([{ bytes: seeded }, { bytes: hers, author: ADJUDICATOR }, { bytes: signed, author: ADJUDICATOR, signature: SIGNATURE }]);
  const object = (n: number, bytes: Uint8Array) => ({ studyInstanceUid: STUDY_UID, seriesInstanceUid: SERIES_UID, sopInstanceUid: sopUid(n), sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sha256: sha256(bytes), pacsStatus: 200 });
  expect(entries.map(({ at: _at, ...entry }) => entry)).toEqual([
    { issuer: null, subject: null, login: DEMO_SEED_LOGIN, roles: [], ...object(1, seeded) },
    { ...ADJUDICATOR, ...object(2, hers) },
    { ...ADJUDICATOR, ...object(3, signed), signature: SIGNATURE },
  ]);
  expect(new Set(entries.map((entry) => entry.at)).size).toBe(1);
});

test('bytes that are no DICOM have no entry', () => {
  expect(demoSeedEntries([{ bytes: new Uint8Array([1, 2, 3]) }])).toEqual([]);
});
