import { EXTENSION_VERSION, OHIF_IDS, PANEL_IDS } from '@segqc/extension-segmentation-qc/ids';
import packageJson from '../package.json';

export const MODE_ID = packageJson.name;
export const ROUTE_NAME = 'segmentation-qc';
export const DISPLAY_NAME = 'Segmentation QC';
const EXTENSION_BUNDLE = 'segqc-extension.js';

/**
 * The extension bundle lies beside the mode bundle wherever a deployment puts them. The host
 * import()s every key of `extensions` that is not one of its own modules, so the key is its URL.
 */
function extensionBundleUrl(modeBundleUrl: string): string {
  return new URL(EXTENSION_BUNDLE, modeBundleUrl).href;
}

/** Studies with at least one SEG: the mode is offered for them in the study list. */
export function isValidMode({ modalities }: { modalities?: string }) {
  const present = (modalities ?? '').split('\\');
  return present.includes('SEG')
    ? { valid: true, description: 'Review the segmentations of this study' }
    : { valid: false, description: 'Segmentation QC needs a study with at least one segmentation (SEG)' };
}

interface BasicModeInstance {
  extensions?: Record<string, string>;
  sopClassHandlers?: string[];
  [key: string]: unknown;
}

export function segmentationQcMode<Basic extends BasicModeInstance>(basic: Basic, modeBundleUrl: string) {
  const layout = {
    id: OHIF_IDS.viewerLayout,
    props: {
      leftPanels: [OHIF_IDS.seriesListPanel],
      leftPanelResizable: true,
      rightPanels: [PANEL_IDS.annotations, OHIF_IDS.segmentationPanel],
      rightPanelResizable: true,
      rightPanelClosed: false,
      viewports: [
        { namespace: OHIF_IDS.cornerstoneViewport, displaySetsToDisplay: [OHIF_IDS.stackSopClassHandler] },
        { namespace: OHIF_IDS.segViewport, displaySetsToDisplay: [OHIF_IDS.segSopClassHandler] },
        // QC reports (TID 1500 SR) open in OHIF's own SR viewport, measurements listed.
        { namespace: OHIF_IDS.srViewport, displaySetsToDisplay: [OHIF_IDS.srSopClassHandler, OHIF_IDS.sr3dSopClassHandler] },
      ],
    },
  };
  return {
    // OHIF's basic viewer mode gives the toolbar, tool groups (segmentation tools included) and
    // the enter/exit hooks; SegQC changes the layout and where it is offered.
    ...basic,
    id: MODE_ID,
    routeName: ROUTE_NAME,
    displayName: DISPLAY_NAME,
    hide: false,
    isValidMode,
    routes: [{ path: ROUTE_NAME, layoutTemplate: () => layout }],
    extensions: {
      ...basic.extensions,
      '@ohif/extension-default': '^3.0.0',
      '@ohif/extension-cornerstone': '^3.0.0',
      '@ohif/extension-cornerstone-dicom-seg': '^3.0.0',
      '@ohif/extension-cornerstone-dicom-sr': '^3.0.0',
      [extensionBundleUrl(modeBundleUrl)]: `^${EXTENSION_VERSION}`,
    },
    hangingProtocol: 'default',
    sopClassHandlers: [
      ...new Set([OHIF_IDS.segSopClassHandler, OHIF_IDS.srSopClassHandler, OHIF_IDS.sr3dSopClassHandler, OHIF_IDS.stackSopClassHandler, ...(basic.sopClassHandlers ?? [])]),
    ],
  };
}

export default {
  id: MODE_ID,
  async modeFactory({ loadModules }: { loadModules: (names: string[]) => Promise<Array<{ modeInstance: BasicModeInstance }>> }) {
    const [basic] = await loadModules([OHIF_IDS.basicMode]);
    return segmentationQcMode(basic.modeInstance, import.meta.url);
  },
};
