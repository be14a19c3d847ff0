// The two OHIF customizations that put the programme pages in the viewer, in the shapes OHIF 3.13
// reads them (routes/index.tsx createRoutes; routes/WorkList/StudyListSettingsPopover.tsx).
import { Component } from 'react';
import extension from '../index';
import { ANNOTATE_ROUTE, CUSTOMIZATION_IDS, PROGRAMME_ROUTES, REVIEW_ROUTE } from '../ids';
import { ROUTE_NAME } from '../../../../modes/segmentation-qc/src/index';
import { ANNOTATE_ROUTE_NAME } from '../../../../modes/segmentation-qc/src/annotateMode';
import { annotateRoute, reviewRoute } from './caseRoutes';
import { PROGRAMME_MENU_ITEMS, programmeCustomizations, type CustomRoute, type SettingsMenuItem } from './programmeCustomizations';

class Overview extends Component {}
class Dashboard extends Component {}

it('adds both pages as private routes rendering the given components', () => {
  const value = programmeCustomizations({ overview: Overview, dashboard: Dashboard });
  const { routes } = value[CUSTOMIZATION_IDS.customRoutes] as { routes: CustomRoute[] };
  expect(routes).toEqual([
    { path: '/qc-overview', children: Overview, private: true },
    { path: '/qc-dashboard', children: Dashboard, private: true },
  ]);
});

it('adds the pages after the study list settings menu’s own items; each item navigates to its page', () => {
  const visited: string[] = [];
  const value = programmeCustomizations({ overview: Overview, dashboard: Dashboard }, (route) => visited.push(route));
  const build = value[CUSTOMIZATION_IDS.studyListSettingsMenu] as (defaults: SettingsMenuItem[]) => SettingsMenuItem[];
  const about = { id: 'about', label: 'About', onClick: () => undefined };
  const items = build([about]);
  expect(items.map((item) => [item.id, item.label])).toEqual([
    ['about', 'About'],
    [PROGRAMME_MENU_ITEMS.overview.id, 'SegQC: QC overview'],
    [PROGRAMME_MENU_ITEMS.dashboard.id, 'SegQC: reliability dashboard'],
  ]);
  items[1].onClick();
  items[2].onClick();
  expect(visited).toEqual([PROGRAMME_ROUTES.overview, PROGRAMME_ROUTES.dashboard]);
});

it('the extension registers them as its global customization module, as the host merges it', () => {
  const modules = extension.getCustomizationModule({ servicesManager: { services: {} } });
  expect(modules.map((m) => m.name)).toEqual(['global']);
  const routes = (modules[0].value[CUSTOMIZATION_IDS.customRoutes] as { routes: CustomRoute[] }).routes;
  expect(routes.map((r) => r.path)).toEqual(Object.values(PROGRAMME_ROUTES));
  // The host renders each route's children as a class component (the island around SegQC's own React root).
  expect(routes.every((r) => typeof r.children === 'function' && r.children.prototype instanceof Component)).toBe(true);
});

it('links to a case go to the modes’ own routes', () => {
  expect([REVIEW_ROUTE, ANNOTATE_ROUTE]).toEqual([`/${ROUTE_NAME}`, `/${ANNOTATE_ROUTE_NAME}`]);
  expect(reviewRoute('1.2.3')).toBe('/segmentation-qc?StudyInstanceUIDs=1.2.3');
  expect(annotateRoute('1.2.3')).toBe('/segmentation-qc-annotate?StudyInstanceUIDs=1.2.3');
});
