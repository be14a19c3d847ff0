/**
 * What each SegQC role may read and store through the gateway, as data (issue 12's table). A user
 * with several roles has the union. Every stored object must name the token's own user as its
 * creator, observer or verifier — an annotation SEG that names no creator is stamped with them
 * (storePolicy.ts) — and reads are narrowed for annotators (blinding.ts).
 */
import type { SegqcRole } from './segqcRoles';

/**
 * - `everything`: every object of the cases.
 * - `source-images-and-own-segmentations`: the source images and the SEGs the user made; other SEGs,
 *   and every SR, KO and PR, are left out of search answers and refused on retrieval (blinding).
 */
export type ReadScope = 'everything' | 'source-images-and-own-segmentations';

/** The objects a role may store, each by its header (storedObjectClass.ts). */
export type StorableObject =
  | 'annotation-seg' // any other ContentLabel: ANNOTATION, OHIF's SEGMENTATION, …
  | 'adjudicated-seg' // ContentLabel ADJUDICATED
  | 'gold-seg' // ContentLabel GOLD
  | 'unverified-qc-report' // a SegQC QC report SR, VerificationFlag UNVERIFIED
  | 'verified-qc-report'; // a SegQC QC report SR, VerificationFlag VERIFIED

export interface RolePermissions {
  reads: ReadScope;
  stores: readonly StorableObject[];
}

export const ROLE_POLICY: Readonly<Record<SegqcRole, RolePermissions>> = Object.freeze({
  annotator: { reads: 'source-images-and-own-segmentations', stores: ['annotation-seg'] },
  reviewer: { reads: 'everything', stores: ['unverified-qc-report'] },
  adjudicator: { reads: 'everything', stores: ['adjudicated-seg', 'verified-qc-report'] },
  'qa-lead': { reads: 'everything', stores: ['gold-seg'] },
});

/** The union of the roles' permissions: the widest read scope, every storable object of any role. */
export function permissionsOf(roles: readonly SegqcRole[]): RolePermissions {
  const reads: ReadScope = roles.some((role) => ROLE_POLICY[role].reads === 'everything') ? 'everything' : 'source-images-and-own-segmentations';
  const stores = [...new Set(roles.flatMap((role) => ROLE_POLICY[role].stores))];
  return { reads, stores };
}
