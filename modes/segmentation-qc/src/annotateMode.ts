import { EXTENSION_VERSION, OHIF_IDS, PANEL_IDS, SOP_CLASS_HANDLER_IDS } from '@segqc/extension-segmentation-qc/ids';
import packageJson from '../package.json';
import { extensionBundleUrl } from './extensionBundleUrl';

export const ANNOTATE_MODE_ID = `${packageJson.name}-annotate`;
export const ANNOTATE_ROUTE_NAME = 'segmentation-qc-annotate';
export const ANNOTATE_DISPLAY_NAME = 'Segmentation QC — annotate';

/** Modalities an annotator segments under a SOP (DESIGN.md "SOPs": CT and MR). */
const ANNOTATED_MODALITIES = ['CT', 'MR'];

/** Studies with a CT or MR series: the annotate mode is offered for them in the study list. */
export function isValidAnnotateMode({ modalities }: { modalities?: string }) {
  const present = (modalities ?? '').split('\\');
  return ANNOTATED_MODALITIES.some((modality) => present.includes(modality))
    ? { valid: true, description: 'Segment this study under its SOP' }
    : { valid: false, description: 'Annotation needs a study with a CT or MR series' };
}

/** What the mode's enter and exit hooks get from OHIF (the part used here). */
export interface ModeContext {
  servicesManager: { services: { displaySetService?: { setUnsuportedSOPClassHandler?(sopClassHandlerId: string): void } } };
}

type ModeHook = (this: unknown, context: ModeContext) => void;

interface SegmentationModeInstance {
  extensions?: Record<string, string>;
  sopClassHandlers?: string[];
  onModeEnter?: ModeHook;
  onModeExit?: ModeHook;
  [key: string]: unknown;
}

export class BlindingUnavailableError extends Error {
  override readonly name = 'BlindingUnavailableError';
}

/** DisplaySetService keeps one unsupported-series handler per page (OHIF spells the setter this way). */
function setUnsupportedSeriesHandler(context: ModeContext, sopClassHandlerId: string): void {
  const displaySetService = context.servicesManager.services.displaySetService;
  if (!displaySetService?.setUnsuportedSOPClassHandler) {
    throw new BlindingUnavailableError('this OHIF viewer cannot hide other readers\' SEG and SR series (DisplaySetService.setUnsuportedSOPClassHandler is missing): the annotate mode cannot be blinded');
  }
  displaySetService.setUnsuportedSOPClassHandler(sopClassHandlerId);
}

/**
 * The annotator's mode. It builds on OHIF's segmentation mode — its tool groups carry OHIF's own
 * Brush, Eraser and Threshold tools and its toolbar their buttons, which the labelmap segmentation
 * panel shows — and changes what is loaded and shown:
 * - Blinding: only the image stack SOP class handler is registered, so no SEG (nor RTSTRUCT, SR)
 *   of the study is loaded; and while the mode is on, series no handler takes go to SegQC's
 *   blinded handler, which gives other readers' objects no display set at all, so the series
 *   list does not show them either (OHIF would list them as "unsupported", with their description).
 * - Right panel: one tab holding SegQC's annotate panel (identity, SOP, checklist, Save) and, under
 *   it, OHIF's labelmap segmentation panel with its tools, so that the checklist and Save are beside
 *   the brush (OHIF stacks the panels of a nested list in one tab, under the first one's icon).
 * - The segmentation panel is editable (the basic modes switch editing off).
 */
export function annotateMode<Segmentation extends SegmentationModeInstance>(segmentation: Segmentation, modeBundleUrl: string) {
  const layout = {
    id: OHIF_IDS.viewerLayout,
    props: {
      leftPanels: [OHIF_IDS.seriesListPanel],
      leftPanelResizable: true,
      rightPanels: [[PANEL_IDS.annotate, OHIF_IDS.labelMapSegmentationPanel]],
      rightPanelResizable: true,
      rightPanelClosed: false,
      viewports: [{ namespace: OHIF_IDS.cornerstoneViewport, displaySetsToDisplay: [OHIF_IDS.stackSopClassHandler] }],
    },
  };
  return {
    ...segmentation,
    id: ANNOTATE_MODE_ID,
    routeName: ANNOTATE_ROUTE_NAME,
    displayName: ANNOTATE_DISPLAY_NAME,
    hide: false,
    isValidMode: isValidAnnotateMode,
    routes: [{ path: ANNOTATE_ROUTE_NAME, layoutTemplate: () => layout }],
    extensions: {
      ...segmentation.extensions,
      '@ohif/extension-default': '^3.0.0',
      '@ohif/extension-cornerstone': '^3.0.0',
      [extensionBundleUrl(modeBundleUrl)]: `^${EXTENSION_VERSION}`,
    },
    hangingProtocol: 'default',
    sopClassHandlers: [OHIF_IDS.stackSopClassHandler],
    modeCustomizations: { 'panelSegmentation.disableEditing': false },
    onModeEnter(this: unknown, context: ModeContext) {
      // Before the study's series are loaded, which OHIF does after this hook.
      setUnsupportedSeriesHandler(context, SOP_CLASS_HANDLER_IDS.blindedDerivedObjects);
      segmentation.onModeEnter?.call(this, context);
    },
    onModeExit(this: unknown, context: ModeContext) {
      setUnsupportedSeriesHandler(context, OHIF_IDS.notSupportedSopClassHandler);
      segmentation.onModeExit?.call(this, context);
    },
  };
}

export default {
  id: ANNOTATE_MODE_ID,
  async modeFactory({ loadModules }: { loadModules: (names: string[]) => Promise<Array<{ modeInstance: SegmentationModeInstance }>> }) {
    const [segmentation] = await loadModules([OHIF_IDS.segmentationMode]);
    return annotateMode(segmentation.modeInstance, import.meta.url);
  },
};
