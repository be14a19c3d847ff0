import mode, { DISPLAY_NAME, ROUTE_NAME, isValidMode, segmentationQcMode } from './index';
import { PANEL_IDS, OHIF_IDS } from '@segqc/extension-segmentation-qc/ids';

const basic = {
  id: '@ohif/mode-basic',
  extensions: { '@ohif/extension-measurement-tracking': '^3.0.0' },
  sopClassHandlers: ['@ohif/extension-dicom-pdf.sopClassHandlerModule.dicom-pdf', '@ohif/extension-cornerstone-dicom-sr.sopClassHandlerModule.dicom-sr'],
  toolbarSections: { primary: ['WindowLevel'] },
};

test('offered in the study list only for studies with a SEG', () => {
  expect(isValidMode({ modalities: 'CT\\SEG' }).valid).toBe(true);
  expect(isValidMode({ modalities: 'MR\\SEG\\SR' }).valid).toBe(true);
  expect(isValidMode({ modalities: 'CT' })).toEqual({ valid: false, description: expect.stringContaining('SEG') });
  expect(isValidMode({}).valid).toBe(false);
});

test('route segmentation-qc, named "Segmentation QC", with the QC and segmentation panels on the right', () => {
  const instance = segmentationQcMode(basic, 'https://viewer.example/plugins/segqc/segqc-mode.js');
  expect([instance.routeName, instance.displayName, ROUTE_NAME, DISPLAY_NAME]).toEqual(['segmentation-qc', 'Segmentation QC', 'segmentation-qc', 'Segmentation QC']);
  const layout = instance.routes[0].layoutTemplate();
  expect(instance.routes[0].path).toBe('segmentation-qc');
  expect(layout.props.leftPanels).toEqual([OHIF_IDS.seriesListPanel]);
  expect(layout.props.rightPanels).toEqual([PANEL_IDS.annotations, OHIF_IDS.segmentationPanel]);
});

test('keeps the basic mode (toolbar, its extensions and SOP class handlers) and loads our extension from beside the mode bundle', () => {
  const instance = segmentationQcMode(basic, 'https://viewer.example/plugins/segqc/segqc-mode.js');
  expect(instance.toolbarSections).toBe(basic.toolbarSections);
  expect(instance.extensions).toMatchObject({
    '@ohif/extension-measurement-tracking': '^3.0.0',
    '@ohif/extension-cornerstone-dicom-seg': '^3.0.0',
    'https://viewer.example/plugins/segqc/segqc-extension.js': expect.stringMatching(/^\^\d+\.\d+\.\d+$/),
  });
  expect(instance.sopClassHandlers).toEqual([OHIF_IDS.segSopClassHandler, OHIF_IDS.srSopClassHandler, OHIF_IDS.sr3dSopClassHandler, OHIF_IDS.stackSopClassHandler, basic.sopClassHandlers[0]]);
});

test('the mode module builds on @ohif/mode-basic through loadModules', async () => {
  const requested: string[][] = [];
  const instance = await mode.modeFactory({ loadModules: async (names) => (requested.push(names), [{ modeInstance: basic }]) });
  expect(requested).toEqual([[OHIF_IDS.basicMode]]);
  expect(instance.id).toBe(mode.id);
});
