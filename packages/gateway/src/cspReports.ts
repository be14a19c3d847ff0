import type { FastifyPluginAsync } from 'fastify';

/** One Content-Security-Policy violation, as the browser reported it. */
export interface CspViolation {
  violatedDirective: string;
  blockedUri: string;
  sourceFile?: string;
  lineNumber?: number;
}

export interface CspReportOptions {
  onViolation: (violation: CspViolation) => void;
}

const REPORT_LIMIT_BYTES = 64 * 1024;

/**
 * Receives the browser's CSP violation reports (the policy's `report-uri`: `application/csp-report`,
 * or the Reporting API's `application/reports+json`) and hands each violation on. Bounded and
 * answered 204 whatever the body, so it tells a sender nothing.
 */
export const cspReports: FastifyPluginAsync<CspReportOptions> = async (app, options) => {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(['application/csp-report', 'application/reports+json', 'application/json'], { parseAs: 'string', bodyLimit: REPORT_LIMIT_BYTES }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(null, undefined);
    }
  });
  app.post('/', async (request, reply) => {
    for (const violation of violationsOf(request.body)) options.onViolation(violation);
    return reply.code(204).send();
  });
};

function violationsOf(body: unknown): CspViolation[] {
  const reports = Array.isArray(body) ? body.map((entry) => (entry as { body?: unknown })?.body) : [(body as { 'csp-report'?: unknown })?.['csp-report']];
  return reports.flatMap((report) => {
    if (report === null || typeof report !== 'object') return [];
    const fields = report as Record<string, unknown>;
    const text = (...names: string[]) => names.map((name) => fields[name]).find((value): value is string => typeof value === 'string')?.slice(0, 512);
    const line = fields['line-number'] ?? fields.lineNumber;
    return [
      {
        violatedDirective: text('violated-directive', 'effective-directive', 'effectiveDirective') ?? '(unknown)',
        blockedUri: text('blocked-uri', 'blockedURL') ?? '(unknown)',
        ...(text('source-file', 'sourceFile') ? { sourceFile: text('source-file', 'sourceFile') } : {}),
        ...(typeof line === 'number' ? { lineNumber: line } : {}),
      },
    ];
  });
}
