import { parseStowResponse } from './parseStowResponse';

// Why: the answers below are what Orthanc 1.10 with the DICOMweb plugin 1.7 (the PACS of the demo
// and of the integration tests) sent to STOW-RS requests, trimmed to the attributes read here.
const CT = '1.2.840.10008.5.1.4.1.1.2';
const sent = [
  { sopClassUID: CT, sopInstanceUID: '1.2.826.0.1.3680043.8.498.3.1' },
  { sopClassUID: CT, sopInstanceUID: '1.2.826.0.1.3680043.8.498.3.2' },
];
const referencedItem = (uid: string) => ({ '00081150': { vr: 'UI', Value: [CT] }, '00081155': { vr: 'UI', Value: [uid] } });

test('Orthanc 200: ReferencedSOPSequence lists each instance (also one it held already), FailedSOPSequence is empty', () => {
  const body = JSON.stringify({
    '00080005': { vr: 'CS', Value: ['ISO_IR 100'] },
    '00081190': { vr: 'UR', Value: ['http://127.0.0.1:45855/dicom-web/studies/1.2.826.0.1.3680043.8.498.1'] },
    '00081198': { vr: 'SQ' },
    '00081199': { vr: 'SQ', Value: sent.map((s) => referencedItem(s.sopInstanceUID)) },
  });
  expect(parseStowResponse(200, body, sent)).toEqual({
    stored: sent.map((s) => s.sopInstanceUID),
    alreadyStored: [],
    warnings: [],
    failed: [],
    retrieveURL: 'http://127.0.0.1:45855/dicom-web/studies/1.2.826.0.1.3680043.8.498.1',
  });
});

test('Orthanc 400 for a body with one unreadable part: it stored the readable one and does not list the other', () => {
  const body = JSON.stringify({ '00081198': { vr: 'SQ' }, '00081199': { vr: 'SQ', Value: [referencedItem(sent[0].sopInstanceUID)] } });
  const accounting = parseStowResponse(400, body, sent);
  expect(accounting.stored).toEqual([sent[0].sopInstanceUID]);
  expect(accounting.failed).toEqual([{ ...sent[1], failureReason: expect.objectContaining({ code: null, meaning: 'Not listed in the response' }) }]);
});

test('Orthanc 409 for a Study Instance UID that does not match the URL: Failure Reason 272 (0x0110 Processing failure)', () => {
  const body = JSON.stringify({
    '00081198': { vr: 'SQ', Value: [{ ...referencedItem(sent[0].sopInstanceUID), '00081197': { vr: 'US', Value: [272] } }] },
    '00081199': { vr: 'SQ' },
  });
  const [failure] = parseStowResponse(409, body, [sent[0]]).failed;
  expect(failure.failureReason).toMatchObject({ code: 0x0110, meaning: 'Processing failure' });
});

test('a response wrapped in an array, a Failure Reason as a decimal string, and instances not sent are read leniently', () => {
  const body = JSON.stringify([
    {
      '00081198': { vr: 'SQ', Value: [{ ...referencedItem(sent[1].sopInstanceUID), '00081197': { vr: 'US', Value: ['43264'] } }] },
      '00081199': { vr: 'SQ', Value: [referencedItem(sent[0].sopInstanceUID), referencedItem('9.9.9')] },
    },
  ]);
  const accounting = parseStowResponse(202, body, sent);
  expect(accounting.stored).toEqual([sent[0].sopInstanceUID]);
  expect(accounting.failed.map((f) => f.failureReason.code)).toEqual([0xa900]);
});

test('an empty or non-JSON body lists nothing: all stored for 200 and 204, none confirmed for 202', () => {
  expect(parseStowResponse(200, '', sent).stored).toHaveLength(2);
  expect(parseStowResponse(204, '', sent).stored).toHaveLength(2);
  expect(parseStowResponse(202, '<html>', sent).failed).toHaveLength(2);
  expect(parseStowResponse(202, 'null', sent).failed).toHaveLength(2);
});
