/**
 * A DICOM UID as PS3.5 9.1 defines it: at most 64 characters, dot-separated numeric components,
 * no leading zero in a component of more than one digit. Every UID in a gateway path is checked
 * against it, so a path segment can only ever be digits and dots.
 */
const UID = /^(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))+$/;

export function isDicomUid(value: string): boolean {
  return value.length <= 64 && UID.test(value);
}
