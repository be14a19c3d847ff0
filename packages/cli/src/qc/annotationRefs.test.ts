import { segAttribution, type InventorySeg } from '@segqc/core';
import { annotationRefs } from './annotationRefs';

// Why: the pairs of `segqc qc --json` name annotations as the viewer's review table does, so that
// a reviewer finds the same rows; two SEGs by one annotator must still be told apart.

const seg = (n: number, name: string | null, login: string | null, protocol: InventorySeg['sop'] = null, seriesDescription: string | null = null): InventorySeg => ({
  sopInstanceUid: `1.2.${n}`, seriesInstanceUid: `1.3.${n}`, contentLabel: 'ANNOTATION', creator: { name, login }, contentDate: null, contentTime: null,
  attribution: segAttribution({ creatorName: name, login, seriesDescription, operatorsName: null, seriesNumber: n }),
  sop: protocol, sourceSeriesInstanceUid: '1.4', sliceThicknessMm: null, segmentLabels: [],
});

test('"Family, Given" from the PN; the login, else the series, marked unattributed; a second SEG of one name is "(2)"', () => {
  const refs = annotationRefs([
    seg(1, 'Rivera^Ana', 'arivera', { id: 'ct-lung-nodule', version: '1.1.0', shortHash: '0123456789abcdef' }),
    seg(2, 'Rivera^Ana^^Dr', 'arivera'),
    seg(3, 'Chen', 'wchen'),
    seg(4, null, 'cokafor'),
    seg(5, '^', null),
    seg(6, null, null, null, 'Lungs'),
    seg(7, null, null, null, 'Lungs'),
  ]);
  expect(refs.map((ref) => ref.id)).toEqual(['Rivera, Ana', 'Rivera, Ana (2)', 'Chen', 'cokafor', 'SEG series 5 (unattributed)', 'Lungs (unattributed)', 'Lungs (unattributed) (2)']);
  expect(refs[0]).toEqual({ id: 'Rivera, Ana', sopInstanceUid: '1.2.1', seriesInstanceUid: '1.3.1', name: 'Rivera^Ana', login: 'arivera', sop: 'ct-lung-nodule@1.1.0+0123456789abcdef' });
});
