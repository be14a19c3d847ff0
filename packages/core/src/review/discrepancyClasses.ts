/**
 * The classes of a discrepancy map between annotations A and B, as the label values discrepancyMap
 * writes and the names and colours an overlay shows. What the reviewer must tell apart at a glance
 * is agreement from disagreement, and one reader's voxels from the other's, with any colour vision:
 * both is neutral white, A only and B only are the Okabe–Ito blue and vermillion (Okabe & Ito 2008,
 * "Color Universal Design"), the pair that stays apart for protan, deutan and tritan readers. The
 * earlier yellow / sky blue / vermillion set lost "both" (yellow) against "B only" (vermillion) for
 * deutan readers (issue 16).
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

const both: DiscrepancyClass = Object.freeze({ key: 'both', value: 1, label: 'Both', color: Object.freeze([255, 255, 255] as const) });
const aOnly: DiscrepancyClass = Object.freeze({ key: 'a-only', value: 2, label: 'A only', color: Object.freeze([0, 114, 178] as const) });
const bOnly: DiscrepancyClass = Object.freeze({ key: 'b-only', value: 3, label: 'B only', color: Object.freeze([213, 94, 0] as const) });

/** The three classes by key. */
export const DISCREPANCY_CLASS = Object.freeze({ both, 'a-only': aOnly, 'b-only': bOnly } as const);

/** The three classes in label-value order (1, 2, 3), for legends and colour look-up tables. */
export const DISCREPANCY_CLASSES: readonly DiscrepancyClass[] = Object.freeze([both, aOnly, bOnly]);
