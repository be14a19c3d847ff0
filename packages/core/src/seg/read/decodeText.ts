/**
 * Decoding of DICOM character data (PS3.5 6.1). The default repertoire is ASCII and ISO_IR 100 is
 * Latin-1, both one byte per character; ISO_IR 192 is UTF-8. `TextDecoder` is a DOM/Node global
 * outside the ES2022 library this package compiles against, so UTF-8 is decoded here. Other
 * character sets (ISO 2022 escapes, GB18030) fall back to Latin-1: labels may read oddly, nothing
 * fails.
 */

export type TextEncoding = 'latin1' | 'utf8';

/** The encoding for the values of SpecificCharacterSet (0008,0005). */
export function textEncodingOf(specificCharacterSet: unknown): TextEncoding {
  const terms = Array.isArray(specificCharacterSet) ? specificCharacterSet : [specificCharacterSet];
  return terms.some((term) => typeof term === 'string' && term.trim().toUpperCase() === 'ISO_IR 192') ? 'utf8' : 'latin1';
}

export function decodeText(bytes: Uint8Array, start: number, end: number, encoding: TextEncoding): string {
  let text = '';
  if (encoding === 'latin1') {
    for (let i = start; i < end; i++) text += String.fromCharCode(bytes[i]);
    return text;
  }
  let i = start;
  while (i < end) {
    const b0 = bytes[i];
    let code = 0xfffd;
    let size = 1;
    if (b0 < 0x80) {
      code = b0;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < end && isContinuation(bytes[i + 1])) {
      code = ((b0 & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
      size = 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < end && isContinuation(bytes[i + 1]) && isContinuation(bytes[i + 2])) {
      const c = ((b0 & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
      if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) code = c;
      size = 3;
    } else if (b0 >= 0xf0 && b0 < 0xf5 && i + 3 < end && isContinuation(bytes[i + 1]) && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3])) {
      const c = ((b0 & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
      if (c >= 0x10000 && c <= 0x10ffff) code = c;
      size = 4;
    }
    text += String.fromCodePoint(code);
    i += size;
  }
  return text;
}

function isContinuation(byte: number): boolean {
  return (byte & 0xc0) === 0x80;
}
