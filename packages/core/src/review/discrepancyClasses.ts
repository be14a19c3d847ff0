/**
 * The classes of a discrepancy map between annotations A and B, as the label values discrepancyMap
 * writes and the names and colours an overlay shows. Colours are from the Okabe–Ito palette
 * (Okabe & Ito 2008, "Color Universal Design"): yellow, sky blue and vermillion stay apart for
 * readers with red–green colour vision deficiency and stand out on grey CT/MR.
 */

/** Label value of a voxel that neither annotation marked. */
export const DISCREPANCY_NONE = 0;

export type DiscrepancyClassKey = 'both' | 'a-only' | 'b-only';

export interface DiscrepancyClass {
  readonly key: DiscrepancyClassKey;
  /** Value in DiscrepancyMap.labels. */
  readonly value: 1 | 2 | 3;
  readonly label: string;
  /** Display colour [r, g, b], 0–255 (as SOP structure colours). */
  readonly color: readonly [number, number, number];
}

const both: DiscrepancyClass = Object.freeze({ key: 'both', value: 1, label: 'Both', color: Object.freeze([240, 228, 66] as const) });
const aOnly: DiscrepancyClass = Object.freeze({ key: 'a-only', value: 2, label: 'A only', color: Object.freeze([86, 180, 233] as const) });
const bOnly: DiscrepancyClass = Object.freeze({ key: 'b-only', value: 3, label: 'B only', color: Object.freeze([213, 94, 0] as const) });

/** The three classes by key. */
export const DISCREPANCY_CLASS = Object.freeze({ both, 'a-only': aOnly, 'b-only': bOnly } as const);

/** The three classes in label-value order (1, 2, 3), for legends and colour look-up tables. */
export const DISCREPANCY_CLASSES: readonly DiscrepancyClass[] = Object.freeze([both, aOnly, bOnly]);
