import { OHIF_IDS, SOP_CLASS_HANDLER_NAMES } from '../ids';
import type { InstanceMetadata } from '../services';

/**
 * Modalities of objects that carry someone's reading of the images (PS3.3 C.7.3.1.1.1): another
 * annotator's segmentation (SEG), contours (RTSTRUCT), reports and QC reports (SR), presentation
 * states (PR) and key object selections (KO).
 */
export const BLINDED_MODALITIES: readonly string[] = ['SEG', 'RTSTRUCT', 'SR', 'PR', 'KO'];

/** The part of OHIF's extension manager used here. */
export interface SopClassHandlerRegistry {
  getModuleEntry(id: string): { getDisplaySetsFromSeries(instances: InstanceMetadata[]): unknown[] } | undefined;
}

function modalityOf(instances: readonly InstanceMetadata[]): string {
  const modality = instances[0]?.Modality;
  return (Array.isArray(modality) ? String(modality[0] ?? '') : String(modality ?? '')).trim().toUpperCase();
}

/**
 * The annotator mode's handler of series that no SOP class handler takes. OHIF gives such series
 * an "unsupported" display set, which the series list shows with its description ("Lungs and
 * nodules (login)"); for another reader's work that alone breaks blinding. This handler makes no
 * display set for them, and leaves every other series to OHIF's own unsupported-series handler.
 * The mode installs it on enter and restores OHIF's on exit (DisplaySetService keeps one per page).
 */
export function blindedDerivedObjectsHandler(registry: SopClassHandlerRegistry) {
  return {
    name: SOP_CLASS_HANDLER_NAMES.blindedDerivedObjects,
    // Never chosen by SOP class: only as the unsupported-series handler.
    sopClassUids: [] as string[],
    getDisplaySetsFromSeries(instances: InstanceMetadata[]): unknown[] {
      if (BLINDED_MODALITIES.includes(modalityOf(instances))) return [];
      return registry.getModuleEntry(OHIF_IDS.notSupportedSopClassHandler)?.getDisplaySetsFromSeries(instances) ?? [];
    },
  };
}
