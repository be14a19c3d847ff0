/**
 * Which owners are at work in the open tabs of this browser. Identities live per tab (OHIF keeps
 * the signed-in user in sessionStorage, SegQC the self-declared one), while the outbox's IndexedDB
 * is shared: a record whose owner no open tab holds belongs to someone no longer signed in.
 */
export interface OwnerPresence {
  /** This tab now works as this owner (ownerKey), or as nobody: other tabs see it until it changes or the tab closes. */
  hold(ownerKey: string | null): void;
  /** The owners held by the open tabs, this one's included. */
  held(): Promise<ReadonlySet<string>>;
}
