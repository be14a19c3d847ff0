/** The OHIF/cornerstone labelmap and SegQC's voxel grid could not be matched (what, and why). */
export class LabelmapBridgeError extends Error {
  override readonly name = 'LabelmapBridgeError';
}
