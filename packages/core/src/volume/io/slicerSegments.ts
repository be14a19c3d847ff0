/**
 * The segments 3D Slicer describes in a `.seg.nrrd` header: key/value pairs `SegmentN_Name`,
 * `_Layer`, `_LabelValue`, and the terminology (`_Terminology`, or `TerminologyEntry:` inside
 * `_Tags` in older files) as `context~category~type~typeModifier~anatomicContext~region~regionModifier`,
 * each code `scheme^value^meaning` (Slicer's vtkSlicerTerminologyEntry serialization). Files from
 * before Slicer 4.11 have one layer per segment and no `_Layer`/`_LabelValue`: then segment N is
 * layer N, label value 1.
 */
import type { CodeInit } from '../../dicom/CodedConcept';
import type { LabelVolumeSegment } from './LabelVolume';
import { LabelVolumeError } from './LabelVolumeError';

/** The described segments in SegmentN order, or undefined when the header describes none. */
export function slicerSegments(keyValues: ReadonlyMap<string, string>): LabelVolumeSegment[] | undefined {
  const byIndex = new Map<number, Map<string, string>>();
  for (const [key, value] of keyValues) {
    const match = /^Segment(\d+)_(\w+)$/.exec(key);
    if (!match) continue;
    const index = Number(match[1]);
    if (!byIndex.has(index)) byIndex.set(index, new Map());
    byIndex.get(index)!.set(match[2], value);
  }
  if (byIndex.size === 0) return undefined;
  return [...byIndex.keys()]
    .sort((a, b) => a - b)
    .map((index) => {
      const attributes = byIndex.get(index)!;
      const integer = (name: string, fallback: number, min: number): number => {
        const text = attributes.get(name);
        if (text === undefined) return fallback;
        const value = Number(text);
        if (!Number.isSafeInteger(value) || value < min) throw new LabelVolumeError(`nrrd.Segment${index}_${name}`, `"${text}" is not an integer ≥ ${min}`);
        return value;
      };
      const segment: LabelVolumeSegment = {
        layer: integer('Layer', index, 0),
        labelValue: integer('LabelValue', 1, 1),
        name: attributes.get('Name') ?? attributes.get('ID') ?? `Segment ${index}`,
      };
      const terminology = attributes.get('Terminology') ?? /TerminologyEntry:([^|]*)/.exec(attributes.get('Tags') ?? '')?.[1];
      if (terminology) {
        const parts = terminology.split('~');
        const category = code(parts[1]);
        const type = code(parts[2]);
        const typeModifier = code(parts[3]);
        if (category) segment.category = category;
        if (type) segment.type = type;
        if (typeModifier) segment.typeModifier = typeModifier;
      }
      return segment;
    });
}

/** `scheme^value^meaning`; empty parts (`^^`) mean no code. */
function code(text: string | undefined): CodeInit | undefined {
  if (!text) return undefined;
  const [scheme, value, meaning] = text.split('^');
  if (!scheme || !value) return undefined;
  return { scheme, value, meaning: meaning ?? '' };
}
