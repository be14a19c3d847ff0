/**
 * A DICOM dataset in dcmjs's "naturalized" form: keys are attribute keywords (PS3.6), sequences
 * are arrays of datasets, multi-valued attributes are arrays, person names are strings on write
 * (`Family^Given`) and `{ Alphabetic }` objects on read. `_vrMap` gives the VR of attributes whose
 * VR depends on context (e.g. `{ PixelData: 'OB' }`).
 */
export interface NaturalDataset {
  [keyword: string]: unknown;
}
