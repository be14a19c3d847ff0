import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SeededRandom, stowInstances, StowError, type StowResult } from '@segqc/core';
import { paths, startEmbeddedOrthanc, type EmbeddedOrthanc } from '@segqc/server';
import { FAULT_KINDS, startFaultProxy, type FaultProxy } from '../harness/faultProxy';
import { firstValue, getDicomJson, orthancRest } from '../harness/testPacs';
import { tinyCtSeries } from '../harness/tinyCtSeries';

// Issue 4, "STOW that loses nothing": 100 writes go through a proxy that, on a seeded schedule,
// drops connections before and after forwarding, cuts answers short, answers 500 and 503 with
// Retry-After, and delays — to a real Orthanc. With the core client's retries every instance
// arrives, none twice, and the client reports each as stored exactly once, although some were
// stored by an attempt whose answer never came back.
jest.setTimeout(60_000);

const WRITES = 100;
const CONCURRENCY = 4;
const TOKEN = 'Bearer stow-faults-test-token';
const series = tinyCtSeries('stow-faults');
const { studyInstanceUID: STUDY_UID, sopInstanceUID: sopUid, slice: tinyCtSlice } = series;

let storageDir: string;
let orthanc: EmbeddedOrthanc;
let proxy: FaultProxy;
const authorizationSeen: Array<string | undefined> = [];

beforeAll(async () => {
  storageDir = mkdtempSync(join(tmpdir(), 'segqc-test-stow-faults-'));
  orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir });
  proxy = await startFaultProxy({
    target: orthanc.restUrl,
    seed: 20250301,
    rates: { dropBeforeForwarding: 0.07, dropAfterForwarding: 0.08, truncateResponse: 0.05, error500: 0.06, unavailable503: 0.05, delay: 0.07 },
    delayMs: { min: 50, max: 300 },
    retryAfterSeconds: 1,
    inspect: (request) => authorizationSeen.push(request.headers.authorization),
    targetAuthorization: orthanc.authorization,
  });
});
afterAll(async () => {
  await proxy?.close();
  await orthanc?.stop();
  if (storageDir) rmSync(storageDir, { recursive: true, force: true });
});

test('100 writes through drops, cut answers, 500, 503 and delays all arrive in Orthanc, each stored and reported once', async () => {
  const results: StowResult[] = [];
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < WRITES) {
      const n = next++;
      const random = new SeededRandom(n);
      try {
        results.push(
          await stowInstances([tinyCtSlice(n)], {
            url: `${proxy.url}/dicom-web`,
            headers: () => ({ Authorization: TOKEN }),
            fetch: (url, init) => fetch(url, init),
            // 0.31 of attempts fail: twelve in a row for one write has odds of about 1 in 10^6.
            retry: { attempts: 12, baseDelayMs: 20, maxDelayMs: 2000 },
            random: () => random.next(),
          }),
        );
      } catch (error) {
        errors.push(error instanceof StowError ? `${error.kind}: ${error.message}` : error);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const elapsedMs = Date.now() - started;

  expect(errors).toEqual([]);
  // The client reported every instance as stored exactly once, and nothing else.
  const reported = results.flatMap((result) => result.stored);
  expect(reported).toHaveLength(WRITES);
  expect(new Set(reported)).toEqual(new Set(Array.from({ length: WRITES }, (_, n) => sopUid(n))));
  expect(results.every((result) => result.failed.length === 0 && result.status === 200)).toBe(true);

  // Orthanc holds 100 instances, one per SOP Instance UID, seen through QIDO-RS and its REST API.
  const instances = await getDicomJson(`${orthanc.dicomwebUrl}/studies/${STUDY_UID}/instances?includefield=00080018`, { Authorization: orthanc.authorization });
  const perUid = new Map<unknown, number>();
  for (const instance of instances) perUid.set(firstValue(instance, '00080018'), (perUid.get(firstValue(instance, '00080018')) ?? 0) + 1);
  expect(instances).toHaveLength(WRITES);
  expect([...perUid.values()].every((count) => count === 1)).toBe(true);
  const statistics = (await (await orthancRest(orthanc, '/statistics')).json()) as { CountInstances: number };
  expect(statistics.CountInstances).toBe(WRITES);

  // Every fault kind happened; each forwarded POST is one whose answer reached the client, or was
  // dropped or cut after Orthanc stored the instance — which Orthanc then got again and kept once.
  const { counts } = proxy;
  expect(FAULT_KINDS.filter((kind) => counts[kind] === 0)).toEqual([]);
  expect(counts.forwarded).toBe(WRITES + counts.dropAfterForwarding + counts.truncateResponse);
  expect(results.reduce((sum, result) => sum + result.attempts, 0)).toBe(counts.faultable);
  // Every request, retries included, carried the user's auth header.
  expect(authorizationSeen).toHaveLength(counts.requests);
  expect(authorizationSeen.every((value) => value === TOKEN)).toBe(true);

  // The timing and the faults met, for the test log.
  console.log(`stowFaults: ${WRITES} writes in ${elapsedMs} ms, ${counts.requests} requests, faults ${JSON.stringify(Object.fromEntries(FAULT_KINDS.map((k) => [k, counts[k]])))}`);
});
