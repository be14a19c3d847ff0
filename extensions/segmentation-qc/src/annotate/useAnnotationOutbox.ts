import { useEffect, useState } from 'react';
import { describeFailure } from '../describeFailure';
import type { DurableOutbox } from '../outbox/DurableOutbox';
import { segqcOutbox } from '../outbox/segqcOutbox';
import type { SegqcServices } from '../services';

/** The viewer's durable outbox (opened once per page), or why it cannot be opened. */
export function useAnnotationOutbox(services: SegqcServices, dicomwebRoot: string | null): { outbox: DurableOutbox | null; error: string | null } {
  const [state, setState] = useState<{ outbox: DurableOutbox | null; error: string | null }>({ outbox: null, error: null });
  useEffect(() => {
    if (!dicomwebRoot) return undefined;
    let live = true;
    segqcOutbox(services, dicomwebRoot).then(
      (outbox) => live && setState({ outbox, error: null }),
      (error: unknown) => live && setState({ outbox: null, error: describeFailure(error) }),
    );
    return () => {
      live = false;
    };
  }, [services, dicomwebRoot]);
  return state;
}
