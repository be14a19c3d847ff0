import mode, { ANNOTATE_DISPLAY_NAME, ANNOTATE_MODE_ID, ANNOTATE_ROUTE_NAME, BlindingUnavailableError, annotateMode, isValidAnnotateMode, type ModeContext } from './annotateMode';
import qcMode from './index';
import { OHIF_IDS, PANEL_IDS, SOP_CLASS_HANDLER_IDS } from '@segqc/extension-segmentation-qc/ids';

// The annotator must segment with OHIF's own tools, under a SOP, and never see another annotator's
// SEG: the mode builds on OHIF's segmentation mode (brush tool groups and toolbox) and registers
// no SOP class handler but the image stack's, so no SEG of the study becomes a display set.
const segmentation = {
  id: '@ohif/mode-segmentation',
  extensions: { '@ohif/extension-cornerstone-dicom-seg': '^3.0.0' },
  sopClassHandlers: [OHIF_IDS.stackSopClassHandler, OHIF_IDS.segSopClassHandler, '@ohif/extension-cornerstone-dicom-rt.sopClassHandlerModule.dicom-rt'],
  toolbarButtons: [{ $reference: 'cornerstone.segmentationToolbarButtons' }],
  initToolGroups: () => undefined,
  modeCustomizations: 'segmentationModeCustomizations',
};
const bundleUrl = 'https://viewer.example/plugins/segqc/segqc-annotate-mode.js';

test('offered for CT and MR studies', () => {
  expect(isValidAnnotateMode({ modalities: 'CT\\SEG' }).valid).toBe(true);
  expect(isValidAnnotateMode({ modalities: 'MR' }).valid).toBe(true);
  expect(isValidAnnotateMode({ modalities: 'SEG\\SR' })).toEqual({ valid: false, description: expect.stringContaining('CT or MR') });
  expect(isValidAnnotateMode({}).valid).toBe(false);
});

test('route segmentation-qc-annotate, its own mode id, the annotate and labelmap tool panels in one tab on the right', () => {
  const instance = annotateMode(segmentation, bundleUrl);
  expect([instance.id, instance.routeName, instance.displayName]).toEqual([ANNOTATE_MODE_ID, ANNOTATE_ROUTE_NAME, ANNOTATE_DISPLAY_NAME]);
  expect([ANNOTATE_ROUTE_NAME, ANNOTATE_DISPLAY_NAME]).toEqual(['segmentation-qc-annotate', 'Segmentation QC — annotate']);
  expect(ANNOTATE_MODE_ID).not.toBe(qcMode.id);
  expect(instance.routes[0].path).toBe(ANNOTATE_ROUTE_NAME);
  const { props } = instance.routes[0].layoutTemplate();
  // Issue 16: the checklist and Save were on another tab than the brush; one tab holds both now.
  expect(props.rightPanels).toEqual([[PANEL_IDS.annotate, OHIF_IDS.labelMapSegmentationPanel]]);
  expect(props.viewports).toEqual([{ namespace: OHIF_IDS.cornerstoneViewport, displaySetsToDisplay: [OHIF_IDS.stackSopClassHandler] }]);
});

test('blinded: only the image stack SOP class handler, never the SEG one', () => {
  const instance = annotateMode(segmentation, bundleUrl);
  expect(instance.sopClassHandlers).toEqual([OHIF_IDS.stackSopClassHandler]);
});

test('while the mode is on, series no handler takes go to the blinded handler; OHIF\'s is put back on exit', () => {
  const calls: string[] = [];
  const context: ModeContext = { servicesManager: { services: { displaySetService: { setUnsuportedSOPClassHandler: (id) => void calls.push(`handler ${id}`) } } } };
  const instance = annotateMode(
    { ...segmentation, onModeEnter: () => void calls.push('segmentation enter'), onModeExit: () => void calls.push('segmentation exit') },
    bundleUrl,
  );
  instance.onModeEnter.call(instance, context);
  instance.onModeExit.call(instance, context);
  expect(calls).toEqual([`handler ${SOP_CLASS_HANDLER_IDS.blindedDerivedObjects}`, 'segmentation enter', `handler ${OHIF_IDS.notSupportedSopClassHandler}`, 'segmentation exit']);
  expect(() => instance.onModeEnter.call(instance, { servicesManager: { services: {} } })).toThrow(BlindingUnavailableError);
});

test('keeps the segmentation mode tools, makes its panel editable and loads our extension from beside the bundle', () => {
  const instance = annotateMode(segmentation, bundleUrl);
  expect(instance.toolbarButtons).toBe(segmentation.toolbarButtons);
  expect(instance.initToolGroups).toBe(segmentation.initToolGroups);
  expect(instance.modeCustomizations).toEqual({ 'panelSegmentation.disableEditing': false });
  expect(instance.extensions).toMatchObject({
    '@ohif/extension-cornerstone-dicom-seg': '^3.0.0',
    'https://viewer.example/plugins/segqc/segqc-extension.js': expect.stringMatching(/^\^\d+\.\d+\.\d+$/),
  });
});

test('the mode module builds on @ohif/mode-segmentation through loadModules', async () => {
  const requested: string[][] = [];
  const instance = await mode.modeFactory({ loadModules: async (names) => (requested.push(names), [{ modeInstance: segmentation }]) });
  expect(requested).toEqual([[OHIF_IDS.segmentationMode]]);
  expect(instance.id).toBe(mode.id);
});
