import extension from './index';
import { COMMAND_NAMES, EXTENSION_ID, PANEL_IDS, PANEL_NAMES } from './ids';
import packageJson from '../package.json';

// The mode names our panels by these ids; a renamed panel must fail here, not as an empty layout.
test('the extension id is the package name', () => {
  expect(extension.id).toBe(packageJson.name);
  expect(EXTENSION_ID).toBe('@segqc/extension-segmentation-qc');
});

test('every panel id names a panel the extension registers', () => {
  const registered = extension
    .getPanelModule({ servicesManager: { services: {} }, extensionManager: { getActiveDataSource: () => [] } }).map((panel) => `${extension.id}.panelModule.${panel.name}`);
  expect(registered.sort()).toEqual(Object.values(PANEL_IDS).sort());
  expect(Object.keys(PANEL_NAMES)).toEqual(Object.keys(PANEL_IDS));
});

test('every command name is a command the extension defines', () => {
  const commands = extension.getCommandsModule({ servicesManager: { services: {} }, extensionManager: { getActiveDataSource: () => [] } });
  expect(Object.keys(commands.definitions).sort()).toEqual(Object.values(COMMAND_NAMES).sort());
});
