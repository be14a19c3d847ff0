// The programme pages find the PACS in the app-config: the default data source's wadoRoot, absolute.
import { configuredDicomwebRoot } from './configuredDicomwebRoot';

const PAGE = 'http://127.0.0.1:3000/qc-dashboard';
const source = (sourceName: string, wadoRoot?: string) => ({ sourceName, configuration: wadoRoot === undefined ? {} : { wadoRoot } });

it('resolves a relative root against the page and drops a trailing slash', () => {
  expect(configuredDicomwebRoot({ dataSources: [source('pacs', '/dicom-web/')] }, PAGE)).toBe('http://127.0.0.1:3000/dicom-web');
});

it('keeps an absolute root', () => {
  expect(configuredDicomwebRoot({ dataSources: [source('pacs', 'https://pacs.example.org/dicomweb')] }, PAGE)).toBe('https://pacs.example.org/dicomweb');
});

it('takes the default data source when the config names one, else the first', () => {
  const dataSources = [source('local', '/first'), source('pacs', '/second')];
  expect(configuredDicomwebRoot({ defaultDataSourceName: 'pacs', dataSources }, PAGE)).toBe('http://127.0.0.1:3000/second');
  expect(configuredDicomwebRoot({ defaultDataSourceName: 'absent', dataSources }, PAGE)).toBe('http://127.0.0.1:3000/first');
});

it('fails with a sentence when there is no DICOMweb root', () => {
  expect(() => configuredDicomwebRoot(undefined, PAGE)).toThrow(expect.objectContaining({ name: 'NoDicomwebDataSourceError' }));
  expect(() => configuredDicomwebRoot({ dataSources: [source('local')] }, PAGE)).toThrow(/wadoRoot/);
});
