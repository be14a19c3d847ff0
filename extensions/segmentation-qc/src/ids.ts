import packageJson from '../package.json';

/** Every module id SegQC registers with OHIF, derived from the package name (OHIF's id.js convention). */
export const EXTENSION_ID = packageJson.name;
export const EXTENSION_VERSION = packageJson.version;

export const PANEL_NAMES = { annotations: 'segqc-annotations' } as const;

export const PANEL_IDS = {
  annotations: `${EXTENSION_ID}.panelModule.${PANEL_NAMES.annotations}`,
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
} as const;
