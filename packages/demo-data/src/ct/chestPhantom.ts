/**
 * One synthetic chest: anatomy, lung distance field, vessel tree and nodules; optionally the CT
 * volume. Everything a case's files and manifest are made from, from the case id alone.
 */
import { chestAnatomy, type ChestAnatomy } from './chestAnatomy';
import { computeChestFields } from './chestFields';
import { placeNodules, type Nodule } from './nodules';
import { growVesselTree, type VesselSegment } from './vessels';

export interface ChestPhantom {
  caseId: string;
  anatomy: ChestAnatomy;
  lungSdf: Float32Array;
  vessels: VesselSegment[];
  nodules: Nodule[];
  /** Noiseless HU of the anatomy without vessels and nodules (only when built with the image). */
  baseHu?: Float32Array;
}

export function buildChestPhantom(caseId: string, noduleCount: number, { withImage }: { withImage: boolean }): ChestPhantom {
  const anatomy = chestAnatomy(caseId);
  const fields = computeChestFields(anatomy, { withHu: withImage });
  const vessels = growVesselTree(caseId, anatomy, fields.lungSdf);
  const nodules = placeNodules(`segqc-demo/${caseId}/nodules`, noduleCount, fields.lungSdf);
  return { caseId, anatomy, lungSdf: fields.lungSdf, vessels, nodules, ...(fields.hu ? { baseHu: fields.hu } : {}) };
}
