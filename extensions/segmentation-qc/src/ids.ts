import packageJson from '../package.json';

/** Every module id SegQC registers with OHIF, derived from the package name (OHIF's id.js convention). */
export const EXTENSION_ID = packageJson.name;
export const EXTENSION_VERSION = packageJson.version;

export const PANEL_NAMES = { annotations: 'segqc-annotations', annotate: 'segqc-annotate' } as const;

export const PANEL_IDS = {
  annotations: `${EXTENSION_ID}.panelModule.${PANEL_NAMES.annotations}`,
  annotate: `${EXTENSION_ID}.panelModule.${PANEL_NAMES.annotate}`,
} as const;

/** SOP class handlers SegQC registers. */
export const SOP_CLASS_HANDLER_NAMES = { blindedDerivedObjects: 'segqc-blinded-derived-objects' } as const;

export const SOP_CLASS_HANDLER_IDS = {
  blindedDerivedObjects: `${EXTENSION_ID}.sopClassHandlerModule.${SOP_CLASS_HANDLER_NAMES.blindedDerivedObjects}`,
} as const;

/** Commands SegQC registers (commandsManager.runCommand(name, options)). */
export const COMMAND_NAMES = { storeInPacs: 'segqcStoreInPacs' } as const;

/** OHIF's own modules that the Segmentation QC mode uses. */
export const OHIF_IDS = {
  seriesListPanel: '@ohif/extension-default.panelModule.seriesList',
  segmentationPanel: '@ohif/extension-cornerstone.panelModule.panelSegmentation',
  viewerLayout: '@ohif/extension-default.layoutTemplateModule.viewerLayout',
  cornerstoneViewport: '@ohif/extension-cornerstone.viewportModule.cornerstone',
  segViewport: '@ohif/extension-cornerstone-dicom-seg.viewportModule.dicom-seg',
  stackSopClassHandler: '@ohif/extension-default.sopClassHandlerModule.stack',
  segSopClassHandler: '@ohif/extension-cornerstone-dicom-seg.sopClassHandlerModule.dicom-seg',
  srViewport: '@ohif/extension-cornerstone-dicom-sr.viewportModule.dicom-sr',
  srSopClassHandler: '@ohif/extension-cornerstone-dicom-sr.sopClassHandlerModule.dicom-sr',
  sr3dSopClassHandler: '@ohif/extension-cornerstone-dicom-sr.sopClassHandlerModule.dicom-sr-3d',
  basicMode: '@ohif/mode-basic',
  /** OHIF's handler for series no registered SOP class handler takes (shown as "unsupported"). */
  notSupportedSopClassHandler: '@ohif/extension-default.sopClassHandlerModule.not-supported-display-sets-handler',
  /** OHIF's segmentation mode: brush tool groups, segmentation toolbox; the annotate mode builds on it. */
  segmentationMode: '@ohif/mode-segmentation',
  /** OHIF's segmentation panel with the labelmap editing tools (Brush, Eraser, Threshold…). */
  labelMapSegmentationPanel: '@ohif/extension-cornerstone.panelModule.panelSegmentationWithToolsLabelMap',
} as const;

/** Pages SegQC adds to the viewer outside any study (OHIF's `routes.customRoutes` customization). */
// Outside /segqc/, where the bundles are served: these paths load the viewer's index.html, so they can be opened directly.
export const PROGRAMME_ROUTES = { overview: '/qc-overview', dashboard: '/qc-dashboard' } as const;

/** The review flow's route: the Segmentation QC mode's routeName (modes/segmentation-qc ROUTE_NAME). */
export const REVIEW_ROUTE = '/segmentation-qc';

/** The annotator's route: the annotate mode's routeName (modes/segmentation-qc ANNOTATE_ROUTE_NAME). */
export const ANNOTATE_ROUTE = '/segmentation-qc-annotate';

/** OHIF customizations SegQC sets (global scope, from the extension's customization module). */
export const CUSTOMIZATION_IDS = { customRoutes: 'routes.customRoutes', studyListSettingsMenu: 'workList.settingsMenuItems' } as const;
