import { segAttribution } from '../identity/segAttribution';
import { annotatorOf } from './annotatorOf';

// The programme keys an annotator by their PN, else their login; an unnamed SEG by its series' words, marked unattributed.
test('an annotator is their PN, else their login, else the SEG\'s attribution', () => {
  const attribution = (name: string | null, login: string | null) => segAttribution({ creatorName: name, login, seriesDescription: 'Lungs', operatorsName: null, seriesNumber: 4 });
  expect(annotatorOf({ creator: { name: 'Rivera^Ana', login: 'arivera' }, attribution: attribution('Rivera^Ana', 'arivera') })).toBe('Rivera^Ana');
  expect(annotatorOf({ creator: { name: null, login: 'wchen' }, attribution: attribution(null, 'wchen') })).toBe('wchen');
  expect(annotatorOf({ creator: { name: null, login: null }, attribution: attribution(null, null) })).toBe('Lungs (unattributed)');
});
