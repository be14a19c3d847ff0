import { getCommandsModule } from './commandsModule';
import { removeIdentityFromLocalStorage } from './identity/selfDeclaredIdentity';
import { clearOutboxOnSignOut } from './signIn/clearOutboxOnSignOut';
import { withSelfDeclaredBanner } from './signIn/withSelfDeclaredBanner';
import type { ExtensionManager } from './dataSourceRoot';
import { EXTENSION_ID, PANEL_NAMES } from './ids';
import { makeIsland } from './island';
import { AnnotationsPanel } from './panels/AnnotationsPanel';
import { AnnotatePanel } from './annotate/AnnotatePanel';
import { blindedDerivedObjectsHandler, type SopClassHandlerRegistry } from './annotate/blindedDerivedObjectsHandler';
import type { ServicesManager, UserAuthenticationService } from './services';
import { DashboardPage } from './programme/DashboardPage';
import { OverviewPage } from './programme/OverviewPage';
import { programmeCustomizations } from './programme/programmeCustomizations';

/** The SegQC OHIF extension: the QC panel of a study's annotations, and the durable outbox to the PACS. */
const segmentationQcExtension = {
  id: EXTENSION_ID,

  /** At the viewer's load: no identity left in localStorage by earlier versions; the outbox cleared at sign-out. */
  preRegistration({ servicesManager }: { servicesManager: ServicesManager }) {
    removeIdentityFromLocalStorage();
    clearOutboxOnSignOut(() => servicesManager.services.userAuthenticationService as UserAuthenticationService);
  },

  getCommandsModule,

  /** The annotate mode's blinding: other readers' SEG, RTSTRUCT, SR… series get no display set. */
  getSopClassHandlerModule({ extensionManager }: { extensionManager: SopClassHandlerRegistry }) {
    return [blindedDerivedObjectsHandler(extensionManager)];
  },

  /** The QC overview and the reliability dashboard: pages of their own, reached from the study list (programme/programmeCustomizations). */
  getCustomizationModule({ servicesManager }: { servicesManager: ServicesManager }) {
    return [
      {
        name: 'global',
        value: programmeCustomizations({
          overview: makeIsland(OverviewPage, { servicesManager }),
          dashboard: makeIsland(DashboardPage, { servicesManager }),
        }),
      },
    ];
  },

  getPanelModule({ servicesManager, extensionManager }: { servicesManager: ServicesManager; extensionManager: ExtensionManager }) {
    return [
      {
        name: PANEL_NAMES.annotations,
        iconName: 'tab-segmentation',
        iconLabel: 'QC',
        label: 'Segmentation QC',
        component: makeIsland(withSelfDeclaredBanner(AnnotationsPanel), { servicesManager, extensionManager }),
      },
      {
        // The annotator view (mode "Segmentation QC — annotate"): blinded to other annotators' SEGs.
        // Its tab also holds OHIF's segmentation tools; the brush icon tells it from the QC tab.
        name: PANEL_NAMES.annotate,
        iconName: 'icon-tool-brush',
        iconLabel: 'Annotate',
        label: 'Annotate',
        component: makeIsland(withSelfDeclaredBanner(AnnotatePanel), { servicesManager, extensionManager }),
      },
    ];
  },
};

export default segmentationQcExtension;
