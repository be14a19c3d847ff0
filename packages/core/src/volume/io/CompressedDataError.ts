/**
 * A DEFLATE (RFC 1951) or gzip (RFC 1952) stream that cannot be decoded, named by the part of the
 * format at fault (e.g. `gzip.CRC32`, `deflate.BTYPE`), with the byte offset in the input.
 */
export class CompressedDataError extends Error {
  readonly field: string;
  readonly reason: string;
  readonly offset: number;

  constructor(field: string, reason: string, offset: number) {
    super(`${field}: ${reason} (at byte ${offset})`);
    this.name = 'CompressedDataError';
    this.field = field;
    this.reason = reason;
    this.offset = offset;
  }
}
