import { gzipSync } from 'node:zlib';
import { LabelVolumeError } from './LabelVolumeError';
import { writeNifti } from './nifti.fixture';
import { writeNrrd } from './nrrd.fixture';
import { labelVolumeFormat, readLabelVolume } from './readLabelVolume';

const VALUES = Array.from({ length: 24 }, (_, n) => n % 3);
const nrrd = writeNrrd({ typeName: 'uchar', sampleType: 'uint8', sizes: [4, 3, 2], space: 'LPS', directions: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], origin: [0, 0, 0] }, VALUES);
const nifti = writeNifti({ sizes: [4, 3, 2], datatype: 2, sampleType: 'uint8', sformCode: 1, srow: [[-1, 0, 0, 0], [0, -1, 0, 0], [0, 0, 1, 0]] }, VALUES);

test('the format is told by the first bytes, and both read to the same volume', () => {
  expect(labelVolumeFormat(nrrd)).toBe('nrrd');
  expect(labelVolumeFormat(nifti)).toBe('nifti');
  expect(labelVolumeFormat(new Uint8Array(gzipSync(nifti)))).toBe('nifti');
  expect(readLabelVolume(nifti)).toEqual(readLabelVolume(nrrd));
  expect(readLabelVolume(new Uint8Array(gzipSync(nifti)))).toEqual(readLabelVolume(nrrd));
});

test('anything else is a LabelVolumeError naming the format', () => {
  expect(labelVolumeFormat(new Uint8Array(0))).toBeUndefined();
  expect(() => readLabelVolume(new TextEncoder().encode('DICM?'))).toThrow(expect.objectContaining({ field: 'format' }));
  expect(() => readLabelVolume(new Uint8Array(3))).toThrow(LabelVolumeError);
});
