import { activeDicomwebRoot, type ExtensionManager } from './dataSourceRoot';
import type { NewWrite } from './outbox/DurableOutbox';
import { segqcOutbox } from './outbox/segqcOutbox';
import { getSegqcServices, type ServicesManager } from './services';
import { COMMAND_NAMES } from './ids';

/**
 * SegQC's commands. `storeInPacs` puts a DICOM object (SEG or SR, Part 10 bytes) in the durable
 * outbox, which stores it in the PACS: every SegQC flow that writes goes through it.
 */
export function getCommandsModule({ servicesManager, extensionManager }: { servicesManager: ServicesManager; extensionManager: ExtensionManager }) {
  const actions = {
    [COMMAND_NAMES.storeInPacs]: async (write: NewWrite) => {
      const outbox = await segqcOutbox(getSegqcServices(servicesManager), activeDicomwebRoot(extensionManager));
      return outbox.enqueue(write);
    },
  };
  return {
    actions,
    definitions: { [COMMAND_NAMES.storeInPacs]: { commandFn: actions[COMMAND_NAMES.storeInPacs] } },
    defaultContext: 'VIEWER',
  };
}
