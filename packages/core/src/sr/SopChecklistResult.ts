/**
 * One checklist item of the SOP in force and whether the observer checked it: a TEXT item of the
 * report's Qualitative Evaluations (TID 1500 row 14) named QC_CONCEPTS.sopItemChecked or
 * sopItemUnchecked, whose value is the item's id in the SOP.
 */
import { DicomValueError, joinAttributePath } from '../dicom/DicomValueError';
import type { NaturalDataset } from '../dicom/NaturalDataset';
import { itemPath, textItem } from './contentItem';
import { QC_CONCEPTS } from './qcCodes';
import { checkSingleLineText } from './srValueChecks';
import { SR_CODES } from './templateCodes';

export interface SopChecklistResultInit {
  /** The item's id in the SOP's checklist. */
  itemId: string;
  checked: boolean;
}

export const CHECKLIST_PATH = itemPath('', SR_CODES.QualitativeEvaluations);

export class SopChecklistResult implements SopChecklistResultInit {
  readonly itemId: string;
  readonly checked: boolean;

  constructor(init: SopChecklistResultInit, path = `${CHECKLIST_PATH}.ContentSequence{SOP checklist item}`) {
    if (init === null || typeof init !== 'object') throw new DicomValueError(path, 'a checklist result needs itemId and checked');
    checkSingleLineText(init.itemId, joinAttributePath(path, 'TextValue'), 256);
    if (typeof init.checked !== 'boolean') throw new DicomValueError(joinAttributePath(path, 'ConceptNameCodeSequence[0]'), `checked must be true or false, got ${String(init.checked)}`);
    this.itemId = init.itemId;
    this.checked = init.checked;
    Object.freeze(this);
  }

  toItem(path = `${CHECKLIST_PATH}.ContentSequence{SOP checklist item}`): NaturalDataset {
    return textItem('CONTAINS', this.checked ? QC_CONCEPTS.sopItemChecked : QC_CONCEPTS.sopItemUnchecked, this.itemId, path);
  }

  static from(init: SopChecklistResult | SopChecklistResultInit, path?: string): SopChecklistResult {
    return init instanceof SopChecklistResult ? init : new SopChecklistResult(init, path);
  }
}
