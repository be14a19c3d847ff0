import { describeStowResult } from './describeStowResult';
import { stowReason } from './stowReasons';

// Why: after a write the panel says in one sentence what the PACS did, partial answers included.
const ct = '1.2.840.10008.5.1.4.1.1.2';
const base = { status: 200, alreadyStored: [], warnings: [], failed: [], attempts: 1 };

test('all stored', () => {
  expect(describeStowResult({ ...base, stored: ['1.2.3'] })).toBe('Stored 1 object.');
  expect(describeStowResult({ ...base, stored: ['1.2.3', '1.2.4'] })).toBe('Stored 2 objects.');
});

test('partial, with reasons grouped and warnings counted', () => {
  const result = {
    ...base,
    status: 202,
    stored: ['1.1', '1.2', '1.3'],
    warnings: [
      { sopInstanceUID: '1.1', sopClassUID: ct, warningReason: stowReason(0xb000) },
      { sopInstanceUID: '1.2', sopClassUID: ct, warningReason: stowReason(0xb000) },
    ],
    failed: [
      { sopInstanceUID: '1.4', sopClassUID: ct, failureReason: stowReason(0xa900) },
      { sopInstanceUID: '1.5', sopClassUID: ct, failureReason: stowReason(0xa901) },
      { sopInstanceUID: '1.6', sopClassUID: ct, failureReason: stowReason(0xa902) },
      { sopInstanceUID: '1.7', sopClassUID: ct, failureReason: stowReason(0xc000) },
    ],
  };
  expect(describeStowResult(result)).toBe(
    'Stored 3 of 7 objects; the PACS refused 4: the data set does not match its SOP class (1.4, 1.5 and 1 more); the PACS cannot understand it (1.7); ' +
      'with warnings: for 2, the PACS changed some of its attributes.',
  );
});
