// Minimal typing of the part of dcmjs 0.52 that the engine uses (dcmjs ships no types).
// Kept to what we call, so that a dcmjs upgrade that changes these shapes fails to compile here.
declare module 'dcmjs' {
  /** DICOM JSON model (PS3.18 F.2) keyed by 8-hex-digit tag, as dcmjs holds it. */
  export type DicomJsonDataset = Record<string, { vr: string; Value?: unknown[]; InlineBinary?: string }>;

  export interface WriteOptions {
    allowInvalidVRLength?: boolean;
    fragmentMultiframe?: boolean;
  }

  export interface ReadOptions {
    ignoreErrors?: boolean;
    untilTag?: string;
    includeUntilTagValue?: boolean;
    noCopy?: boolean;
  }

  export class DicomDict {
    constructor(meta: DicomJsonDataset);
    meta: DicomJsonDataset;
    dict: DicomJsonDataset;
    write(options?: WriteOptions): ArrayBuffer;
  }

  export interface DicomMetaDictionaryStatic {
    denaturalizeDataset(dataset: Record<string, unknown>): DicomJsonDataset;
    naturalizeDataset(dataset: DicomJsonDataset): Record<string, unknown>;
  }

  export interface DicomMessageStatic {
    readFile(buffer: ArrayBuffer, options?: ReadOptions): DicomDict;
  }

  export const data: {
    DicomDict: typeof DicomDict;
    DicomMetaDictionary: DicomMetaDictionaryStatic;
    DicomMessage: DicomMessageStatic;
  };

  const dcmjs: { data: typeof data };
  export default dcmjs;
}
