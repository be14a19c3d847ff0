/** Every module id SegQC registers with OHIF, derived from the package name (OHIF's id.js convention). */
export declare const EXTENSION_ID: string;
export declare const EXTENSION_VERSION: string;
export declare const PANEL_NAMES: {
    readonly annotations: "segqc-annotations";
};
export declare const PANEL_IDS: {
    readonly annotations: `${string}.panelModule.segqc-annotations`;
};
/** OHIF's own modules that the Segmentation QC mode uses. */
export declare const OHIF_IDS: {
    readonly seriesListPanel: "@ohif/extension-default.panelModule.seriesList";
    readonly segmentationPanel: "@ohif/extension-cornerstone.panelModule.panelSegmentation";
    readonly viewerLayout: "@ohif/extension-default.layoutTemplateModule.viewerLayout";
    readonly cornerstoneViewport: "@ohif/extension-cornerstone.viewportModule.cornerstone";
    readonly segViewport: "@ohif/extension-cornerstone-dicom-seg.viewportModule.dicom-seg";
    readonly stackSopClassHandler: "@ohif/extension-default.sopClassHandlerModule.stack";
    readonly segSopClassHandler: "@ohif/extension-cornerstone-dicom-seg.sopClassHandlerModule.dicom-seg";
    readonly basicMode: "@ohif/mode-basic";
};
