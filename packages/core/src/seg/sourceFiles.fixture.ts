// Test fixture: Part 10 files of a synthetic source series (what dcentvfy checks a SEG against),
// with the attributes a CT or MR image carries and flat pixel data.
import { writePart10 } from '../dicom/part10';
import { SOP_CLASS } from '../dicom/sopClasses';
import type { SourceImage } from './SourceImage';

export function sourceImageFiles(images: readonly SourceImage[]): Uint8Array[] {
  return images.map((image, k) => {
    const mr = image.SOPClassUID === SOP_CLASS.MrImageStorage;
    return writePart10({
      ...image,
      ImagePositionPatient: [...image.ImagePositionPatient],
      ImageOrientationPatient: [...image.ImageOrientationPatient],
      PixelSpacing: [...image.PixelSpacing],
      Modality: mr ? 'MR' : 'CT',
      SeriesNumber: 1,
      InstanceNumber: k + 1,
      ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
      SamplesPerPixel: 1,
      PhotometricInterpretation: 'MONOCHROME2',
      BitsAllocated: 16,
      BitsStored: 12,
      HighBit: 11,
      PixelRepresentation: 0,
      ...(mr
        ? { ScanningSequence: 'SE', SequenceVariant: 'NONE', ScanOptions: '', MRAcquisitionType: '2D', RepetitionTime: 500, EchoTime: 15, EchoTrainLength: 1 }
        : { RescaleIntercept: -1024, RescaleSlope: 1, KVP: 120 }),
      AcquisitionNumber: 1,
      Manufacturer: 'SegQC fixture',
      PatientPosition: 'HFS',
      PixelData: [new Uint16Array(image.Rows * image.Columns).fill(1024).buffer],
      _vrMap: { PixelData: 'OW' },
    });
  });
}
