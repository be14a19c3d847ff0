/**
 * The programme pages in the viewer, through two customizations OHIF 3.13 reads:
 * - `routes.customRoutes` (platform/app/src/routes/index.tsx, createRoutes): `{ routes }`, each route
 *   `{ path, children, private? }`, added beside the study list, outside any mode or study. The host
 *   renders `children` as a component with `servicesManager` and `extensionManager` among its props;
 *   `private` routes ask the user authentication service to sign the user in first.
 * - `workList.settingsMenuItems` (routes/WorkList/StudyListSettingsPopover.tsx): a function from the
 *   default items of the study list's settings menu (the gear by the study list and its preview) to
 *   the items shown, each `{ id, label, onClick }`. SegQC adds its two pages after the defaults.
 * Both are set in the extension's `global` customization module, which appInit merges after the
 * extensions register and before the routes are created.
 */
import type { ComponentClass } from 'react';
import { CUSTOMIZATION_IDS, PROGRAMME_ROUTES } from '../ids';
import { navigateInViewer } from './navigateInViewer';

export interface SettingsMenuItem {
  id: string;
  label: string;
  onClick: () => void;
}

export interface CustomRoute {
  path: string;
  children: ComponentClass;
  private: boolean;
}

export const PROGRAMME_MENU_ITEMS = {
  overview: { id: 'segqc-qc-overview', label: 'SegQC: QC overview' },
  dashboard: { id: 'segqc-reliability-dashboard', label: 'SegQC: reliability dashboard' },
} as const;

/** The customizations, given each page as the component the host renders (an island around SegQC's React root). */
export function programmeCustomizations(pages: { overview: ComponentClass; dashboard: ComponentClass }, navigate: (route: string) => void = navigateInViewer) {
  const routes: CustomRoute[] = [
    { path: PROGRAMME_ROUTES.overview, children: pages.overview, private: true },
    { path: PROGRAMME_ROUTES.dashboard, children: pages.dashboard, private: true },
  ];
  const settingsMenuItems = (defaults: readonly SettingsMenuItem[]): SettingsMenuItem[] => [
    ...(Array.isArray(defaults) ? defaults : []),
    { ...PROGRAMME_MENU_ITEMS.overview, onClick: () => navigate(PROGRAMME_ROUTES.overview) },
    { ...PROGRAMME_MENU_ITEMS.dashboard, onClick: () => navigate(PROGRAMME_ROUTES.dashboard) },
  ];
  return {
    [CUSTOMIZATION_IDS.customRoutes]: { routes },
    [CUSTOMIZATION_IDS.studyListSettingsMenu]: settingsMenuItems,
  };
}
