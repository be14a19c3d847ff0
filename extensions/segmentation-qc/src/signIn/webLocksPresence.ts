import type { OwnerPresence } from '../outbox/OwnerPresence';

const LOCK_PREFIX = 'segqc-outbox-owner:';

/** The part of the Web Locks API used here (navigator.locks). */
export type Locks = Pick<LockManager, 'request' | 'query'>;

/**
 * Owner presence through Web Locks: each tab holds a shared lock named after its owner, which the
 * browser releases when the tab closes or crashes, so the held locks are the owners at work. Without
 * Web Locks (an insecure context), no other tab can be seen: records of other owners count as left
 * behind, since the browser must keep no one else's data.
 */
export function webLocksPresence(locks: Locks | undefined = globalThis.navigator?.locks): OwnerPresence {
  let current: string | null = null;
  let release: () => void = () => undefined;
  return {
    hold(ownerKey) {
      if (ownerKey === current) return;
      release();
      current = ownerKey;
      release = () => undefined;
      if (ownerKey === null || !locks) return;
      const letGo = new AbortController();
      let free: () => void = () => undefined;
      const holding = new Promise<void>((resolve) => (free = resolve));
      // Aborted before it was granted: the request rejects, which is the point.
      locks.request(LOCK_PREFIX + ownerKey, { mode: 'shared', signal: letGo.signal }, () => holding).catch(() => undefined);
      release = () => {
        letGo.abort();
        free();
      };
    },
    async held() {
      if (!locks) return new Set();
      const { held = [] } = await locks.query();
      return new Set(held.flatMap(({ name }) => (name?.startsWith(LOCK_PREFIX) ? [name.slice(LOCK_PREFIX.length)] : [])));
    },
  };
}
