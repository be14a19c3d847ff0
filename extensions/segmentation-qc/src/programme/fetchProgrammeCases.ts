import type { ProgrammeCases } from '@segqc/core';

/** Where the gateway serves the programme's case store (packages/gateway programmeCasesRoute.ts), beside /segqc/session. */
export const PROGRAMME_CASES_PATH = '/segqc/api/cases';

export class ProgrammeCasesError extends Error {
  override readonly name = 'ProgrammeCasesError';
}

/**
 * The case store's cases and sync (sync null: the gateway keeps no store, or it was never synced),
 * or null when no SegQC gateway answers (404, or not JSON at all: a host serving the viewer's own
 * page for any path, as a single-page app does): the overview then reads the PACS itself.
 * A refusal (an annotator, an expired sign-in) is a ProgrammeCasesError with the gateway's words.
 */
export async function fetchProgrammeCases(headers: Record<string, string>): Promise<ProgrammeCases | null> {
  const response = await fetch(PROGRAMME_CASES_PATH, { headers, cache: 'no-store' });
  if (response.status === 404 || (response.ok && !/^application\/json\b/i.test(response.headers.get('content-type') ?? ''))) return null;
  const body = (await response.json().catch(() => null)) as (ProgrammeCases & { message?: string }) | null;
  if (!response.ok) throw new ProgrammeCasesError(`the gateway refused the programme's cases (HTTP ${response.status}${body?.message ? `: ${body.message}` : ''})`);
  if (!body || !Array.isArray(body.cases)) throw new ProgrammeCasesError('the gateway\'s answer for the programme\'s cases is not a list of cases');
  return body;
}
