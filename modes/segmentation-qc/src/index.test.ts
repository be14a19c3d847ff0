import mode, { DISPLAY_NAME, ROUTE_NAME, SEGMENTATION_EDITING_PACKS, isValidMode, segmentationQcMode } from './index';
import { PANEL_IDS, OHIF_IDS } from '@segqc/extension-segmentation-qc/ids';

// The reviewer's mode is OHIF's basic mode (toolbar, tool groups with the SR viewport's, enter and
// exit hooks) with SegQC's panel, image/SEG/SR viewports, and OHIF's segmentation editing added
// the way OHIF's own `segmentationEditing` customization adds it: the adjudicator edits a
// reference with OHIF's Brush and Eraser from the labelmap segmentation panel.
const basic = {
  id: '@ohif/mode-basic',
  extensions: { '@ohif/extension-measurement-tracking': '^3.0.0' },
  sopClassHandlers: ['@ohif/extension-dicom-pdf.sopClassHandlerModule.dicom-pdf', '@ohif/extension-cornerstone-dicom-sr.sopClassHandlerModule.dicom-sr'],
  toolbarButtons: [{ $reference: 'cornerstone.toolbarButtons' }],
  toolbarSections: { primary: ['WindowLevel'] },
  toolGroupAdditions: { default: [], mpr: [], SRToolGroup: [], volume3d: [] },
  initToolGroups: () => undefined,
  onModeEnter: () => undefined,
  modeCustomizations: 'basicModeCustomizations',
};
const bundleUrl = 'https://viewer.example/plugins/segqc/segqc-mode.js';

test('offered in the study list only for studies with a SEG', () => {
  expect(isValidMode({ modalities: 'CT\\SEG' }).valid).toBe(true);
  expect(isValidMode({ modalities: 'MR\\SEG\\SR' }).valid).toBe(true);
  expect(isValidMode({ modalities: 'CT' })).toEqual({ valid: false, description: expect.stringContaining('SEG') });
  expect(isValidMode({}).valid).toBe(false);
});

test('route segmentation-qc, named "Segmentation QC", with the QC panel and OHIF\'s labelmap panel with its tools on the right', () => {
  const instance = segmentationQcMode(basic, bundleUrl);
  expect([instance.routeName, instance.displayName, ROUTE_NAME, DISPLAY_NAME]).toEqual(['segmentation-qc', 'Segmentation QC', 'segmentation-qc', 'Segmentation QC']);
  const layout = instance.routes[0].layoutTemplate();
  expect(instance.routes[0].path).toBe('segmentation-qc');
  expect(layout.props.leftPanels).toEqual([OHIF_IDS.seriesListPanel]);
  expect(layout.props.rightPanels).toEqual([PANEL_IDS.annotations, OHIF_IDS.labelMapSegmentationPanel]);
});

test('image, SEG and SR viewports: QC reports open in OHIF\'s SR viewport', () => {
  const { props } = segmentationQcMode(basic, bundleUrl).routes[0].layoutTemplate();
  expect(props.viewports).toEqual([
    { namespace: OHIF_IDS.cornerstoneViewport, displaySetsToDisplay: [OHIF_IDS.stackSopClassHandler] },
    { namespace: OHIF_IDS.segViewport, displaySetsToDisplay: [OHIF_IDS.segSopClassHandler] },
    { namespace: OHIF_IDS.srViewport, displaySetsToDisplay: [OHIF_IDS.srSopClassHandler, OHIF_IDS.sr3dSopClassHandler] },
  ]);
});

test('keeps the basic mode (hooks, tool groups, its extensions and SOP class handlers) and loads our extension from beside the mode bundle', () => {
  const instance = segmentationQcMode(basic, bundleUrl);
  expect(instance.onModeEnter).toBe(basic.onModeEnter);
  expect(instance.initToolGroups).toBe(basic.initToolGroups);
  expect(instance.extensions).toMatchObject({
    '@ohif/extension-measurement-tracking': '^3.0.0',
    '@ohif/extension-cornerstone-dicom-seg': '^3.0.0',
    '@ohif/extension-cornerstone-dicom-sr': '^3.0.0',
    'https://viewer.example/plugins/segqc/segqc-extension.js': expect.stringMatching(/^\^\d+\.\d+\.\d+$/),
  });
  expect(instance.sopClassHandlers).toEqual([OHIF_IDS.segSopClassHandler, OHIF_IDS.srSopClassHandler, OHIF_IDS.sr3dSopClassHandler, OHIF_IDS.stackSopClassHandler, basic.sopClassHandlers[0]]);
});

test('adds OHIF\'s segmentation editing: toolbox buttons and sections after basic\'s, brush tools in the image tool groups, an editable panel', () => {
  const instance = segmentationQcMode(basic, bundleUrl);
  expect(instance.toolbarButtons).toEqual([{ $reference: 'cornerstone.toolbarButtons' }, { $reference: SEGMENTATION_EDITING_PACKS.toolbarButtons }]);
  expect(instance.toolbarSections).toEqual([{ primary: ['WindowLevel'] }, { $reference: SEGMENTATION_EDITING_PACKS.toolbarSections }]);
  expect(instance.toolGroupAdditions).toEqual({
    default: [{ $reference: SEGMENTATION_EDITING_PACKS.tools }],
    mpr: [{ $reference: SEGMENTATION_EDITING_PACKS.tools }],
    SRToolGroup: [],
    volume3d: [],
  });
  expect(instance.modeCustomizations).toEqual({ 'panelSegmentation.disableEditing': false });
  // The names of the packs the cornerstone extension of OHIF 3.13 registers.
  expect(SEGMENTATION_EDITING_PACKS).toEqual({ toolbarButtons: 'cornerstone.segmentationToolbarButtons', toolbarSections: 'cornerstone.segmentationToolbarSections', tools: 'cornerstone.segmentationTools' });
});

test('a basic mode without composition of its own still gets the editing packs', () => {
  const instance = segmentationQcMode({ id: '@ohif/mode-basic' }, bundleUrl);
  expect(instance.toolbarButtons).toEqual([{ $reference: SEGMENTATION_EDITING_PACKS.toolbarButtons }]);
  expect(instance.toolGroupAdditions).toEqual({ default: [{ $reference: SEGMENTATION_EDITING_PACKS.tools }], mpr: [{ $reference: SEGMENTATION_EDITING_PACKS.tools }] });
});

test('the mode module builds on @ohif/mode-basic through loadModules', async () => {
  const requested: string[][] = [];
  const instance = await mode.modeFactory({ loadModules: async (names) => (requested.push(names), [{ modeInstance: basic }]) });
  expect(requested).toEqual([[OHIF_IDS.basicMode]]);
  expect(instance.id).toBe(mode.id);
});
