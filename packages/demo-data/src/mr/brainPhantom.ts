/** One synthetic head: anatomy and white-matter lesions, from the case id alone. */
import { brainAnatomy, type BrainAnatomy } from './brainAnatomy';
import { placeLesions, type Lesion } from './lesions';

export interface BrainPhantom {
  caseId: string;
  anatomy: BrainAnatomy;
  lesions: Lesion[];
}

export function buildBrainPhantom(caseId: string, lesionCount: number): BrainPhantom {
  const anatomy = brainAnatomy(caseId);
  return { caseId, anatomy, lesions: placeLesions(caseId, anatomy, lesionCount) };
}
