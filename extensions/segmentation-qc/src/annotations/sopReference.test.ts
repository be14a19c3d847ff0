import { formatSopReference, parseSopReference } from './sopReference';

test('parses id@version+hash and formats it back unchanged', () => {
  const sop = parseSopReference('mr-brain-flair-lesion@2.0.1+00ff3a9c41b7d0e2');
  expect(sop).toEqual({ id: 'mr-brain-flair-lesion', version: '2.0.1', shortHash: '00ff3a9c41b7d0e2' });
  expect(formatSopReference(sop!)).toBe('mr-brain-flair-lesion@2.0.1+00ff3a9c41b7d0e2');
});

test.each(['', 'CT chest protocol', 'ct@1.0+abcdef12', 'ct@1.0.0+XYZ', 'ct@1.0.0+abc', 42, undefined])(
  'ProtocolName %j written by other tools is not taken for a SOP reference',
  (value) => {
    expect(parseSopReference(value)).toBeNull();
  },
);
