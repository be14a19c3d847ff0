/**
 * Choose the SOP for a series automatically (issue 5: "chosen automatically from the series …
 * and can be changed by hand"): a SOP applies when its modality is the series' and each of its
 * applicability rules (MR sequence class, contrast) holds. Of several, the one with more rules
 * wins (the most specific); a tie is not guessed at. For MR, the series' acquisition physics
 * decides its sequence class over its description (issue 14); when they disagree, the selection
 * says so (disagreement) and its reason names the description that was overruled.
 */
import type { Sop } from './Sop';
import { classifyMrSequence, hasContrastAgent, type MrSequenceClassification, type SopSeriesAttributes } from './classifyMrSequence';

export interface SopSelection {
  sop: Sop | null;
  /** Why this SOP, or why none: shown beside the SOP picker. */
  reason: string;
  /**
   * MR only, present when the series header and its description name different sequences
   * (classifyMrSequence): the header decided, and the panel says so beside the picker, e.g.
   * `header says FLAIR (inversion recovery with TI 2500 ms), description "t2_tirm_tra" says STIR — chose FLAIR by the header`.
   * The reason carries it too, for `segqc qc`.
   */
  disagreement?: string;
}

export function selectSop(library: readonly Sop[], series: SopSeriesAttributes): SopSelection {
  const modality = (series.Modality ?? '').trim().toUpperCase();
  const classification = modality === 'MR' ? classifyMrSequence(series) : undefined;
  const selection = choose(library, modality, classification, series);
  return classification?.disagreement === undefined ? selection : { ...selection, disagreement: classification.disagreement };
}

function choose(library: readonly Sop[], modality: string, classification: MrSequenceClassification | undefined, series: SopSeriesAttributes): SopSelection {
  const contrast = classification?.contrast ?? hasContrastAgent(series.ContrastBolusAgent);
  const seriesText = classification
    ? `MR ${sequenceText(classification)} ${contrast ? 'with' : 'without'} contrast (${classification.evidence})`
    : `${modality || 'unknown modality'} ${contrast ? 'with' : 'without'} contrast`;

  const matches = library.filter((sop) => {
    if (sop.modality !== modality) return false;
    const rules = sop.applicability;
    if (rules.sequenceClass !== undefined && rules.sequenceClass !== classification?.sequenceClass) return false;
    return rules.contrast === undefined || rules.contrast === contrast;
  });
  if (matches.length === 0) return { sop: null, reason: `no SOP in the library applies to ${seriesText}` };

  const specificity = (sop: Sop): number => Object.keys(sop.applicability).length;
  const best = Math.max(...matches.map(specificity));
  const winners = matches.filter((sop) => specificity(sop) === best);
  if (winners.length > 1) {
    return { sop: null, reason: `${winners.map((sop) => sop.reference.toProtocolName()).join(', ')} all apply equally to ${seriesText}; choose one` };
  }
  return { sop: winners[0], reason: `${winners[0].id}@${winners[0].version} applies to ${seriesText}` };
}


/** The class; else what the deciding source named, none of the classes (STIR, T2*, proton density); else unknown. */
function sequenceText(classification: MrSequenceClassification): string {
  if (classification.sequenceClass) return classification.sequenceClass;
  const named = classification.decidedBy ? classification[classification.decidedBy] : null;
  return named ? named.label : 'of unknown sequence class';
}
