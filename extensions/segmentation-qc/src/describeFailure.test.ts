import { describeFailure } from './describeFailure';

// The host's DICOMweb client rejects with the XMLHttpRequest object; shown as is, the user reads
// "[object XMLHttpRequest]" (seen when a SEG's frames could not be retrieved).
test.each([
  [new Error('SEG reading failed'), 'SEG reading failed'],
  [{ status: 500, statusText: 'Internal Server Error', readyState: 4 }, 'the PACS answered HTTP 500 Internal Server Error'],
  [{ status: 404, statusText: '', readyState: 4 }, 'the PACS answered HTTP 404'],
  [{ status: 0, statusText: '', readyState: 4 }, 'the PACS could not be reached'],
  ['quota exceeded', 'quota exceeded'],
  [undefined, 'an unknown error occurred'],
  [{}, 'an unknown error occurred'],
])('%j is described as %j', (reason, sentence) => {
  expect(describeFailure(reason)).toBe(sentence);
});
