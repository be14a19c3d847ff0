import type { OutboxRecord } from './OutboxRecord';
import { removalNotice } from './removalNotice';

// Writes the outbox deletes on its own are announced: expired refusals by what they were, another
// user's leftovers by their number only (their descriptions name that user and their work).

const rec = (description: string) => ({ description }) as OutboxRecord;

test('expired refusals: how many, after how long, and which', () => {
  expect(removalNotice({ reason: 'expired', records: [rec('QC report, review'), rec('Annotation by arivera under ct-lung@1.2.0')] })).toEqual({
    title: 'SegQC: refused writes deleted',
    message: '2 writes the PACS refused more than 7 days ago were deleted from this browser and will not reach the PACS: QC report, review; Annotation by arivera under ct-lung@1.2.0.',
    type: 'warning',
  });
});

test("another user's leftovers: the count, not their descriptions", () => {
  const notice = removalNotice({ reason: 'other-user', records: [rec('Annotation by wchen under ct-lung@1.2.0')] });
  expect(notice.message).toBe('1 write left in this browser by someone no longer signed in was deleted without being sent: this browser keeps no one else\'s data.');
  expect(notice.message).not.toContain('wchen');
});
