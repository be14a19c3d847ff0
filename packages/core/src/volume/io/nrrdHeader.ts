/**
 * The text header of a NRRD file (http://teem.sourceforge.net/nrrd/format.html): the magic line
 * `NRRD000X`, `field: descriptor` lines, `key:=value` pairs, `#` comments, up to the first empty
 * line, after which attached data begins. Lines may end in LF or CR LF.
 */
import { decodeUtf8 } from './decodeUtf8';
import { LabelVolumeError } from './LabelVolumeError';

export interface NrrdHeader {
  /** X of NRRD000X. */
  version: number;
  /** Field identifiers in lower case, aliases resolved (`datafile` → `data file`). */
  fields: ReadonlyMap<string, string>;
  keyValues: ReadonlyMap<string, string>;
  /** Offset of the byte after the empty line (the file length when there is none). */
  dataStart: number;
}

// Spellings teem accepts for the same field.
const FIELD_ALIASES: Readonly<Record<string, string>> = {
  datafile: 'data file',
  centers: 'centerings',
  byteskip: 'byte skip',
  lineskip: 'line skip',
  spacedirections: 'space directions',
  spaceorigin: 'space origin',
  spacedimension: 'space dimension',
};

export function parseNrrdHeader(bytes: Uint8Array): NrrdHeader {
  const magic = String.fromCharCode(...bytes.subarray(0, 8));
  if (!/^NRRD000[1-5]$/.test(magic)) throw new LabelVolumeError('nrrd.magic', `the file does not start with NRRD0001…NRRD0005 ("${printable(magic)}")`);
  const { headerEnd, dataStart } = findHeaderEnd(bytes);
  const lines = decodeUtf8(bytes, 0, headerEnd).split(/\r?\n/);
  const fields = new Map<string, string>();
  const keyValues = new Map<string, string>();
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n];
    if (line === '' || line.startsWith('#')) continue;
    const keyValue = line.indexOf(':=');
    const field = line.indexOf(': ');
    if (keyValue > 0 && (field < 0 || keyValue < field)) {
      keyValues.set(line.slice(0, keyValue), unescapeValue(line.slice(keyValue + 2)));
    } else if (field > 0) {
      const raw = line.slice(0, field).trim().toLowerCase();
      const name = FIELD_ALIASES[raw] ?? raw;
      if (fields.has(name)) throw new LabelVolumeError(`nrrd.${name}`, 'the field is given twice');
      fields.set(name, line.slice(field + 2).trim());
    } else {
      throw new LabelVolumeError('nrrd.header', `line ${n + 1} ("${printable(line.slice(0, 40))}") is neither "field: value" nor "key:=value"`);
    }
  }
  return { version: Number(magic[7]), fields, keyValues, dataStart };
}

/** The header ends at the first empty line: LF LF or LF CR LF. */
function findHeaderEnd(bytes: Uint8Array): { headerEnd: number; dataStart: number } {
  for (let i = bytes.indexOf(0x0a); i >= 0 && i < bytes.length; i = bytes.indexOf(0x0a, i + 1)) {
    if (bytes[i + 1] === 0x0a) return { headerEnd: i, dataStart: i + 2 };
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return { headerEnd: i, dataStart: i + 3 };
  }
  return { headerEnd: bytes.length, dataStart: bytes.length };
}

/** Key/value escapes (format spec): `\n` is a newline, `\\` a backslash. */
function unescapeValue(value: string): string {
  return value.replace(/\\(n|\\)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '?');
}
