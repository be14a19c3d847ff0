import { kindOfModality, kindOfSopClass } from './storedObjectKind';

// PS3.4 Annex B SOP classes and PS3.3 C.7.3.1.1.1 modalities, as blinding tells them apart.
test.each([
  ['1.2.840.10008.5.1.4.1.1.66.4', 'segmentation'], // Segmentation Storage
  ['1.2.840.10008.5.1.4.1.1.66.7', 'segmentation'], // Label Map Segmentation Storage
  ['1.2.840.10008.5.1.4.1.1.88.33', 'structured-report'], // Comprehensive SR
  ['1.2.840.10008.5.1.4.1.1.88.59', 'structured-report'], // Key Object Selection
  ['1.2.840.10008.5.1.4.1.1.11.1', 'presentation-state'], // Grayscale Softcopy PS
  ['1.2.840.10008.5.1.4.1.1.2', 'image'], // CT Image
  ['1.2.840.10008.5.1.4.1.1.66', 'image'], // Raw Data: not a segmentation, although a prefix of one
])('SOP Class %s is %s', (uid, kind) => expect(kindOfSopClass(uid)).toBe(kind));

test.each([['SEG', 'segmentation'], ['sr', 'structured-report'], ['KO', 'structured-report'], ['PR', 'presentation-state'], ['CT', 'image'], ['', 'image']])(
  'Modality "%s" is %s',
  (modality, kind) => expect(kindOfModality(modality)).toBe(kind),
);
