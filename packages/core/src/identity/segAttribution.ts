/**
 * Who a SEG is attributed to, by one rule for every surface (`segqc qc`, the viewer, drift, audit):
 * its ContentCreatorName ("Family, Given"), else the creator's login. A SEG that names neither —
 * OHIF's own "Export → DICOM SEG" writes no creator — is unattributed, and named by what its maker
 * typed or the PACS kept: its SeriesDescription, else OperatorsName, else its series number, always
 * marked "(unattributed)" so that it is never taken for a person's name — until a reviewer says who
 * made it (review/reviewerChoices.ts): then it is that person's, marked "(attributed by reviewer)".
 */
export interface SegAttributionInput {
  /** ContentCreatorName, DICOM PN `Family^Given`. */
  creatorName: string | null;
  login: string | null;
  seriesDescription: string | null;
  /** OperatorsName (0008,1070), DICOM PN. */
  operatorsName: string | null;
  seriesNumber: number | null;
}

/** The person a reviewer said made a SEG: DICOM PN (`Family^Given`) and, when known, their login. */
export interface AttributedPerson {
  name: string;
  login?: string;
}

export interface SegAttribution {
  name: string;
  /** False when the SEG names no creator and no reviewer has said who made it: the name is its series' and says so. */
  attributed: boolean;
  /** The person a reviewer attributed the creator-less SEG to. */
  reviewer?: AttributedPerson;
}

/** A creator-less SEG's attribution once a reviewer named its maker. */
export function attributionByReviewer(person: AttributedPerson): SegAttribution {
  return { name: `${displayedPersonName(person.name) ?? person.login ?? person.name} (attributed by reviewer)`, attributed: true, reviewer: person };
}

export function segAttribution(seg: SegAttributionInput): SegAttribution {
  const person = displayedPersonName(seg.creatorName) ?? nonEmpty(seg.login);
  if (person !== null) return { name: person, attributed: true };
  const described = nonEmpty(seg.seriesDescription) ?? displayedPersonName(seg.operatorsName) ?? (seg.seriesNumber !== null ? `SEG series ${seg.seriesNumber}` : 'SEG');
  return { name: `${described} (unattributed)`, attributed: false };
}

/** `Family^Given…` as "Family, Given" (the alphabetic group), or null when it names no one. */
export function displayedPersonName(personName: string | null): string | null {
  if (personName === null) return null;
  const [family = '', given = ''] = personName.split('=')[0]!.split('^').map((part) => part.trim());
  if (family === '' && given === '') return null;
  return given ? `${family}, ${given}` : family;
}

const nonEmpty = (text: string | null): string | null => (text !== null && text.trim() !== '' ? text.trim() : null);
