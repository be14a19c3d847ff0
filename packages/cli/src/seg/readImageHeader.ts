import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import type { NaturalDataset } from '@segqc/core';
// The modules themselves, not @segqc/core's index: loading all of core would cost every segqc
// process about 0.1 s at start (issue 16).
import { readHeader, readHeaderFromPrefix } from '@segqc/core/dist/dicom/readHeader';

// Enough for the header of any image SegQC has met; a longer header costs one more read.
const HEAD_BYTES = 64 * 1024;

const isPart10 = (bytes: Uint8Array): boolean => bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';

/**
 * The header of the Part 10 file at `path`, or undefined when the file is not Part 10. Only the
 * first 64 KiB are read when they hold the whole header: the pixels of a 300-slice series (150 MB)
 * are not what `segqc seg` sorts the series by.
 */
export function readImageHeader(path: string): NaturalDataset | undefined {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    for (let read = 0; read < head.length; ) {
      const n = readSync(fd, head, read, head.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (!isPart10(head)) return undefined;
    if (size <= HEAD_BYTES) return readHeader(head);
    return readHeaderFromPrefix(head) ?? readHeader(new Uint8Array(readFileSync(path)));
  } finally {
    closeSync(fd);
  }
}
