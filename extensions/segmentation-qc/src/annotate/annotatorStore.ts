import { createPageStore } from '../pageStore';
import type { AnnotationSession } from './useAnnotationSession';
import type { SaveState } from './useSaveAnnotation';

export interface AnnotatorPageState {
  session: AnnotationSession | null;
  /** A segmentation is being started. */
  starting: boolean;
  startError: string | null;
  save: SaveState;
}

/** The annotator's work in this page (see pageStore): survives switching panels, not a reload (saved work is in the PACS). */
export const annotatorStore = createPageStore<AnnotatorPageState>({ session: null, starting: false, startError: null, save: { status: 'idle' } });
