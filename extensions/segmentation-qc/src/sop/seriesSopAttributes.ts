/**
 * What core's selectSop reads of a series, from OHIF's display set or one of its naturalized
 * instances (DICOM keywords as keys; a single value unwrapped, several as an array; DS as numbers
 * or, from some servers, strings). The first instance speaks for the series: these attributes are
 * series-level in practice.
 *
 * Classic MR images carry Scanning Sequence (0018,0020), Sequence Variant (0018,0021) and the
 * timing at the top level (PS3.3 C.8.3.1). An Enhanced MR image (PS3.3 C.8.13) has them in its
 * functional groups instead: MR Timing and Related Parameters (C.8.13.5.2, RepetitionTime), MR Echo
 * (C.8.13.5.7, EffectiveEchoTime), MR Modifier (C.8.13.5.6, InversionRecovery, InversionTimes),
 * and Echo Pulse Sequence (0018,9008) for the SE/GR family; those are read when the classic ones
 * are absent.
 *
 * Diffusion b-value (0018,9087) and Image Type (0008,0008; DIFFUSION, ADC, TRACEW) tell a
 * diffusion series by its header (issue 14); the b-value is top level in some classic images and
 * in MR Diffusion (C.8.13.5.9, DiffusionBValue) in an Enhanced MR image. Vendors that keep it only
 * in private tags leave the description to decide.
 */
import type { SopSeriesAttributes } from '@segqc/core';
import type { DisplaySet, InstanceMetadata } from '../services';

export function seriesSopAttributes(source: DisplaySet | InstanceMetadata): SopSeriesAttributes {
  const series = source as Partial<DisplaySet> & InstanceMetadata;
  const instance: InstanceMetadata = series.instance ?? series.instances?.[0] ?? series;
  const attributes: SopSeriesAttributes = { Modality: (text(instance.Modality) ?? text(series.Modality) ?? '').toUpperCase() };

  const description = text(instance.SeriesDescription) ?? text(series.SeriesDescription);
  const scanning = codeStrings(instance.ScanningSequence) ?? enhancedScanningSequence(instance);
  const variant = codeStrings(instance.SequenceVariant);
  const repetition = decimal(instance.RepetitionTime) ?? decimal(functionalGroup(instance, 'MRTimingAndRelatedParametersSequence')?.RepetitionTime);
  const echo = decimal(instance.EchoTime) ?? decimal(functionalGroup(instance, 'MREchoSequence')?.EffectiveEchoTime);
  const inversion = decimal(instance.InversionTime) ?? decimal(functionalGroup(instance, 'MRModifierSequence')?.InversionTimes);
  const agent = text(instance.ContrastBolusAgent);
  const bValue = decimal(instance.DiffusionBValue) ?? decimal(functionalGroup(instance, 'MRDiffusionSequence')?.DiffusionBValue);
  const imageType = codeStrings(instance.ImageType);

  if (description !== undefined) attributes.SeriesDescription = description;
  if (scanning !== undefined) attributes.ScanningSequence = scanning;
  if (variant !== undefined) attributes.SequenceVariant = variant;
  if (repetition !== undefined) attributes.RepetitionTime = repetition;
  if (echo !== undefined) attributes.EchoTime = echo;
  if (inversion !== undefined) attributes.InversionTime = inversion;
  if (agent !== undefined) attributes.ContrastBolusAgent = agent;
  if (bValue !== undefined) attributes.DiffusionBValue = bValue;
  if (imageType !== undefined) attributes.ImageType = imageType;
  return attributes;
}

/** Echo Pulse Sequence's enumerated values (PS3.3 C.8.13.1) in Scanning Sequence's terms. */
const ECHO_PULSE_FAMILY: ReadonlyMap<string, readonly string[]> = new Map([['SPIN', ['SE']], ['GRADIENT', ['GR']], ['BOTH', ['SE', 'GR']]]);

/** The SE/GR family and IR of an Enhanced MR image, in Scanning Sequence's terms. */
function enhancedScanningSequence(instance: InstanceMetadata): string[] | undefined {
  const inversionRecovery = text(functionalGroup(instance, 'MRModifierSequence')?.InversionRecovery) === 'YES';
  const terms = [...(inversionRecovery ? ['IR'] : []), ...(ECHO_PULSE_FAMILY.get(text(instance.EchoPulseSequence) ?? '') ?? [])];
  return terms.length > 0 ? terms : undefined;
}

/** The macro's item from the shared functional groups, else from the first frame's. */
function functionalGroup(instance: InstanceMetadata, macro: string): InstanceMetadata | undefined {
  for (const groups of [instance.SharedFunctionalGroupsSequence, instance.PerFrameFunctionalGroupsSequence]) {
    const item = firstItem(firstItem(groups)?.[macro]);
    if (item) return item;
  }
  return undefined;
}

/** A naturalized sequence may come as an array or, for one item, as the item itself. */
function firstItem(value: unknown): InstanceMetadata | undefined {
  const item = Array.isArray(value) ? value[0] : value;
  return item !== null && typeof item === 'object' ? (item as InstanceMetadata) : undefined;
}

function text(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'number') return String(first);
  return typeof first === 'string' && first.trim() !== '' ? first.trim() : undefined;
}

/** CS, possibly multi-valued: kept as a list (or one value) the way core's classifier reads it. */
function codeStrings(value: unknown): string | string[] | undefined {
  if (Array.isArray(value)) {
    const list = value.filter((item): item is string => typeof item === 'string' && item.trim() !== '').map((item) => item.trim());
    return list.length > 0 ? list : undefined;
  }
  return text(value);
}

/** DS/FD as a number: the first value, from a number or a decimal string. */
function decimal(value: unknown): number | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const number = typeof first === 'string' && first.trim() !== '' ? Number(first) : first;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}
