import { useCallback } from 'react';
import { createPageStore, usePageStore } from '../pageStore';
import type { Sop, SopChecklistRole } from '@segqc/core';
import { checklistState, type ChecklistState } from './checklistState';

export interface Checklist extends ChecklistState {
  setChecked(itemId: string, checked: boolean): void;
  /** Untick everything (e.g. after saving). */
  reset(): void;
}

/** Ticks per SOP text and role, kept for the page: OHIF unmounts a panel when another tab is shown. */
const ticksStore = createPageStore<{ ticks: Record<string, Record<string, boolean>> }>({ ticks: {} });

/**
 * The checklist of `sop` for `role` and the user's ticks. Ticks belong to one SOP text (its
 * SHA-256) and role: when either changes, the checklist starts unticked.
 */
export function useChecklist(sop: Sop | null, role: SopChecklistRole): Checklist {
  const owner = `${sop?.reference.sha256 ?? 'none'}/${role}`;
  const current = usePageStore(ticksStore).ticks[owner] ?? {};

  const setChecked = useCallback(
    (itemId: string, checked: boolean) => ticksStore.set(({ ticks }) => ({ ticks: { ...ticks, [owner]: { ...ticks[owner], [itemId]: checked } } })),
    [owner],
  );
  const reset = useCallback(() => ticksStore.set(({ ticks }) => ({ ticks: { ...ticks, [owner]: {} } })), [owner]);

  return { ...checklistState(sop, role, current), setChecked, reset };
}
