/**
 * The SOP library, fetched once per page and URL: every panel that needs it shares one request,
 * and the SOPs in force do not change under the user while they work (a library edited on the
 * server is read at the next page load). A failed fetch is not kept, so the next caller retries.
 */
import { fetchSopLibrary, type SopLibrary } from './fetchSopLibrary';

const libraries = new Map<string, Promise<SopLibrary>>();

export function sopLibraryOnce(url: string, load: (url: string) => Promise<SopLibrary> = fetchSopLibrary): Promise<SopLibrary> {
  let library = libraries.get(url);
  if (!library) {
    library = load(url);
    libraries.set(url, library);
    const pending = library;
    pending.catch(() => {
      if (libraries.get(url) === pending) libraries.delete(url);
    });
  }
  return library;
}
