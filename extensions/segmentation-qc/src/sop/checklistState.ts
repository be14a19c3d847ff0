/**
 * A SOP's checklist for one role and what the user ticked: the items, each item's state, and the
 * required items still unticked (SOP README: required items must be ticked before saving or
 * signing). Ticks of ids the checklist does not have are ignored.
 */
import type { Sop, SopChecklistItem, SopChecklistResultInit, SopChecklistRole } from '@segqc/core';

export interface ChecklistState {
  sop: Sop | null;
  role: SopChecklistRole;
  /** The SOP's items for the role, in the SOP's order. */
  items: readonly SopChecklistItem[];
  checked: Readonly<Record<string, boolean>>;
  missingRequired: readonly SopChecklistItem[];
  /** Every item with its state, as the QC report records it (core SopChecklistResult). */
  results: readonly SopChecklistResultInit[];
}

export function checklistState(sop: Sop | null, role: SopChecklistRole, ticks: Readonly<Record<string, boolean>>): ChecklistState {
  const items = sop ? sop.checklist.filter((item) => item.role === role) : [];
  const checked = Object.fromEntries(items.map((item) => [item.id, ticks[item.id] === true]));
  return {
    sop,
    role,
    items,
    checked,
    missingRequired: items.filter((item) => item.required && !checked[item.id]),
    results: items.map((item) => ({ itemId: item.id, checked: checked[item.id] })),
  };
}
