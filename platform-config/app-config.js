/** @type {AppTypes.Config} */
// OHIF app-config for SegQC. `npm start` serves this file as /app-config.js; in an existing OHIF
// deployment, merge the two SegQC lines (extensions, modes) into your own app-config.
window.config = {
  name: 'segqc',
  routerBasename: null,
  // SegQC is loaded at run time as two ES-module bundles; the prebuilt viewer import()s these URLs.
  extensions: ['/segqc/segqc-extension.js'],
  modes: ['/segqc/segqc-mode.js', '/segqc/segqc-annotate-mode.js'],
  customizationService: {},
  investigationalUseDialog: { option: 'never' },
  showStudyList: true,
  maxNumberOfWebWorkers: 2,
  showWarningMessageForCrossOrigin: false,
  showCPUFallbackMessage: true,
  showLoadingIndicator: true,
  strictZSpacingForVolumeViewport: true,
  groupEnabledModesFirst: true,
  maxNumRequests: { interaction: 100, thumbnail: 5, prefetch: 10 },
  defaultDataSourceName: 'pacs',
  dataSources: [
    {
      namespace: '@ohif/extension-default.dataSourcesModule.dicomweb',
      sourceName: 'pacs',
      configuration: {
        friendlyName: 'SegQC PACS (DICOMweb, same origin)',
        name: 'pacs',
        // Same origin: the SegQC server (or your reverse proxy) forwards /dicom-web to the PACS.
        wadoUriRoot: '/dicom-web',
        qidoRoot: '/dicom-web',
        wadoRoot: '/dicom-web',
        qidoSupportsIncludeField: false,
        imageRendering: 'wadors',
        thumbnailRendering: 'wadors',
        enableStudyLazyLoad: true,
        supportsFuzzyMatching: false,
        supportsWildcard: true,
        staticWado: false,
        singlepart: 'bulkdata,video',
        bulkDataURI: { enabled: true, relativeResolution: 'studies' },
        omitQuotationForMultipartRequest: true,
        dicomUploadEnabled: true,
      },
    },
  ],
};
