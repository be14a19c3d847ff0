import extension from '../index';
import { OHIF_IDS, SOP_CLASS_HANDLER_IDS } from '../ids';
import { blindedDerivedObjectsHandler } from './blindedDerivedObjectsHandler';

// Blinding: in the annotate mode, another reader's SEG or SR must not even be listed in the series
// list (OHIF lists unhandled series as "unsupported", description included); images and other
// unhandled series still get OHIF's own unsupported display set.
const defaultHandled: unknown[][] = [];
const registry = {
  getModuleEntry: (id: string) =>
    id === OHIF_IDS.notSupportedSopClassHandler ? { getDisplaySetsFromSeries: (instances: unknown[]) => (defaultHandled.push(instances), [{ unsupported: true }]) } : undefined,
};

test('other readers\' objects get no display set; other series go to OHIF\'s unsupported handler', () => {
  const handler = blindedDerivedObjectsHandler(registry);
  for (const Modality of ['SEG', 'RTSTRUCT', 'SR', 'PR', 'KO', 'seg']) expect(handler.getDisplaySetsFromSeries([{ Modality }])).toEqual([]);
  expect(defaultHandled).toEqual([]);
  expect(handler.getDisplaySetsFromSeries([{ Modality: 'OT' }])).toEqual([{ unsupported: true }]);
  expect(defaultHandled).toEqual([[{ Modality: 'OT' }]]);
});

test('the extension registers it under the id the annotate mode installs', () => {
  const handlers = extension.getSopClassHandlerModule({ extensionManager: registry });
  expect(handlers.map((handler) => `${extension.id}.sopClassHandlerModule.${handler.name}`)).toEqual([SOP_CLASS_HANDLER_IDS.blindedDerivedObjects]);
  expect(handlers[0].sopClassUids).toEqual([]);
});
