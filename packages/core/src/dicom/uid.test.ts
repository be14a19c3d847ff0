// Demo data, SEGs and SRs get their UIDs from stable names so that a regenerated cohort is
// byte-identical; these UIDs must still be valid DICOM UIDs under the 2.25 (UUID) root.
import { randomUid, uidFromName } from './uid';
import { checkUid } from './vrChecks';

const UUID_UID = /^2\.25\.[1-9]\d*$/;

function uuidOf(uid: string): string {
  return BigInt(uid.slice(5)).toString(16).padStart(32, '0');
}

describe('uidFromName', () => {
  it('is deterministic and differs between names', () => {
    expect(uidFromName('segqc-demo/ct-01/series/ct')).toBe(uidFromName('segqc-demo/ct-01/series/ct'));
    expect(uidFromName('segqc-demo/ct-01/series/ct')).not.toBe(uidFromName('segqc-demo/ct-02/series/ct'));
  });

  it('gives the SHA-256-derived value with RFC 9562 version-8 and variant bits set', () => {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223 ...; octet 6 0xcf -> 0x8f, octet 8 0x41 -> 0x81.
    expect(uuidOf(uidFromName('abc'))).toBe('ba7816bf8f018fea814140de5dae2223');
    expect(uidFromName('abc')).toBe(`2.25.${BigInt('0xba7816bf8f018fea814140de5dae2223').toString(10)}`);
  });

  it('is a valid UID of at most 64 characters without leading zeros, for many names', () => {
    for (let i = 0; i < 500; i++) {
      const uid = uidFromName(`name-${i}`);
      expect(uid).toMatch(UUID_UID);
      expect(uid.length).toBeLessThanOrEqual(64);
      expect(checkUid(uid, 'SOPInstanceUID')).toBe(uid);
      expect(uuidOf(uid)[12]).toBe('8');
      expect(['8', '9', 'a', 'b']).toContain(uuidOf(uid)[16]);
    }
  });
});

describe('randomUid', () => {
  it('gives distinct valid version-4 UUID UIDs', () => {
    const uids = new Set(Array.from({ length: 200 }, () => randomUid()));
    expect(uids.size).toBe(200);
    for (const uid of uids) {
      expect(uid).toMatch(UUID_UID);
      expect(uid.length).toBeLessThanOrEqual(64);
      expect(uuidOf(uid)[12]).toBe('4');
    }
  });
});
