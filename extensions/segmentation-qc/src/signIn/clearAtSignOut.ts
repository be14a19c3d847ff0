import { ownerKey, type OutboxOwner } from '../outbox/OutboxOwner';
import type { OutboxStore } from '../outbox/outboxStore';

/**
 * At sign-out, the user's writes leave this browser: pending and refused ones (bytes and all) and the
 * receipts of stored ones, in one transaction. Resolves to how many were deleted. Nobody signed in:
 * nothing is deleted here (the outbox's start deletes what nobody holds).
 */
export async function clearAtSignOut(store: OutboxStore, owner: OutboxOwner | null): Promise<number> {
  return owner ? store.deleteOwner(ownerKey(owner)) : 0;
}
