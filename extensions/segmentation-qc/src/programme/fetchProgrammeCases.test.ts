import { fetchProgrammeCases, ProgrammeCasesError } from './fetchProgrammeCases';

// Why: the QC overview reads the case store when the gateway keeps one and the PACS otherwise. A host
// that is a single-page app answers any unknown path with its page (200, text/html): that is no
// store either, not an error; a refusal is an error with the gateway's words.
const answering = (status: number, contentType: string, body: string) => {
  globalThis.fetch = (async () => new Response(body, { status, headers: { 'content-type': contentType } })) as typeof fetch;
};
const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

it('the store\'s answer', async () => {
  answering(200, 'application/json; charset=utf-8', JSON.stringify({ sync: null, cases: [] }));
  expect(await fetchProgrammeCases({})).toEqual({ sync: null, cases: [] });
});

it.each([
  ['the gateway keeps no store', 404, 'application/json', '{"error":"not-found","message":"this server keeps no case store"}'],
  ['the viewer\'s page, from a host without the gateway', 200, 'text/html; charset=utf-8', '<!doctype html><html></html>'],
])('%s: no store', async (_what, status, contentType, body) => {
  answering(status, contentType, body);
  expect(await fetchProgrammeCases({})).toBeNull();
});

it('a refusal says why, in the gateway\'s words', async () => {
  answering(403, 'application/json', '{"error":"blinded","message":"they are for reviewers, adjudicators and QA leads"}');
  await expect(fetchProgrammeCases({})).rejects.toThrow(new ProgrammeCasesError('the gateway refused the programme\'s cases (HTTP 403: they are for reviewers, adjudicators and QA leads)'));
});
