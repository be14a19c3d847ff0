import { FAILED_WRITE_LIFETIME_MS, type OutboxRemoval } from './DurableOutbox';

const DAY_MS = 24 * 60 * 60_000;

/** What the user is told when the outbox deletes writes on its own: none vanishes unannounced. */
export function removalNotice({ reason, records }: OutboxRemoval): { title: string; message: string; type: 'warning' } {
  const writes = records.length === 1 ? '1 write' : `${records.length} writes`;
  const were = records.length === 1 ? 'was' : 'were';
  if (reason === 'expired') {
    return {
      title: 'SegQC: refused writes deleted',
      message: `${writes} the PACS refused more than ${FAILED_WRITE_LIFETIME_MS / DAY_MS} days ago ${were} deleted from this browser and will not reach the PACS: ${records.map((r) => r.description).join('; ')}.`,
      type: 'warning',
    };
  }
  // Another user's descriptions name them and their work: only the count is shown.
  return {
    title: "SegQC: another user's writes deleted",
    message: `${writes} left in this browser by someone no longer signed in ${were} deleted without being sent: this browser keeps no one else's data.`,
    type: 'warning',
  };
}
