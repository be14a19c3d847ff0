/**
 * A value that cannot be written to (or was read from) a DICOM attribute, named by its attribute
 * path: keywords from PS3.6 joined by `.`, sequence items by zero-based `[index]`, e.g.
 * `SegmentSequence[2].SegmentedPropertyCategoryCodeSequence[0].CodeValue`.
 */
export class DicomValueError extends Error {
  readonly attributePath: string;
  readonly reason: string;

  constructor(attributePath: string, reason: string) {
    super(`${attributePath}: ${reason}`);
    this.name = 'DicomValueError';
    this.attributePath = attributePath;
    this.reason = reason;
  }
}

/** `parent` + `child` as one attribute path (either may be empty). */
export function joinAttributePath(parent: string, child: string): string {
  if (!parent) return child;
  if (!child) return parent;
  return child.startsWith('[') ? `${parent}${child}` : `${parent}.${child}`;
}
