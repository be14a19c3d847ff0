import { useCallback, useEffect } from 'react';
import { describeFailure } from '../describeFailure';
import { EXTENSION_VERSION } from '../ids';
import { readLabelmapMasks } from '../labelmap';
import type { DurableOutbox } from '../outbox/DurableOutbox';
import { useOutboxRecords } from '../outbox/useOutboxRecords';
import type { SegqcServices } from '../services';
import type { Identity } from '../identity/Identity';
import { annotationSeg } from './annotationSeg';
import { annotatorStore, type AnnotatorPageState } from './annotatorStore';
import { usePageStore, type PageStore } from '../pageStore';
import type { AnnotationSession } from './useAnnotationSession';

/** Where the last save stands: built and queued in the outbox, then stored in the PACS (or refused). */
export type SaveState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'queued' | 'stored'; sopInstanceUID: string; voxels: ReadonlyMap<number, number> }
  | { status: 'failed'; error: string };

export interface SaveRequest {
  session: AnnotationSession;
  identity: Identity;
  seriesNumber: number;
  institutionName: string;
}

/**
 * Save: what is painted (readLabelmapMasks) as an annotation SEG (annotationSeg), put in the
 * durable outbox, which stores it in the PACS; the state follows the outbox's record until the
 * PACS has it (kept in the page's annotatorStore, so it goes on while the panel is hidden).
 * `onStored` runs once it is there, when the panel is shown.
 */
export function useSaveAnnotation(services: SegqcServices, outbox: DurableOutbox | null, onStored: () => void, store: PageStore<AnnotatorPageState> = annotatorStore) {
  const state = usePageStore(store).save;
  const setState = useCallback((save: SaveState) => store.set({ save }), [store]);
  const records = useOutboxRecords(outbox);

  const queued = state.status === 'queued' ? records.find((record) => record.sopInstanceUID === state.sopInstanceUID) : undefined;
  useEffect(() => {
    if (state.status !== 'queued' || !queued) return;
    if (queued.state === 'stored') {
      setState({ ...state, status: 'stored' });
      onStored();
    } else if (queued.state === 'failed') {
      setState({ status: 'failed', error: `the PACS refused the annotation: ${queued.lastError ?? 'no reason given'}` });
    }
  }, [state, queued, onStored, setState]);

  const save = useCallback(
    async ({ session, identity, seriesNumber, institutionName }: SaveRequest): Promise<boolean> => {
      if (!outbox) return false;
      setState({ status: 'saving' });
      try {
        const { series, sop } = session;
        const masks = readLabelmapMasks(session.segmentationId, series.slices, series.sourceGrid.grid);
        const seg = annotationSeg({
          sourceImages: series.sourceImages,
          masks,
          sop,
          creator: { personName: identity.personName, login: identity.login, institutionName, ...(identity.authentication ? { authentication: identity.authentication } : {}) },
          at: new Date(),
          seriesNumber,
          softwareVersion: EXTENSION_VERSION,
        });
        await outbox.enqueue({
          sopInstanceUID: seg.sopInstanceUID,
          studyInstanceUID: series.sourceImages[0].StudyInstanceUID,
          description: `Annotation by ${identity.login} under ${sop.id}@${sop.version}`,
          bytes: seg.bytes.slice().buffer,
        });
        setState({ status: 'queued', sopInstanceUID: seg.sopInstanceUID, voxels: seg.voxels });
        return true;
      } catch (error) {
        const message = describeFailure(error);
        setState({ status: 'failed', error: message });
        services.uiNotificationService.show({ title: 'SegQC: the annotation was not saved', message, type: 'error', duration: 8000 });
        return false;
      }
    },
    [services, outbox, setState],
  );

  return { state, save };
}
