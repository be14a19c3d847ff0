import { NO_REVIEWER_CHOICES, attributionByReviewer, segAttribution, segmentKey, type InventorySeg } from '@segqc/core';
import { annotationRefs } from './annotationRefs';

// Why: the pairs of `segqc qc --json` name annotations as the viewer's review table does, so that
// a reviewer finds the same rows; two SEGs by one annotator must still be told apart.

const seg = (n: number, name: string | null, login: string | null, protocol: InventorySeg['sop'] = null, seriesDescription: string | null = null): InventorySeg => ({
  sopInstanceUid: `1.2.${n}`, seriesInstanceUid: `1.3.${n}`, contentLabel: 'ANNOTATION', creator: { name, login }, contentDate: null, contentTime: null,
  attribution: segAttribution({ creatorName: name, login, seriesDescription, operatorsName: null, seriesNumber: n }),
  sop: protocol, sourceSeriesInstanceUid: '1.4', sliceThicknessMm: null, segmentLabels: ['Segment 1', 'Segment 2'],
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
  ], NO_REVIEWER_CHOICES);
  expect(refs.map((ref) => ref.id)).toEqual(['Rivera, Ana', 'Rivera, Ana (2)', 'Chen', 'cokafor', 'SEG series 5 (unattributed)', 'Lungs (unattributed)', 'Lungs (unattributed) (2)']);
  expect(refs[0]).toEqual({
    id: 'Rivera, Ana', sopInstanceUid: '1.2.1', seriesInstanceUid: '1.3.1', name: 'Rivera^Ana', login: 'arivera', sop: 'ct-lung-nodule@1.1.0+0123456789abcdef',
    attributedBy: 'creator', segmentsMappedByReviewer: [],
  });
  expect(refs[5]!.attributedBy).toBeNull();
});

test("a SEG a reviewer attributed is the person's, marked so, and says which of its segments the reviewer mapped", () => {
  const unattributed = seg(8, null, null, null, 'Reader A lungs');
  const attributed = { ...unattributed, attribution: attributionByReviewer({ name: 'Chen^Wei', login: 'wchen' }) };
  const label = { label: 'Right lung' };
  const [ref] = annotationRefs([attributed], { attributions: { '1.2.8': { name: 'Chen^Wei', login: 'wchen' } }, structures: { [segmentKey('1.2.8', 2)]: label } });
  expect(ref).toMatchObject({ id: 'Chen, Wei (attributed by reviewer)', name: null, login: null, attributedBy: 'reviewer', segmentsMappedByReviewer: [2] });
});
