import { segAttribution } from './segAttribution';

// The one naming rule of issue 13: a person when the SEG names one, else the SEG's own words, marked.
const none = { creatorName: null, login: null, seriesDescription: null, operatorsName: null, seriesNumber: null };

test('a SEG naming its creator is theirs: the name as "Family, Given", else the login', () => {
  expect(segAttribution({ ...none, creatorName: 'Rivera^Ana', login: 'arivera', seriesDescription: 'Lungs' })).toEqual({ name: 'Rivera, Ana', attributed: true });
  expect(segAttribution({ ...none, creatorName: 'Rivera', login: 'arivera' })).toEqual({ name: 'Rivera', attributed: true });
  expect(segAttribution({ ...none, creatorName: '^', login: 'arivera' })).toEqual({ name: 'arivera', attributed: true });
});

test("OHIF's own export names no creator: its series description, else the operator, else its series number, marked unattributed", () => {
  expect(segAttribution({ ...none, seriesDescription: ' Lungs by reader 2 ', operatorsName: 'Tech^Sam', seriesNumber: 4 })).toEqual({ name: 'Lungs by reader 2 (unattributed)', attributed: false });
  expect(segAttribution({ ...none, seriesDescription: '', operatorsName: 'Tech^Sam', seriesNumber: 4 })).toEqual({ name: 'Tech, Sam (unattributed)', attributed: false });
  expect(segAttribution({ ...none, seriesNumber: 4 })).toEqual({ name: 'SEG series 4 (unattributed)', attributed: false });
  expect(segAttribution(none)).toEqual({ name: 'SEG (unattributed)', attributed: false });
});
