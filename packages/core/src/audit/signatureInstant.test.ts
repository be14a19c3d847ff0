import { signatureInstant } from './signatureInstant';

// The signing time decides whether a certificate was valid when it signed: the offset must count.
test.each([
  ['20261207183005.250000+0000', '2026-12-07T18:30:05.250Z'],
  ['20261207183005.250000+0100', '2026-12-07T17:30:05.250Z'],
  ['20261207183005-0230', '2026-12-07T21:00:05.000Z'],
  ['20261207183005', '2026-12-07T18:30:05.000Z'], // no offset: UTC, what the gateway writes
])('%s is %s', (dateTime, iso) => {
  expect(signatureInstant(dateTime)?.toISOString()).toBe(iso);
});

test.each(['20260230120000+0000', '202612071830+0000', '20261207183005+01', 'yesterday', ''])('%p is no signing time', (dateTime) => {
  expect(signatureInstant(dateTime)).toBeUndefined();
});
