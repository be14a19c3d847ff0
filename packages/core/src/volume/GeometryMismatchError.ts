/**
 * Images or SEG frames that do not lie on one voxel grid: a frame whose ImagePositionPatient is off
 * the grid or outside it, another orientation, pixel spacing or Frame of Reference, or a source
 * series that is not one regular stack of slices. Names the attribute path and, for SEG frames,
 * the 1-based frame number (as DICOM numbers frames, PS3.3 C.7.6.16).
 */
export class GeometryMismatchError extends Error {
  readonly attributePath: string;
  readonly reason: string;
  /** 1-based frame number of the offending SEG frame, when a frame is at fault. */
  readonly frame?: number;

  constructor(attributePath: string, reason: string, frame?: number) {
    super(frame === undefined ? `${attributePath}: ${reason}` : `frame ${frame} (${attributePath}): ${reason}`);
    this.name = 'GeometryMismatchError';
    this.attributePath = attributePath;
    this.reason = reason;
    if (frame !== undefined) this.frame = frame;
  }
}
