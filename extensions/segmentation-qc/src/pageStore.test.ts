import { createPageStore } from './pageStore';

// The annotator's work must survive OHIF unmounting the panel: the store keeps it and tells readers.
test('keeps state across readers, merges updates and notifies subscribers until they leave', () => {
  const store = createPageStore({ session: null as string | null, starting: false });
  const seen: unknown[] = [];
  const leave = store.subscribe(() => seen.push(store.get()));
  store.set({ starting: true });
  store.set((current) => ({ session: current.starting ? 'seg-1' : null, starting: false }));
  leave();
  store.set({ session: null });
  expect(seen).toEqual([{ session: null, starting: true }, { session: 'seg-1', starting: false }]);
  expect(store.get()).toEqual({ session: null, starting: false });
});
