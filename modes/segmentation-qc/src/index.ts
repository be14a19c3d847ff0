import { EXTENSION_VERSION, OHIF_IDS, PANEL_IDS } from '@segqc/extension-segmentation-qc/ids';
import packageJson from '../package.json';
import { extensionBundleUrl } from './extensionBundleUrl';

export const MODE_ID = packageJson.name;
export const ROUTE_NAME = 'segmentation-qc';
export const DISPLAY_NAME = 'Segmentation QC';

/**
 * The cornerstone extension's segmentation editing packs (customizations it registers), as OHIF's
 * own `segmentation/segmentationEditing` customization adds them to the basic mode: the toolbox
 * buttons (Brush, Eraser, Threshold…) and their sections, which the labelmap segmentation panel
 * renders, and the tools those buttons activate, for the mode's tool groups.
 */
export const SEGMENTATION_EDITING_PACKS = {
  toolbarButtons: 'cornerstone.segmentationToolbarButtons',
  toolbarSections: 'cornerstone.segmentationToolbarSections',
  tools: 'cornerstone.segmentationTools',
} as const;

/** The tool groups of the basic mode whose viewports show images a labelmap can be painted on. */
const EDITABLE_TOOL_GROUPS = ['default', 'mpr'] as const;

/** Studies with at least one SEG: the mode is offered for them in the study list. */
export function isValidMode({ modalities }: { modalities?: string }) {
  const present = (modalities ?? '').split('\\');
  return present.includes('SEG')
    ? { valid: true, description: 'Review the segmentations of this study' }
    : { valid: false, description: 'Segmentation QC needs a study with at least one segmentation (SEG)' };
}

type Reference = { $reference: string };
/** A composition value as OHIF takes it: one block or a list of blocks. */
type Composition = object | readonly object[];

interface BasicModeInstance {
  extensions?: Record<string, string>;
  sopClassHandlers?: string[];
  toolbarButtons?: Composition;
  toolbarSections?: Composition;
  toolGroupAdditions?: Record<string, Composition>;
  [key: string]: unknown;
}

const asList = (value: Composition | undefined): readonly object[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const reference = (name: string): Reference => ({ $reference: name });

/**
 * The reviewer's and adjudicator's mode. It builds on OHIF's basic mode — its toolbar, its tool
 * groups (the SR viewport's included) and its enter/exit hooks — and changes:
 * - the layout: SegQC's panel and OHIF's labelmap segmentation panel with its editing tools on
 *   the right; image, SEG and SR viewports;
 * - segmentation editing, composed the way OHIF's `segmentationEditing` customization does it:
 *   the Brush/Eraser toolbox and tools, and an editable segmentation panel (basic switches editing
 *   off), so the adjudicator edits a reference with OHIF's own brush. OHIF's segmentation mode is
 *   not the base: its enter hook switches to the segmentation panel whenever the first
 *   segmentation appears, which would hide SegQC's panel each time the reviewer shows an annotation.
 * - where it is offered (studies with a SEG).
 */
export function segmentationQcMode<Basic extends BasicModeInstance>(basic: Basic, modeBundleUrl: string) {
  const layout = {
    id: OHIF_IDS.viewerLayout,
    props: {
      leftPanels: [OHIF_IDS.seriesListPanel],
      leftPanelResizable: true,
      rightPanels: [PANEL_IDS.annotations, OHIF_IDS.labelMapSegmentationPanel],
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
  const toolGroupAdditions: Record<string, readonly object[]> = Object.fromEntries(Object.entries(basic.toolGroupAdditions ?? {}).map(([id, blocks]) => [id, asList(blocks)]));
  for (const id of EDITABLE_TOOL_GROUPS) toolGroupAdditions[id] = [...(toolGroupAdditions[id] ?? []), reference(SEGMENTATION_EDITING_PACKS.tools)];
  return {
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
    toolbarButtons: [...asList(basic.toolbarButtons), reference(SEGMENTATION_EDITING_PACKS.toolbarButtons)],
    toolbarSections: [...asList(basic.toolbarSections), reference(SEGMENTATION_EDITING_PACKS.toolbarSections)],
    toolGroupAdditions,
    // Replaces basic's block, whose only setting is `panelSegmentation.disableEditing: true`.
    modeCustomizations: { 'panelSegmentation.disableEditing': false },
  };
}

export default {
  id: MODE_ID,
  async modeFactory({ loadModules }: { loadModules: (names: string[]) => Promise<Array<{ modeInstance: BasicModeInstance }>> }) {
    const [basic] = await loadModules([OHIF_IDS.basicMode]);
    return segmentationQcMode(basic.modeInstance, import.meta.url);
  },
};
