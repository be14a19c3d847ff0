/**
 * How much of an untrusted object SegQC reads, as data. Everything from a PACS is hostile until
 * checked: an object past these limits is refused with a typed error before it is parsed.
 */

const MIB = 1024 * 1024;

/**
 * The largest Part 10 object read or retrieved: generous for a real SEG (600 frames of 512×512 as
 * an 8-bit LABELMAP is ~157 MB), small enough that a hostile answer cannot exhaust memory.
 */
export const MAX_PART10_BYTES = 512 * MIB;

/** The largest SR read: a QC report listing a 1000-image series is well under 1 MB. */
export const MAX_SR_BYTES = 64 * MIB;

/** The largest DICOM JSON answer read (QIDO-RS, WADO-RS metadata of a few thousand instances). */
export const MAX_DICOM_JSON_BYTES = 256 * MIB;

/**
 * The deepest nesting of sequences read. A TID 1500 report nests 6 (root → Imaging Measurements →
 * group → NUM → Measured Value → Units code); a SEG 4 (per-frame group → derivation → source image →
 * code). Recursion past it is an attack, not a document.
 */
export const MAX_SEQUENCE_DEPTH = 16;

/** A size as the refusals state it: MiB from one MiB up, else bytes. */
export const sizeText = (n: number): string => (n >= MIB ? `${(n / MIB).toFixed(1)} MiB` : `${n} bytes`);
