/** A DICOM person name (Family^Given^…) as SegQC's panels show it: "Family, Given". */
export const asShown = (dicomName: string) => dicomName.split('^').slice(0, 2).filter(Boolean).join(', ');
