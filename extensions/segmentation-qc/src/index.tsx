import { getCommandsModule } from './commandsModule';
import type { ExtensionManager } from './dataSourceRoot';
import { EXTENSION_ID, PANEL_NAMES } from './ids';
import { makeIsland } from './island';
import { AnnotationsPanel } from './panels/AnnotationsPanel';
import type { ServicesManager } from './services';

/** The SegQC OHIF extension: the QC panel of a study's annotations, and the durable outbox to the PACS. */
const segmentationQcExtension = {
  id: EXTENSION_ID,

  getCommandsModule,

  getPanelModule({ servicesManager, extensionManager }: { servicesManager: ServicesManager; extensionManager: ExtensionManager }) {
    return [
      {
        name: PANEL_NAMES.annotations,
        iconName: 'tab-segmentation',
        iconLabel: 'QC',
        label: 'Segmentation QC',
        component: makeIsland(AnnotationsPanel, { servicesManager, extensionManager }),
      },
    ];
  },
};

export default segmentationQcExtension;
