import { useSyncExternalStore } from 'react';

/**
 * State that outlives a panel: OHIF mounts only the active tab of a side panel, so switching to
 * the segmentation panel to paint unmounts SegQC's panel. What the annotator is doing (the
 * labelmap, the save in progress) is kept here, once per page, and the panel reads it when shown.
 */
export interface PageStore<T extends object> {
  get(): T;
  set(update: Partial<T> | ((current: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
}

export function createPageStore<T extends object>(initial: T): PageStore<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(update) {
      state = { ...state, ...(typeof update === 'function' ? update(state) : update) };
      listeners.forEach((listener) => listener());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's state, re-rendering on every change. */
export function usePageStore<T extends object>(store: PageStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
