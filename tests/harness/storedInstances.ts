import { retrieveInstance, searchForInstances } from '@segqc/core';

const options = () => ({ fetch: globalThis.fetch });

/** Waits (up to a minute) until the series holds `count` instances and returns them, read as Part 10, by SOP Instance UID. */
export async function storedInstances(dicomwebUrl: string, { studyInstanceUid, seriesInstanceUid }: { studyInstanceUid: string; seriesInstanceUid: string }, count: number): Promise<Map<string, Uint8Array>> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = await searchForInstances(dicomwebUrl, { studyInstanceUid, seriesInstanceUid }, {}, options());
    if (found.length >= count) {
      const uids = found.map((dataset) => (dataset['00080018']?.Value as string[])[0]);
      const entries = await Promise.all(uids.map(async (sopInstanceUid) => [sopInstanceUid, await retrieveInstance(dicomwebUrl, { studyInstanceUid, seriesInstanceUid, sopInstanceUid }, options())] as const));
      return new Map(entries);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`series ${seriesInstanceUid} did not reach ${count} instances`);
}

/** Waits (up to a minute) until the series holds the instance `sopInstanceUid` — stored from the viewer's outbox, in its own time — and returns it as Part 10. */
export async function storedInstance(dicomwebUrl: string, where: { studyInstanceUid: string; seriesInstanceUid: string }, sopInstanceUid: string): Promise<Uint8Array> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const found = await searchForInstances(dicomwebUrl, where, {}, options());
    if (found.some((dataset) => (dataset['00080018']?.Value as string[] | undefined)?.[0] === sopInstanceUid)) return retrieveInstance(dicomwebUrl, { ...where, sopInstanceUid }, options());
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`series ${where.seriesInstanceUid} did not come to hold ${sopInstanceUid}`);
}
