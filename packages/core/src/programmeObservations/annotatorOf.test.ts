import { annotatorOf } from './annotatorOf';

// The programme keys an annotator by their PN, else their login; an unnamed SEG is nobody else's.
test('an annotator is their PN, else their login, else the SEG they made', () => {
  expect(annotatorOf({ sopInstanceUid: '1.2.3.1', creator: { name: 'Rivera^Ana', login: 'arivera' } })).toBe('Rivera^Ana');
  expect(annotatorOf({ sopInstanceUid: '1.2.3.1', creator: { name: null, login: 'wchen' } })).toBe('wchen');
  expect(annotatorOf({ sopInstanceUid: '1.2.3.1', creator: { name: null, login: null } })).toBe('unnamed creator of SEG 1.2.3.1');
});
