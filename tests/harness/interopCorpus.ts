import { resolve } from 'node:path';

/**
 * DICOM written by other tools (highdicom, dcmqi/3D Slicer, pydicom), with their ground truth and
 * upstream licences, kept in the repository so that a clone alone runs every interop test
 * (`SEGQC_INTEROP_DIR` names another copy).
 */
export const INTEROP_DIR = process.env['SEGQC_INTEROP_DIR'] ?? resolve(__dirname, '..', 'data', 'interop');
