import { SeededRandom } from '../stats/SeededRandom';
import { stowInstances, type StowOptions, type StowRetry } from './stowInstances';
import { StowError } from './StowError';
import { StowInputError } from './StowInputError';
import { scriptedFetch, sopUid, stowResponse, STUDY_UID, tinyCt, type ScriptedAnswer } from './stow.fixture';

// Why: every annotation, review and sign-off reaches the PACS through this client (DESIGN.md, "the
// PACS is the system of record"). These tests pin what each STOW-RS answer (PS3.18 10.5.3) becomes,
// that the user's auth header rides on every attempt, and the retry schedule — against a scripted
// fetch, so every status and every fault is exercised without a server.

const ROOT = 'https://pacs.test/dicom-web';

function run(script: ScriptedAnswer[], instances = [tinyCt(1), tinyCt(2)], extra: Partial<StowOptions> = {}) {
  const { fetch, requests } = scriptedFetch(script);
  const delays: number[] = [];
  const retries: StowRetry[] = [];
  const promise = stowInstances(instances, {
    url: `${ROOT}/`,
    fetch,
    sleep: async (ms) => void delays.push(ms),
    random: () => 0.5,
    retry: { attempts: 5, baseDelayMs: 100, maxDelayMs: 1000 },
    onRetry: (retry) => retries.push(retry),
    ...extra,
  });
  return { promise, requests, delays, retries };
}

async function stowError(promise: Promise<unknown>): Promise<StowError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(StowError);
  return error as StowError;
}

describe('the request', () => {
  test('POSTs one multipart/related body of application/dicom parts to {root}/studies, asking for DICOM JSON', async () => {
    const { promise, requests } = run([{ status: 200, body: stowResponse({ referenced: [{ uid: sopUid(1) }, { uid: sopUid(2) }] }) }]);
    await promise;
    expect(requests).toHaveLength(1);
    const [{ url, init }] = requests;
    expect(url).toBe(`${ROOT}/studies`);
    expect(init.method).toBe('POST');
    expect(init.headers.Accept).toBe('application/dicom+json');
    const boundary = /^multipart\/related; type="application\/dicom"; boundary=(segqc-[0-9a-z]{32})$/.exec(init.headers['Content-Type'])![1];
    const text = Buffer.from(init.body).toString('latin1');
    expect(text.startsWith(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`)).toBe(true);
    expect(text.endsWith(`\r\n--${boundary}--\r\n`)).toBe(true);
    expect(text.split(`--${boundary}`)).toHaveLength(4); // preamble '', part 1, part 2, closing '--\r\n'
    const partHeader = `--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`;
    expect(init.body.length).toBe(2 * (partHeader.length + 2) + tinyCt(1).length + tinyCt(2).length + `--${boundary}--\r\n`.length);
  });

  test('stores into one study at {root}/studies/{StudyInstanceUID} when given one', async () => {
    const { promise, requests } = run([{ status: 200, body: stowResponse({ referenced: [{ uid: sopUid(1) }, { uid: sopUid(2) }] }) }], undefined, {
      studyInstanceUID: STUDY_UID,
    });
    await promise;
    expect(requests[0].url).toBe(`${ROOT}/studies/${STUDY_UID}`);
  });

  test('asks the auth header provider before every attempt and sends what it gives, but not its Content-Type or Accept', async () => {
    let token = 0;
    const headers = async () => ({ Authorization: `Bearer token-${++token}`, accept: 'text/html', 'content-type': 'text/plain' });
    const { promise, requests } = run([{ status: 503 }, { status: 200 }], undefined, { headers });
    await promise;
    expect(requests.map((r) => r.init.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(Object.keys(requests[1].init.headers).sort()).toEqual(['Accept', 'Authorization', 'Content-Type', 'Origin']);
  });

  test("names the server it writes to as its Origin (SegQC's gateway takes writes from its own origin only)", async () => {
    const { promise, requests } = run([{ status: 200, body: stowResponse({ referenced: [{ uid: sopUid(1) }, { uid: sopUid(2) }] }) }]);
    await promise;
    expect(requests[0].init.headers.Origin).toBe(new URL(ROOT).origin);
  });

  test('a retry sends the very same bytes, boundary included', async () => {
    const { promise, requests } = run([{ networkError: 'fetch failed' }, { status: 200 }], undefined, { random: Math.random });
    await promise;
    expect(requests[1].init.body).toBe(requests[0].init.body);
    expect(requests[1].init.headers['Content-Type']).toBe(requests[0].init.headers['Content-Type']);
  });
});

describe('the answer', () => {
  test('200 with every instance in ReferencedSOPSequence: all stored, with the study Retrieve URL', async () => {
    const { promise } = run([{ status: 200, body: stowResponse({ referenced: [{ uid: sopUid(1) }, { uid: sopUid(2) }] }) }]);
    expect(await promise).toEqual({
      status: 200,
      stored: [sopUid(1), sopUid(2)],
      alreadyStored: [],
      warnings: [],
      failed: [],
      attempts: 1,
      retrieveURL: `http://pacs.test/dicom-web/studies/${STUDY_UID}`,
    });
  });

  test('200 with a body that is not DICOM JSON still means all stored (PS3.18 10.5.3)', async () => {
    const { promise } = run([{ status: 200, body: '<NativeDicomModel/>' }]);
    expect((await promise).stored).toEqual([sopUid(1), sopUid(2)]);
  });

  test('202 with a Warning Reason: stored, and the warning with its meaning per instance', async () => {
    const { promise } = run([{ status: 202, body: stowResponse({ referenced: [{ uid: sopUid(1), warning: 0xb000 }, { uid: sopUid(2) }] }) }]);
    const result = await promise;
    expect(result.stored).toEqual([sopUid(1), sopUid(2)]);
    expect(result.warnings).toEqual([
      {
        sopInstanceUID: sopUid(1),
        sopClassUID: '1.2.840.10008.5.1.4.1.1.2',
        warningReason: { code: 0xb000, meaning: 'Coercion of Data Elements', explanation: 'the PACS changed some of its attributes', transient: false },
      },
    ]);
  });

  test('202 partial: the stored ones and the failed one with its Failure Reason; an instance it does not name is not stored', async () => {
    const { promise } = run(
      [{ status: 202, body: stowResponse({ referenced: [{ uid: sopUid(1) }], failed: [{ uid: sopUid(2), reason: 0xa900 }] }) }],
      [tinyCt(1), tinyCt(2), tinyCt(3)],
    );
    const result = await promise;
    expect(result.status).toBe(202);
    expect(result.stored).toEqual([sopUid(1)]);
    expect(result.failed.map((f) => [f.sopInstanceUID, f.failureReason.code, f.failureReason.meaning])).toEqual([
      [sopUid(2), 0xa900, 'Error: Data Set does not match SOP Class'],
      [sopUid(3), null, 'Not listed in the response'],
    ]);
  });

  test('409 with FailedSOPSequence: a StowError with the failed SOPs and their reasons, in plain words', async () => {
    const { promise, requests } = run([
      { status: 409, body: stowResponse({ failed: [{ uid: sopUid(1), reason: 0xa900 }, { uid: sopUid(2), reason: 0xa900 }] }) },
    ]);
    const error = await stowError(promise);
    expect(requests).toHaveLength(1); // a conflict is not retried
    expect([error.kind, error.status, error.total, error.attempts, error.retryable]).toEqual(['refused', 409, 2, 1, false]);
    expect(error.failedSops).toEqual([sopUid(1), sopUid(2)]);
    expect(error.reasons.map((r) => r.code)).toEqual([0xa900]);
    expect(error.message).toBe(`The PACS refused 2 of 2 objects: the data set does not match its SOP class (${sopUid(1)}, ${sopUid(2)}).`);
  });

  test('409 whose only failures are Duplicate SOP Instance (0x0111): stored already, so success', async () => {
    const { promise } = run([{ status: 409, body: stowResponse({ failed: [{ uid: sopUid(1), reason: 0x0111 }, { uid: sopUid(2), reason: 0x0111 }] }) }]);
    const result = await promise;
    expect([result.status, result.stored, result.alreadyStored, result.failed]).toEqual([409, [sopUid(1), sopUid(2)], [sopUid(1), sopUid(2)], []]);
  });

  test('409 with a duplicate and a real failure: the duplicate counts as stored, the error lists only the other', async () => {
    const { promise } = run([{ status: 409, body: stowResponse({ failed: [{ uid: sopUid(1), reason: 0x0111 }, { uid: sopUid(2), reason: 0x0122 }] }) }]);
    const error = await stowError(promise);
    expect([error.stored, error.failedSops]).toEqual([[sopUid(1)], [sopUid(2)]]);
    expect(error.message).toBe(`The PACS refused 1 of 2 objects: the PACS does not support its SOP class (${sopUid(2)}).`);
  });

  test('202 in which nothing was stored is refused as a whole', async () => {
    const { promise } = run([{ status: 202, body: stowResponse({ failed: [{ uid: sopUid(1), reason: 0xa700 }, { uid: sopUid(2), reason: 0xa701 }] }) }]);
    const error = await stowError(promise);
    expect([error.kind, error.status]).toEqual(['refused', 202]);
    // Out of resources may clear by itself: an outbox keeps these pending.
    expect(error.retryable).toBe(true);
  });

  test('400, as Orthanc answers a body with an unreadable part, keeps what it did store', async () => {
    const { promise, requests } = run([{ status: 400, body: stowResponse({ referenced: [{ uid: sopUid(1) }] }) }]);
    const error = await stowError(promise);
    expect(requests).toHaveLength(1);
    expect([error.kind, error.stored, error.failedSops]).toEqual(['bad-request', [sopUid(1)], [sopUid(2)]]);
    expect(error.message).toBe('The PACS rejected the upload as malformed (HTTP 400); it stored 1 of 2 objects.');
  });

  test.each([
    [401, 'unauthorized', 'The PACS did not accept your credentials (HTTP 401): sign in again, then retry.'],
    [403, 'forbidden', 'You are not allowed to store objects on this PACS (HTTP 403).'],
    [404, 'not-found', 'The PACS has no STOW-RS service at the configured DICOMweb address (HTTP 404).'],
    [413, 'payload-too-large', 'The upload of 2 objects is larger than the PACS accepts (HTTP 413): send fewer objects at a time.'],
    [415, 'unsupported-media-type', 'The PACS does not accept DICOM files sent as multipart/related application/dicom (HTTP 415).'],
    [405, 'unexpected', 'The PACS answered HTTP 405, which is not a STOW-RS answer; 2 objects are not confirmed as stored.'],
    [501, 'unexpected', 'The PACS answered HTTP 501, which is not a STOW-RS answer; 2 objects are not confirmed as stored.'],
  ])('%i is not retried: StowError %s, "%s"', async (status, kind, message) => {
    const { promise, requests } = run([{ status, body: 'Unauthorized for Bearer secret-token, patient Doe^Jane' }]);
    const error = await stowError(promise);
    expect(requests).toHaveLength(1);
    expect([error.kind, error.status, error.failedSops, error.message]).toEqual([kind, status, [sopUid(1), sopUid(2)], message]);
    // The answer's text never reaches the message: it may echo a token or a patient's name.
    expect(error.message).not.toMatch(/secret|Doe/);
  });
});

// The gateway signs a VERIFIED report only after a fresh sign-in (RFC 9470 step-up): the viewer must
// tell that from an expired token, and say how recent the sign-in must be.
test('401 with a step-up challenge is reauthentication-required, not retried, nothing stored', async () => {
  const { promise, requests } = run([{ status: 401, headers: { 'WWW-Authenticate': 'Bearer error="insufficient_user_authentication", error_description="sign in again", max_age="300"' }, body: '{"error":"reauthentication-required"}' }]);
  const error = await stowError(promise);
  expect(requests).toHaveLength(1);
  expect([error.kind, error.maxAuthAgeSeconds, error.retryable, error.stored]).toEqual(['reauthentication-required', 300, false, []]);
  expect(error.message).toBe('Signing needs a fresh sign-in (within the last 5 min): sign in again with your password, then retry. Nothing was stored.');
});

describe('retries', () => {
  test('network errors, 500, 502, 503, 504, 408 and 429 are retried with doubling waits until an answer', async () => {
    const { promise, requests, delays, retries } = run(
      [{ networkError: 'fetch failed' }, { status: 500 }, { status: 503 }, { status: 429 }, { status: 200, body: stowResponse({ referenced: [{ uid: sopUid(1) }, { uid: sopUid(2) }] }) }],
    );
    const result = await promise;
    expect(requests).toHaveLength(5);
    expect(result.attempts).toBe(5);
    expect(result.stored).toEqual([sopUid(1), sopUid(2)]);
    // random 0.5: half the ceiling plus a quarter; ceilings 100, 200, 400, 800 (max 1000).
    expect(delays).toEqual([75, 150, 300, 600]);
    expect(retries.map((r) => [r.attempt, r.status])).toEqual([[1, null], [2, 500], [3, 503], [4, 429]]);
  });

  test.each([502, 504, 408])('%i is retried too', async (status) => {
    const { promise, requests } = run([{ status }, { status: 200 }]);
    expect((await promise).attempts).toBe(2);
    expect(requests).toHaveLength(2);
  });

  test('waits stay within [ceiling/2, ceiling], the ceiling capped at maxDelayMs, and a seeded random repeats the schedule', async () => {
    const schedule = async (seed: number) => {
      const rng = new SeededRandom(seed);
      const { promise, delays } = run(Array(8).fill({ status: 503 }), undefined, {
        random: () => rng.next(),
        retry: { attempts: 8, baseDelayMs: 100, maxDelayMs: 1000 },
      });
      await promise.catch(() => undefined);
      return delays;
    };
    const delays = await schedule(7);
    expect(delays).toHaveLength(7);
    const ceilings = [100, 200, 400, 800, 1000, 1000, 1000];
    delays.forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(ceilings[i] / 2);
      expect(delay).toBeLessThanOrEqual(ceilings[i]);
    });
    expect(await schedule(7)).toEqual(delays);
    expect(await schedule(8)).not.toEqual(delays);
  });

  test('a broken-off answer (the body cannot be read) counts as a network error and is retried', async () => {
    const { promise, requests } = run([{ brokenBody: 200 }, { status: 200 }]);
    expect((await promise).stored).toEqual([sopUid(1), sopUid(2)]);
    expect(requests).toHaveLength(2);
  });

  test('after the last attempt without an answer: StowError network, retryable, with the cause', async () => {
    const { promise, requests, delays } = run(Array(3).fill({ networkError: 'connect ECONNREFUSED 127.0.0.1:9' }), undefined, {
      retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 },
    });
    const error = await stowError(promise);
    expect(requests).toHaveLength(3);
    expect(delays).toEqual([75, 150]);
    expect([error.kind, error.status, error.attempts, error.retryable, error.stored, error.failedSops]).toEqual(['network', null, 3, true, [], [sopUid(1), sopUid(2)]]);
    expect((error.cause as Error).message).toBe('connect ECONNREFUSED 127.0.0.1:9');
    expect(error.message).toBe('The PACS could not be reached (3 attempts); 2 objects are not confirmed as stored.');
  });

  test('after the last attempt answered 503: StowError server', async () => {
    const { promise } = run(Array(5).fill({ status: 503 }));
    const error = await stowError(promise);
    expect([error.kind, error.status, error.attempts, error.retryable]).toEqual(['server', 503, 5, true]);
    expect(error.message).toBe('The PACS answered HTTP 503 to 5 attempts; 2 objects are not confirmed as stored.');
  });

  test('attempts: 1 sends once and does not wait', async () => {
    const { promise, requests, delays } = run([{ status: 500 }], undefined, { retry: { attempts: 1 } });
    expect((await stowError(promise)).kind).toBe('server');
    expect([requests.length, delays]).toEqual([1, []]);
  });

  test('Retry-After in seconds is honoured when longer than the backoff', async () => {
    const { promise, delays, retries } = run([{ status: 503, headers: { 'Retry-After': '0' } }, { status: 503, headers: { 'Retry-After': '1' } }, { status: 200 }]);
    await promise;
    expect(delays).toEqual([75, 1000]);
    expect(retries.map((r) => r.retryAfterMs)).toEqual([0, 1000]);
  });

  test('Retry-After as an HTTP-date is read against the injected clock', async () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    const { promise, delays } = run([{ status: 429, headers: { 'retry-after': 'Sat, 01 Mar 2025 12:00:00 GMT' } }, { status: 503, headers: { 'Retry-After': 'Sat, 01 Mar 2025 12:00:01 GMT' } }, { status: 200 }], undefined, {
      now: () => now,
    });
    await promise;
    expect(delays).toEqual([75, 1000]);
  });

  test('a Retry-After longer than maxDelayMs ends the retries with the wait asked, for the outbox to honour', async () => {
    const { promise, requests, delays } = run([{ status: 503, headers: { 'Retry-After': '120' } }]);
    const error = await stowError(promise);
    expect([requests.length, delays]).toEqual([1, []]);
    expect([error.kind, error.retryAfterMs, error.retryable]).toEqual(['server', 120_000, true]);
    expect(error.message).toBe('The PACS is busy (HTTP 503) and asks to wait 120 s before trying again; 2 objects are not confirmed as stored.');
  });
});

describe('idempotency by SOP Instance UID', () => {
  test('a lost answer, then Orthanc answers 200 for the instance it already holds: stored once', async () => {
    const { promise } = run([{ networkError: 'socket hang up' }, { status: 200, body: stowResponse({ referenced: [{ uid: sopUid(1) }] }) }], [tinyCt(1)]);
    const result = await promise;
    expect([result.stored, result.alreadyStored, result.attempts]).toEqual([[sopUid(1)], [], 2]);
  });

  test('a lost answer, then a PACS that answers 409 Duplicate SOP Instance: stored, marked as already stored', async () => {
    const { promise } = run([{ networkError: 'socket hang up' }, { status: 409, body: stowResponse({ failed: [{ uid: sopUid(1), reason: 0x0111 }] }) }], [tinyCt(1)]);
    const result = await promise;
    expect([result.status, result.stored, result.alreadyStored, result.failed]).toEqual([409, [sopUid(1)], [sopUid(1)], []]);
  });
});

describe('input', () => {
  test.each([
    ['no instances', [], {}, 'instances: at least one instance is needed'],
    ['a file that is not Part 10', [tinyCt(1), new Uint8Array(200)], {}, 'instances[1]: is not a DICOM Part 10 file'],
    ['the same SOP Instance twice', [tinyCt(1), tinyCt(1)], {}, 'instances[1]: has the SOP Instance UID of instances[0]'],
    ['a malformed Study Instance UID', [tinyCt(1)], { studyInstanceUID: '1.2.03' }, 'options.studyInstanceUID: "1.2.03" is not a valid UID'],
    ['zero attempts', [tinyCt(1)], { retry: { attempts: 0 } }, 'options.retry.attempts: must be an integer ≥ 1'],
    ['an empty URL', [tinyCt(1)], { url: '/' }, 'options.url: must be the DICOMweb root'],
  ])('%s: StowInputError before anything is sent', async (_, instances, extra, message) => {
    const { promise, requests } = run([{ status: 200 }], instances as Uint8Array[], extra as Partial<StowOptions>);
    const error = await promise.then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(StowInputError);
    expect((error as Error).message.startsWith(message)).toBe(true);
    expect(requests).toHaveLength(0);
  });
});
