/**
 * UTF-8 bytes → string (header text: Slicer writes segment names in UTF-8). Core has no
 * TextDecoder in its ES2022 lib; malformed sequences become U+FFFD, as TextDecoder does.
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const units: number[] = [];
  let text = '';
  for (let i = start; i < end; ) {
    const b = bytes[i];
    let code = 0xfffd;
    let length = 1;
    if (b < 0x80) code = b;
    else if (b >= 0xc2 && b < 0xf5) {
      length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
      let value = b & (0x7f >> length);
      let valid = i + length <= end;
      for (let k = 1; valid && k < length; k++) {
        const c = bytes[i + k];
        if ((c & 0xc0) !== 0x80) valid = false;
        else value = (value << 6) | (c & 0x3f);
      }
      const min = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
      if (valid && value >= min && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff)) code = value;
      else length = 1;
    }
    i += length;
    if (code > 0xffff) {
      code -= 0x10000;
      units.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else units.push(code);
    if (units.length > 8192) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode(...units);
}
