import { EXTENSION_ID, PANEL_NAMES } from './ids';
import { makeIsland } from './island';
import { AnnotationsPanel } from './panels/AnnotationsPanel';
import type { ServicesManager } from './services';

/** The SegQC OHIF extension: the QC panel of a study's annotations. */
const segmentationQcExtension = {
  id: EXTENSION_ID,

  getPanelModule({ servicesManager }: { servicesManager: ServicesManager }) {
    return [
      {
        name: PANEL_NAMES.annotations,
        iconName: 'tab-segmentation',
        iconLabel: 'QC',
        label: 'Segmentation QC',
        component: makeIsland(AnnotationsPanel, { servicesManager }),
      },
    ];
  },
};

export default segmentationQcExtension;
