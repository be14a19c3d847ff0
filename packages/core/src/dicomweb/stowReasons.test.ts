import { statusHex, stowReason } from './stowReasons';

// Why: the viewer tells the user why the PACS refused an object; the codes come from PS3.18
// Annex I, PS3.4 Table B.2-1 (with the A7xx, A9xx and Cxxx ranges) and PS3.7 Annex C.
test.each([
  [0xa700, 'Refused: Out of resources', true],
  [0xa7ff, 'Refused: Out of resources', true],
  [0xa900, 'Error: Data Set does not match SOP Class', false],
  [0xa9a1, 'Error: Data Set does not match SOP Class', false],
  [0xc000, 'Error: Cannot understand', false],
  [0xc3f0, 'Error: Cannot understand', false],
  [0xc122, 'Referenced Transfer Syntax not supported', false],
  [0x0110, 'Processing failure', false],
  [0x0111, 'Duplicate SOP Instance', false],
  [0x0122, 'Referenced SOP Class not supported', false],
  [0x0124, 'Not authorized', false],
  [0x0213, 'Resource limitation', true],
  [0xb000, 'Coercion of Data Elements', false],
  [0xb006, 'Elements Discarded', false],
  [0xb007, 'Data Set does not match SOP Class', false],
])('%i means "%s" (transient: %s)', (code, meaning, transient) => {
  expect(stowReason(code)).toMatchObject({ code, meaning, transient });
});

test('an unknown code keeps its value and says it in DICOM hex', () => {
  expect(stowReason(0xfe00)).toEqual({ code: 0xfe00, meaning: 'Status FE00H', explanation: 'the PACS answered status FE00H', transient: false });
  expect(statusHex(0x0111)).toBe('0111H');
});
