/**
 * The transfer syntaxes whose SEG pixel data SegQC decodes (PS3.5 Section 10 and Annex A), as data.
 * Others (JPEG-LS, JPEG 2000, deflate, big endian) are refused with a SegParseError naming the UID.
 */
export interface TransferSyntaxInfo {
  readonly name: string;
  /** Pixel data in fragments (PS3.5 A.4) rather than native. */
  readonly encapsulated: boolean;
}

export const READABLE_TRANSFER_SYNTAXES: Readonly<Record<string, TransferSyntaxInfo>> = Object.freeze({
  '1.2.840.10008.1.2': { name: 'Implicit VR Little Endian', encapsulated: false },
  '1.2.840.10008.1.2.1': { name: 'Explicit VR Little Endian', encapsulated: false },
  '1.2.840.10008.1.2.5': { name: 'RLE Lossless', encapsulated: true },
});

export const RLE_LOSSLESS = '1.2.840.10008.1.2.5';
