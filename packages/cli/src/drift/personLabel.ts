import { displayName } from '@segqc/core';

/** A DICOM person name (`Okafor^Chidi`) as people write it ("Chidi Okafor"); anything else as is. */
export function personLabel(name: string): string {
  return name.includes('^') ? displayName(name) || name : name;
}
