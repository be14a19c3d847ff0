// The SOP reference ties every SEG to the exact SOP text in force; it must be checked when made,
// fit ProtocolName (LO, 64 characters), and read back by the viewer's rule.
import { sha256Hex } from '../hash/sha256';
import { encodeUtf8 } from '../text/utf8';
import { SOP_SHORT_HASH_DIGITS, SopReference, parseSopReference, type SopReferenceInit } from './SopReference';
import { SegValueError } from './SegValueError';

const sopJson = JSON.stringify({ id: 'ct-lung-nodule', version: '1.2.0', title: 'CT lung nodule segmentation' });
const valid: SopReferenceInit = { id: 'ct-lung-nodule', version: '1.2.0', sha256: sha256Hex(encodeUtf8(sopJson)) };

describe('SopReference', () => {
  it('writes id@version+ the first 16 hex digits of the SHA-256', () => {
    const sop = new SopReference(valid);
    expect(SOP_SHORT_HASH_DIGITS).toBe(16);
    expect(sop.shortHash).toBe(valid.sha256.slice(0, 16));
    expect(sop.toProtocolName()).toBe(`ct-lung-nodule@1.2.0+${valid.sha256.slice(0, 16)}`);
    expect(Object.isFrozen(sop)).toBe(true);
  });

  it('keeps the digest in lowercase, however it was given', () => {
    expect(new SopReference({ ...valid, sha256: valid.sha256.toUpperCase() }).sha256).toBe(valid.sha256);
  });

  it('reads back what it writes, and knows its own reference', () => {
    const sop = new SopReference({ id: 'mr-brain-flair-lesion', version: '2.0.1-rc.1', sha256: valid.sha256 });
    expect(parseSopReference(sop.toProtocolName())).toEqual({ id: 'mr-brain-flair-lesion', version: '2.0.1-rc.1', shortHash: valid.sha256.slice(0, 16) });
    expect(sop.isReferencedBy(sop.toProtocolName())).toBe(true);
    expect(sop.isReferencedBy(`mr-brain-flair-lesion@2.0.1-rc.1+${valid.sha256.slice(0, 8)}`)).toBe(true); // an older, shorter hash
    expect(sop.isReferencedBy('mr-brain-flair-lesion@2.0.2+' + valid.sha256.slice(0, 16))).toBe(false);
    expect(sop.isReferencedBy('mr-brain-flair-lesion@2.0.1-rc.1+0000000000000000')).toBe(false);
  });

  it.each<[string, Partial<SopReferenceInit>, RegExp]>([
    ['an id with uppercase letters', { id: 'CT-Lung' }, /SOP id "CT-Lung" must be lowercase/],
    ['an id with a space', { id: 'ct lung' }, /SOP id/],
    ['an id starting with a dash', { id: '-ct' }, /SOP id/],
    ['a two-part version', { version: '1.2' }, /SOP version "1.2" must be a semantic version/],
    ['build metadata in the version (+ would end the version)', { version: '1.2.0+build5' }, /SOP version/],
    ['an uppercase prerelease', { version: '1.2.0-RC1' }, /SOP version/],
    ['a 40-digit SHA-1', { sha256: 'a'.repeat(40) }, /SOP sha256 .* must be 64 hex digits/],
    ['a digest with a non-hex digit', { sha256: 'g'.repeat(64) }, /SOP sha256/],
    ['a reference longer than LO allows', { id: 'x'.repeat(42) }, /is 65 characters, more than the 64 of LO/],
  ])('rejects %s, naming ProtocolName', (_, change, message) => {
    let error: unknown;
    try {
      new SopReference({ ...valid, ...change });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SegValueError);
    expect((error as SegValueError).attributePath).toBe('ProtocolName');
    expect((error as Error).message).toMatch(message);
  });

  it('takes the longest id that still fits 64 characters', () => {
    const id = 'x'.repeat(64 - '@1.2.0+'.length - 16);
    expect(new SopReference({ ...valid, id }).toProtocolName()).toHaveLength(64);
  });

  it.each(['', 'CT chest protocol', 'ct@1.0+abcdef12', 'ct@1.0.0+XYZ', 'ct@1.0.0+abc', 42, undefined])(
    'does not take ProtocolName %j written by another tool for a SOP reference',
    (value) => expect(parseSopReference(value)).toBeUndefined(),
  );
});
