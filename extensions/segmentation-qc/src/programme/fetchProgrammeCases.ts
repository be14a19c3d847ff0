import type { ProgrammeCases } from '@segqc/core';

/** Where the gateway serves the programme's case store (packages/gateway programmeCasesRoute.ts), beside /segqc/session. */
export const PROGRAMME_CASES_PATH = '/segqc/api/cases';

export class ProgrammeCasesError extends Error {
  override readonly name = 'ProgrammeCasesError';
}

/**
 * The case store's cases and sync, or null when this server keeps no store (404: a PACS without
 * SegQC's gateway, or a gateway without SEGQC_CASE_STORE): the overview then reads the PACS itself.
 * A refusal (an annotator, an expired sign-in) is a ProgrammeCasesError with the gateway's words.
 */
export async function fetchProgrammeCases(headers: Record<string, string>): Promise<ProgrammeCases | null> {
  const response = await fetch(PROGRAMME_CASES_PATH, { headers, cache: 'no-store' });
  if (response.status === 404) return null;
  const body = (await response.json().catch(() => null)) as (ProgrammeCases & { message?: string }) | null;
  if (!response.ok) throw new ProgrammeCasesError(`the gateway refused the programme's cases (HTTP ${response.status}${body?.message ? `: ${body.message}` : ''})`);
  if (!body || !Array.isArray(body.cases)) throw new ProgrammeCasesError('the gateway\'s answer for the programme\'s cases is not a list of cases');
  return body;
}
