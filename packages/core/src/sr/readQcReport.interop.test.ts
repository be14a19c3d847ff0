// Interoperability: the TID 1500 documents highdicom writes read into the same plain structure as
// ours: measurement groups with their tracking identifiers, findings, regions and measurements
// (concept, value, unit). Reads tests/data/interop (or SEGQC_INTEROP_DIR); fails when absent (issue 14).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readQcReport } from './readQcReport';
import { INTEROP_DIR } from '../../../../tests/harness/interopCorpus';

const interopDir = INTEROP_DIR;
const highdicom = join(interopDir, 'highdicom');
const present = existsSync(join(highdicom, 'sr_document.dcm'));
const read = (name: string) => readQcReport(new Uint8Array(readFileSync(join(highdicom, name))));

describe('highdicom TID 1500 documents', () => {
  test('the interop corpus is present', () => {
    expect(present ? highdicom : `no ${highdicom}/sr_document.dcm (tests/data/interop, or SEGQC_INTEROP_DIR)`).toBe(highdicom);
  });

  test('sr_document.dcm: one planar group, its region on the CT image, an area with its properties', () => {
    const { document, qc } = read('sr_document.dcm');
    expect(qc).toBeUndefined(); // not a SegQC QC report
    expect(document.sopClassUid).toBe('1.2.840.10008.5.1.4.1.1.88.34');
    expect(document.title.meaning).toBe('Imaging Measurement Report');
    expect(document.observers).toEqual([
      { type: 'person', personName: 'Foo' },
      { type: 'device', deviceUid: '1.2.826.0.1.3680043.8.498.21942475928007893653780457882384425166' },
    ]);
    expect(document.procedures).toEqual([{ value: '25045-6', scheme: 'LN', meaning: 'CT unspecified body region' }]);
    expect(document.groups).toHaveLength(1);
    const [group] = document.groups;
    expect([group.trackingIdentifier, group.trackingUid]).toEqual(['Planar ROI Measurements', '1.2.826.0.1.3680043.8.498.95005499519195632686309166061552196996']);
    expect(group.finding?.value).toEqual({ value: 'T-A7010', scheme: 'SRT', meaning: 'Spinal cord' });
    expect(group.regions).toEqual([{
      valueType: 'SCOORD', name: { value: '111030', scheme: 'DCM', meaning: 'Image Region' }, graphicType: 'CIRCLE', points: [58, 52, 58, 41],
      image: { sopClassUid: '1.2.840.10008.5.1.4.1.1.2', sopInstanceUid: '1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322' },
    }]);
    expect(group.measurements.map((m) => [m.name.meaning, m.value, m.unit])).toEqual([['Area of defined region', 1.7, { value: 'cm2', scheme: 'UCUM', meaning: 'square centimeter' }]]);
    expect(group.measurements[0].modifiers.map((m) => [m.name.meaning, m.value.meaning])).toEqual([['Normality', 'Normal'], ['Level of Significance', 'Not significant']]);
  });

  test('sr_document_with_multiple_groups.dcm: four groups (1501, 1410, 1410, 1411) with their measurements', () => {
    const { document } = read('sr_document_with_multiple_groups.dcm');
    expect(document.observers[0]).toEqual({ type: 'person', personName: 'Doe^John' });
    expect(document.groups.map((group) => [group.templateId, group.trackingIdentifier, group.finding?.value.meaning])).toEqual([
      ['1501', 'Image0001', undefined],
      ['1410', 'LungNodule0001', 'Nodule'],
      ['1410', 'Aorta0001', 'Aorta'],
      ['1411', 'Vertebra0001', 'Vertebra'],
    ]);
    expect(document.groups.map((group) => group.measurements.map((m) => [m.name.meaning, m.value, m.unit?.value]))).toEqual([
      [['Intensity Histogram Mean', -119.0738525390625, "[hnsf'U]"]],
      [['Diameter', 10, 'mm']],
      [['Diameter', 20, 'mm']],
      [['Volume', 200, 'mm3']],
    ]);
    expect(document.groups[1].findingCategory?.meaning).toBe('Morphologically Abnormal Structure');
    expect(document.groups[1].findingSites.map((site) => site.value.meaning)).toEqual(['Lung']);
    expect(document.groups[3].regions[0]).toMatchObject({ valueType: 'SCOORD3D', graphicType: 'POINT' });
    expect(document.groups[0].evaluations.map((e) => [e.name.meaning, e.value.meaning])).toEqual([['Anatomical position (finding)', 'Level of T4/T5 intervertebral disc']]);
  });
});
