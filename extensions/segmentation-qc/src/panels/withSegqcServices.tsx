import { useMemo, type ComponentType } from 'react';
import type { ExtensionManager } from '../dataSourceRoot';
import { getSegqcServices, type SegqcServices, type ServicesManager } from '../services';

export interface PanelProps {
  servicesManager: ServicesManager;
  extensionManager: ExtensionManager;
}

/**
 * A SegQC panel from its view: the OHIF services it needs are resolved once; when the viewer
 * lacks one, the panel says which instead of failing later.
 */
export function withSegqcServices(View: ComponentType<{ services: SegqcServices; extensionManager: ExtensionManager }>) {
  return function SegqcPanel({ servicesManager, extensionManager }: PanelProps) {
    const resolved = useMemo(() => {
      try {
        return { services: getSegqcServices(servicesManager), error: null };
      } catch (e) {
        return { services: null, error: (e as Error).message };
      }
    }, [servicesManager]);
    if (!resolved.services) {
      return (
        <section className="segqc-panel">
          <div className="segqc-error" role="alert">
            {resolved.error}
          </div>
        </section>
      );
    }
    return <View services={resolved.services} extensionManager={extensionManager} />;
  };
}
