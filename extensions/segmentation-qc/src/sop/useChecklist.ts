import { useCallback, useState } from 'react';
import type { Sop, SopChecklistRole } from '@segqc/core';
import { checklistState, type ChecklistState } from './checklistState';

export interface Checklist extends ChecklistState {
  setChecked(itemId: string, checked: boolean): void;
  /** Untick everything (e.g. after saving). */
  reset(): void;
}

/**
 * The checklist of `sop` for `role` and the user's ticks. Ticks belong to one SOP text (its
 * SHA-256) and role: when either changes, the checklist starts unticked.
 */
export function useChecklist(sop: Sop | null, role: SopChecklistRole): Checklist {
  const owner = `${sop?.reference.sha256 ?? 'none'}/${role}`;
  const [ticks, setTicks] = useState<{ owner: string; checked: Record<string, boolean> }>({ owner, checked: {} });
  const current = ticks.owner === owner ? ticks.checked : {};

  const setChecked = useCallback(
    (itemId: string, checked: boolean) =>
      setTicks((previous) => ({ owner, checked: { ...(previous.owner === owner ? previous.checked : {}), [itemId]: checked } })),
    [owner],
  );
  const reset = useCallback(() => setTicks({ owner, checked: {} }), [owner]);

  return { ...checklistState(sop, role, current), setChecked, reset };
}
