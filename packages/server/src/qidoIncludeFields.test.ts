import { repeatIncludeFields } from './qidoIncludeFields';

test('a comma-separated includefield becomes repeated parameters, other parameters kept', () => {
  expect(repeatIncludeFields('?PatientID=SEGQC-CT-01&includefield=00081030%2C00080060&limit=101')).toBe(
    '?PatientID=SEGQC-CT-01&limit=101&includefield=00081030&includefield=00080060',
  );
  expect(repeatIncludeFields('?includefield=00081030,00080060,00100030')).toBe('?includefield=00081030&includefield=00080060&includefield=00100030');
});

test('queries without a list are forwarded byte for byte', () => {
  for (const search of ['', '?limit=1', '?includefield=00081030&includefield=00080060', '?PatientName=Demo%5EChest*']) {
    expect(repeatIncludeFields(search)).toBe(search);
  }
});
