import extension from './index';
import { EXTENSION_ID, PANEL_IDS, PANEL_NAMES } from './ids';
import packageJson from '../package.json';

// The mode names our panels by these ids; a renamed panel must fail here, not as an empty layout.
test('the extension id is the package name', () => {
  expect(extension.id).toBe(packageJson.name);
  expect(EXTENSION_ID).toBe('@segqc/extension-segmentation-qc');
});

test('every panel id names a panel the extension registers', () => {
  const registered = extension.getPanelModule({ servicesManager: { services: {} } }).map((panel) => `${extension.id}.panelModule.${panel.name}`);
  expect(registered.sort()).toEqual(Object.values(PANEL_IDS).sort());
  expect(Object.keys(PANEL_NAMES)).toEqual(Object.keys(PANEL_IDS));
});
