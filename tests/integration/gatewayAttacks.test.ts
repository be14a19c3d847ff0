import type { AddressInfo } from 'node:net';
import { demoManifest } from '@segqc/demo-data';
import { createGatewayApp } from '@segqc/gateway';
import type { FastifyInstance } from 'fastify';
import { startCanaryServer } from '../harness/canaryServer';
import { pacsFingerprint, type PacsFingerprint } from '../harness/pacsFingerprint';
import { httpRequest, rawHttp } from '../harness/rawHttp';
import { orthancRest, startTestPacs, type TestPacs } from '../harness/testPacs';
import { startTestViewer } from '../harness/testViewer';

// Issue 11: the viewer's origin (`npm start`'s server: the gateway with the viewer) lets nothing
// but allow-listed DICOMweb reach the PACS. Every request of this corpus — the reproductions of the
// security review (encoded traversal into Orthanc's REST API and Explorer, the DICOMweb plugin's
// `servers/` SSRF and export), other methods, bad Host, cross-site writes, oversized and slow
// bodies, request smuggling, invalid UIDs — is answered 4xx by the gateway; afterwards Orthanc
// holds the same instances with the same bytes, no DICOMweb server was configured in it, and the
// canary standing in for an internal host was never reached.
jest.setTimeout(180_000);

const demoCase = demoManifest({ cases: ['ct-01'] }).cases[0];
const STUDY = demoCase.StudyInstanceUID;
const SERIES = demoCase.series[0].SeriesInstanceUID;
const SEG = demoCase.segs[0].SOPInstanceUID;
const STOW_LIMIT = 64 * 1024;
const REQUEST_TIMEOUT_MS = 1_500;

interface Attack {
  method: string;
  target: string;
  /** Headers after Host; `{origin}` and `{canary}` are filled in. */
  headers?: Array<[string, string]>;
  body?: string;
  /** Host header: the server's own unless given; null sends none. */
  host?: string | null;
  /** The gateway with a 64 KiB STOW limit and a 1.5 s request timeout instead of `npm start`'s server. */
  strict?: boolean;
  /** The exact status, when one is due. */
  status?: number;
}

const SAME_ORIGIN: Array<[string, string]> = [['Origin', '{origin}'], ['Sec-Fetch-Site', 'same-origin']];
const MULTIPART: [string, string] = ['Content-Type', 'multipart/related; type="application/dicom"; boundary=x'];
const JSON_BODY: [string, string] = ['Content-Type', 'application/json'];
const stow = (headers: Array<[string, string]>, body = '--x--'): Attack => ({ method: 'POST', target: '/dicom-web/studies', headers: [...headers, ['Content-Length', String(body.length)]], body });
const get = (target: string, status?: number): Attack => ({ method: 'GET', target, ...(status ? { status } : {}) });
const write = (method: string, target: string, headers: Array<[string, string]>, body = ''): Attack => ({ method, target, headers: [...headers, ['Content-Length', String(body.length)]], body });

const ATTACKS: Array<[string, Attack]> = [
  // Encoded and double-encoded traversal into Orthanc's REST API and Explorer.
  ['encoded slash ..%2F to /system', get('/dicom-web/..%2Fsystem', 400)],
  ['lower-case ..%2f', get('/dicom-web/..%2fsystem', 400)],
  ['all encoded %2e%2e%2f', get('/dicom-web/%2e%2e%2fsystem', 400)],
  ['upper-case %2E%2E%2F', get('/dicom-web/%2E%2E%2Fsystem', 400)],
  ['encoded backslash ..%5c', get('/dicom-web/..%5csystem', 400)],
  ['encoded backslash ..%5C', get('/dicom-web/..%5Csystem', 400)],
  ['double-encoded %252e%252e%252f', get('/dicom-web/%252e%252e%252fsystem', 400)],
  ['double-encoded slash ..%252f', get('/dicom-web/..%252fsystem', 400)],
  ['overlong UTF-8 slash ..%c0%af', get('/dicom-web/..%c0%afsystem', 400)],
  ['encoded NUL', get('/dicom-web/studies%00/../../system', 400)],
  ['deep ..%2F..%2F from a study', get(`/dicom-web/studies/${STUDY}/..%2F..%2F..%2Fsystem`, 400)],
  ['raw dot-dot segment', get('/dicom-web/../system', 400)],
  ['raw dot and dot-dot', get('/dicom-web/./../system', 400)],
  ['encoded dot segments between slashes', get('/dicom-web/studies/%2e%2e/%2e%2e/instances', 400)],
  ['raw backslash', get('/dicom-web/..\\system', 400)],
  ['UID followed by an encoded traversal', get(`/dicom-web/studies/${STUDY}%2F..%2F..%2Fsystem`, 400)],
  ['DELETE an image through ..%2Finstances', write('DELETE', '/dicom-web/..%2Finstances/{orthancId}', SAME_ORIGIN)],
  ['DELETE an image through ..%2Finstances, no Origin', write('DELETE', '/dicom-web/..%2Finstances/{orthancId}', [])],
  ['cross-site simple POST to ..%2Ftools/create-dicom', write('POST', '/dicom-web/..%2Ftools/create-dicom', [['Content-Type', 'text/plain'], ['Origin', 'http://evil.example']], '{"Tags":{"PatientName":"X"}}')],
  ['same-origin POST to ..%2Ftools/create-dicom', write('POST', '/dicom-web/..%2Ftools/create-dicom', [...SAME_ORIGIN, JSON_BODY], '{"Tags":{"PatientName":"X"}}')],
  ['Lua through ..%2Ftools/execute-script', write('POST', '/dicom-web/..%2Ftools/execute-script', [...SAME_ORIGIN, ['Content-Type', 'text/plain']], 'print(1)')],
  ['Orthanc Explorer through ..%2Fapp', get('/dicom-web/..%2Fapp/explorer.html', 400)],
  ['an instance file through ..%2Finstances', get('/dicom-web/..%2Finstances/{orthancId}/file', 400)],
  ['patients through ..%2Fpatients', get('/dicom-web/..%2Fpatients', 400)],
  // Orthanc and DICOMweb-plugin routes under the DICOMweb root.
  ['Orthanc /system under the root', get('/dicom-web/system', 404)],
  ['Orthanc instance id under the root', get('/dicom-web/instances/{orthancId}/file', 404)],
  ['tools/find under the root', write('POST', '/dicom-web/tools/find', [...SAME_ORIGIN, JSON_BODY], '{"Level":"Patient","Query":{}}')],
  ['tools/create-dicom under the root', write('POST', '/dicom-web/tools/create-dicom', [...SAME_ORIGIN, ['Content-Type', 'text/plain']], '{}')],
  ["the plugin's web client app/", get('/dicom-web/app/client/index.html', 404)],
  ["the plugin's info", get('/dicom-web/info', 404)],
  ["the plugin's server list", get('/dicom-web/servers', 404)],
  ['SSRF: define a server pointing at an internal host', write('PUT', '/dicom-web/servers/evil', [...SAME_ORIGIN, JSON_BODY], '{"Url":"{canary}/"}')],
  ['SSRF: define a server, cross-site', write('PUT', '/dicom-web/servers/evil', [['Origin', 'http://evil.example'], JSON_BODY], '{"Url":"{canary}/"}')],
  ['SSRF: GET through a server', write('POST', '/dicom-web/servers/evil/get', [...SAME_ORIGIN, JSON_BODY], '{"Uri":"/"}')],
  ['export: STOW a study to a server', write('POST', '/dicom-web/servers/evil/stow', [...SAME_ORIGIN, JSON_BODY], `{"Resources":["${STUDY}"]}`)],
  ['export: retrieve through a server', write('POST', '/dicom-web/servers/evil/retrieve', [...SAME_ORIGIN, JSON_BODY], '{"Resources":[]}')],
  ['SSRF: QIDO through a server', write('POST', '/dicom-web/servers/evil/qido', [...SAME_ORIGIN, JSON_BODY], '{"Uri":"/studies"}')],
  ['SSRF: a server route with a STOW content type', write('POST', '/dicom-web/servers/evil/get', [...SAME_ORIGIN, MULTIPART], '--x--')],
  ['delete a server', write('DELETE', '/dicom-web/servers/evil', SAME_ORIGIN)],
  // Methods the allow-list does not have.
  ['DELETE a study', write('DELETE', `/dicom-web/studies/${STUDY}`, SAME_ORIGIN)],
  ['PUT a study', write('PUT', `/dicom-web/studies/${STUDY}`, [...SAME_ORIGIN, MULTIPART], '--x--')],
  ['PATCH a series', write('PATCH', `/dicom-web/studies/${STUDY}/series/${SERIES}`, [...SAME_ORIGIN, JSON_BODY], '{}')],
  ['DELETE an instance', write('DELETE', `/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SEG}`, SAME_ORIGIN)],
  ['STOW to a series', write('POST', `/dicom-web/studies/${STUDY}/series/${SERIES}`, [...SAME_ORIGIN, MULTIPART], '--x--')],
  ['PUT the studies resource', write('PUT', '/dicom-web/studies', [...SAME_ORIGIN, MULTIPART], '--x--')],
  ['OPTIONS', write('OPTIONS', '/dicom-web/studies', SAME_ORIGIN)],
  ['HEAD', { method: 'HEAD', target: '/dicom-web/studies', headers: SAME_ORIGIN }],
  ['TRACE', { method: 'TRACE', target: '/dicom-web/studies' }],
  ['WebDAV PROPFIND on the root', write('PROPFIND', '/dicom-web/', SAME_ORIGIN)],
  ['WebDAV PROPFIND on Orthanc\'s webdav', write('PROPFIND', '/webdav/', SAME_ORIGIN)],
  // Host: DNS rebinding.
  ['DNS rebinding: foreign Host on DICOMweb', { method: 'GET', target: '/dicom-web/studies', host: 'evil.example', status: 421 }],
  ['foreign Host with our port', { method: 'GET', target: '/dicom-web/studies', host: 'evil.example:{port}', status: 421 }],
  ['our address as a subdomain', { method: 'GET', target: '/dicom-web/studies', host: '127.0.0.1.evil.example:{port}', status: 421 }],
  ['our address, another port', { method: 'GET', target: '/dicom-web/studies', host: '127.0.0.1:1', status: 421 }],
  ['userinfo in Host', { method: 'GET', target: '/dicom-web/studies', host: '127.0.0.1:{port}@evil.example', status: 421 }],
  ['no Host at all', { method: 'GET', target: '/dicom-web/studies', host: null, status: 400 }],
  ['two Host headers', { method: 'GET', target: '/dicom-web/studies', headers: [['Host', 'evil.example']] }],
  ['DNS rebinding: foreign Host on the viewer page', { method: 'GET', target: '/', host: 'evil.example', status: 421 }],
  // Cross-site writes.
  ['STOW from a foreign origin', { ...stow([MULTIPART, ['Origin', 'http://evil.example']]), status: 403 }],
  ['STOW cross-site with a foreign origin', { ...stow([MULTIPART, ['Origin', 'http://evil.example'], ['Sec-Fetch-Site', 'cross-site']]), status: 403 }],
  ['STOW from the null origin', { ...stow([MULTIPART, ['Origin', 'null']]), status: 403 }],
  ['STOW without Origin or Sec-Fetch-Site', { ...stow([MULTIPART]), status: 403 }],
  ['STOW same-site from a sibling origin', { ...stow([MULTIPART, ['Origin', 'http://sub.localhost:{port}'], ['Sec-Fetch-Site', 'same-site']]), status: 403 }],
  ['STOW naming our origin but cross-site', { ...stow([MULTIPART, ['Origin', '{origin}'], ['Sec-Fetch-Site', 'cross-site']]), status: 403 }],
  ['STOW from our address as a subdomain', { ...stow([MULTIPART, ['Origin', 'http://127.0.0.1:{port}.evil.example']]), status: 403 }],
  ['STOW as a simple text/plain request', { ...stow([...SAME_ORIGIN, ['Content-Type', 'text/plain']]), status: 415 }],
  ['STOW as a form', { ...stow([...SAME_ORIGIN, ['Content-Type', 'application/x-www-form-urlencoded']], 'a=b'), status: 415 }],
  ['STOW as multipart/form-data', { ...stow([...SAME_ORIGIN, ['Content-Type', 'multipart/form-data; boundary=x']]), status: 415 }],
  // Bodies too big or too slow.
  ['STOW declaring 300 MiB', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Content-Length', String(300 * 1024 * 1024)]], status: 413 }],
  ['chunked STOW past the limit', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Transfer-Encoding', 'chunked']], body: chunked('x'.repeat(4 * STOW_LIMIT)), strict: true, status: 413 }],
  ['a body that never finishes', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Content-Length', '1000']], body: '--x\r\n', strict: true, status: 408 }],
  // Request smuggling and malformed framing (Node's parser refuses them before the gateway sees them).
  ['Content-Length and Transfer-Encoding together', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Content-Length', '4'], ['Transfer-Encoding', 'chunked']], body: '0\r\n\r\nGET /dicom-web/..%2Fsystem HTTP/1.1\r\n\r\n', status: 400 }],
  ['two different Content-Length', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Content-Length', '5'], ['Content-Length', '50']], body: '--x--', status: 400 }],
  ['obfuscated Transfer-Encoding', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Transfer-Encoding', 'xchunked']], body: '--x--' }],
  ['a bad chunk size', { method: 'POST', target: '/dicom-web/studies', headers: [...SAME_ORIGIN, MULTIPART, ['Transfer-Encoding', 'chunked']], body: 'zz\r\n--x--\r\n0\r\n\r\n', status: 400 }],
  ['a header folded onto the next line', { method: 'GET', target: '/dicom-web/studies', headers: [['X-A', 'a\r\n Host: evil.example']] }],
  ['a space before the colon', { method: 'GET', target: '/dicom-web/studies', headers: [['Transfer-Encoding ', 'chunked']] }],
  ['a GET carrying a second request in its body', { method: 'GET', target: '/dicom-web/studies', headers: [['Content-Length', '45']], body: 'DELETE /instances/{orthancId} HTTP/1.1\r\n\r\n' }],
  // Invalid UIDs and parameters.
  ['letters in a study UID', get('/dicom-web/studies/1.2.abc', 400)],
  ['an empty UID component', get('/dicom-web/studies/1..2/series', 400)],
  ['a leading zero in a UID', get('/dicom-web/studies/01.2/metadata', 400)],
  ['a UID of 65 characters', get(`/dicom-web/studies/1.${'2'.repeat(63)}`, 400)],
  ['a word as a series UID', get(`/dicom-web/studies/${STUDY}/series/servers/instances`, 400)],
  ['frame 0', get(`/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SEG}/frames/0`, 400)],
  ['frames separated by ;', get(`/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SEG}/frames/1;2`, 400)],
  ['a bulk data path that is not a tag path', get(`/dicom-web/studies/${STUDY}/series/${SERIES}/instances/${SEG}/bulk/zz`, 400)],
  ['a query parameter naming a path', get('/dicom-web/studies?..%2F..%2Fsystem=1', 400)],
  ['a query parameter with brackets', get('/dicom-web/studies?PatientName[]=1', 400)],
];

function chunked(text: string): string {
  return `${text.length.toString(16)}\r\n${text}\r\n0\r\n\r\n`;
}

let pacs: TestPacs;
let viewer: Awaited<ReturnType<typeof startTestViewer>>;
let strictGateway: FastifyInstance;
let canary: Awaited<ReturnType<typeof startCanaryServer>>;
let before: PacsFingerprint;
let orthancId: string;

const portOf = (url: string) => Number(new URL(url).port);

beforeAll(async () => {
  pacs = await startTestPacs([demoCase.caseId]);
  viewer = await startTestViewer(pacs.orthanc.dicomwebUrl, pacs.orthanc.authorization);
  strictGateway = await createGatewayApp({
    upstream: new URL(pacs.orthanc.dicomwebUrl),
    upstreamAuthorization: pacs.orthanc.authorization,
    keepHostHeader: true,
    stowBodyLimitBytes: STOW_LIMIT,
    clientRequestTimeoutMs: REQUEST_TIMEOUT_MS,
  });
  await strictGateway.listen({ port: 0, host: '127.0.0.1' });
  canary = await startCanaryServer();
  before = await pacsFingerprint(pacs);
  orthancId = before.instances[0]!;
});
afterAll(async () => {
  await canary?.close();
  await strictGateway?.close();
  await viewer?.stop();
  await pacs?.stop();
});

test(`the corpus has at least 60 attacks (${ATTACKS.length})`, () => {
  expect(ATTACKS.length).toBeGreaterThanOrEqual(60);
});

test.each(ATTACKS)('%s: answered 4xx by the gateway', async (_name, attack) => {
  const port = attack.strict ? (strictGateway.server.address() as AddressInfo).port : portOf(viewer.baseUrl);
  const fill = (text: string) => text.replaceAll('{origin}', `http://127.0.0.1:${port}`).replaceAll('{port}', String(port)).replaceAll('{canary}', canary.url).replaceAll('{orthancId}', orthancId);
  const host = attack.host === null ? [] : [['Host', fill(attack.host ?? '127.0.0.1:{port}')] as [string, string]];
  const headers = [...host, ...(attack.headers ?? []).map(([name, value]) => [name, fill(value)] as [string, string])];
  const answer = await rawHttp(port, httpRequest(attack.method, fill(attack.target), headers, fill(attack.body ?? '')), REQUEST_TIMEOUT_MS * 4);
  if (attack.status) expect(answer.status).toBe(attack.status);
  expect(answer.status).toBeGreaterThanOrEqual(400);
  expect(answer.status).toBeLessThan(500);
  // Nothing of Orthanc comes back: no REST answer, no Explorer, no server header.
  expect(answer.text).not.toMatch(/ORTHANC|Orthanc Explorer|"DicomAet"|"ApiVersion"/i);
});

test('afterwards the PACS is unchanged: same instances, same stored bytes, no DICOMweb server defined; the canary was never reached', async () => {
  expect(await pacsFingerprint(pacs)).toEqual(before);
  expect(before.dicomwebServers).toEqual([]);
  expect(canary.requests).toEqual([]);
});

test('and both servers still serve DICOMweb', async () => {
  for (const base of [viewer.baseUrl, `http://127.0.0.1:${(strictGateway.server.address() as AddressInfo).port}`]) {
    const response = await fetch(`${base}/dicom-web/studies/${STUDY}/series`, { headers: { Accept: 'application/dicom+json' } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as unknown[]).length).toBe(demoCase.series.length + demoCase.segs.length + 2);
  }
});

test("a viewer's burst (the suite's small load test; `npm run bench gatewayLoad` is the real-size one): 16 clients get every CT frame and the SEGs with the same bytes through the gateway as from Orthanc", async () => {
  const ct = demoCase.series.find((series) => series.Modality === 'CT')!;
  const instances = await (await fetch(`${viewer.baseUrl}/dicom-web/studies/${STUDY}/series/${ct.SeriesInstanceUID}/instances`, { headers: { Accept: 'application/dicom+json' } })).json() as Array<Record<string, { Value: string[] }>>;
  const paths = [
    ...instances.map((instance) => `/studies/${STUDY}/series/${ct.SeriesInstanceUID}/instances/${instance['00080018']!.Value[0]}/frames/1`),
    ...demoCase.segs.map((seg) => `/studies/${STUDY}/series/${seg.SeriesInstanceUID}/instances/${seg.SOPInstanceUID}`),
  ];
  const replay = async (root: string, headers: Record<string, string>) => {
    const sizes = new Map<string, number>();
    let next = 0;
    const client = async () => {
      for (let path = paths[next++]; path !== undefined; path = paths[next++]) {
        const accept = path.includes('/frames/') ? 'multipart/related; type="application/octet-stream"; transfer-syntax=*' : 'multipart/related; type="application/dicom"; transfer-syntax=*';
        const response = await fetch(`${root}${path}`, { headers: { ...headers, Accept: accept } });
        expect(response.status).toBe(200);
        sizes.set(path, (await response.arrayBuffer()).byteLength);
      }
    };
    await Promise.all(Array.from({ length: 16 }, client));
    return sizes;
  };
  const direct = await replay(pacs.orthanc.dicomwebUrl, { Authorization: pacs.orthanc.authorization });
  const through = await replay(`${viewer.baseUrl}/dicom-web`, {});
  expect(paths.length).toBe(ct.numberOfInstances + demoCase.segs.length);
  expect(through).toEqual(direct);
  expect([...direct.values()].every((size) => size > 256 * 256 * 2)).toBe(true);
});

test("the PACS's own error page does not reach the client: a short JSON of the gateway's", async () => {
  const response = await fetch(`${viewer.baseUrl}/dicom-web/studies/1.2.3.4/series/1.2.3.5/metadata`, { headers: { Accept: 'application/dicom+json' } });
  expect(response.status).toBe(404);
  expect(response.headers.get('server')).toBeNull();
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ error: 'pacs-refused', message: 'the PACS refused the request (HTTP 404)' });
  expect(body).not.toContain(pacs.orthanc.restUrl);
});

test("the embedded Orthanc itself answers nothing without the gateway's credential", async () => {
  expect((await fetch(`${pacs.orthanc.restUrl}/system`)).status).toBe(401);
  expect((await fetch(`${pacs.orthanc.dicomwebUrl}/studies`)).status).toBe(401);
  expect((await orthancRest(pacs.orthanc, '/system')).status).toBe(200);
});
