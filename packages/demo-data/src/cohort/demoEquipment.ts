/** The (fictional) equipment of the demo cohort, as data. */
import { DEMO_INSTITUTION } from './annotators';

/** General Equipment of the synthetic scanners. */
export const SCANNER = Object.freeze({
  CT: { Manufacturer: 'SegQC Phantom Works', ManufacturerModelName: 'Synthetic CT 64', DeviceSerialNumber: 'PHANTOM-CT-0001', SoftwareVersions: 'phantom-ct 1.0', StationName: 'CT01' },
  MR: { Manufacturer: 'SegQC Phantom Works', ManufacturerModelName: 'Synthetic MR 3T', DeviceSerialNumber: 'PHANTOM-MR-0001', SoftwareVersions: 'phantom-mr 1.0', StationName: 'MR01' },
});

/** Enhanced General Equipment of the demo SEGs (the annotation workstation). */
export const SEG_EQUIPMENT = Object.freeze({
  manufacturerModelName: 'SegQC demo annotation station',
  softwareVersions: '0.1.0',
  deviceSerialNumber: 'SEGQC-DEMO-0001',
  institutionName: DEMO_INSTITUTION,
});
