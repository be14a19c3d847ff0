import type { DirectoryCaseStore } from '@segqc/case-store';
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import type { AccessTokenVerifier } from './accessTokens';
import { cspReports, type CspViolation } from './cspReports';
import { dicomwebGateway } from './dicomwebGateway';
import { reportSignerOf, type ReportSigningSettings } from './reportSigner';
import type { WriteJournal } from './writeJournal';
import { sendGatewayError } from './gatewayError';
import { defaultAllowedHosts, hostPolicy, isAllowedHost, type HostPolicy } from './hostPolicy';
import { requestTargetProblem } from './requestTarget';
import { PROGRAMME_CASES_PATH, programmeCasesRoute } from './programmeCasesRoute';
import { registerSecurityHeaders } from './securityHeaders';
import { SESSION_PATH, sessionRoute } from './sessionRoute';
import { contentSecurityPolicy } from './viewerPolicy';

export const DICOMWEB_PREFIX = '/dicom-web';
export const CSP_REPORT_PATH = '/segqc/csp-report';

/** Big enough for a 600-frame 512×512 8-bit SEG (LABELMAP or FRACTIONAL, ~157 MB) and its multipart framing. */
export const DEFAULT_STOW_BODY_LIMIT_BYTES = 256 * 1024 * 1024;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 60_000;
/** A client has this long to send a whole request (a STOW body included): Node's own default. */
export const DEFAULT_CLIENT_REQUEST_TIMEOUT_MS = 300_000;

export interface GatewayOptions {
  /** The PACS's DICOMweb root. */
  upstream: URL;
  /** Sent to the PACS instead of the client's Authorization (the embedded Orthanc's credential). */
  upstreamAuthorization?: string;
  /** Forward the client's Host (Orthanc builds BulkDataURIs from it); otherwise the PACS's own. */
  keepHostHeader: boolean;
  /** `host[:port]` the gateway answers to; default the listen address and `localhost` with its port. */
  allowedHosts?: readonly string[];
  /** Origins whose writes are accepted; default http(s):// each allowed host. */
  allowedOrigins?: readonly string[];
  stowBodyLimitBytes?: number;
  upstreamTimeoutMs?: number;
  clientRequestTimeoutMs?: number;
  /** Trust X-Forwarded-Proto/-For from this proxy (e.g. '127.0.0.1' for nginx on the same host). */
  trustProxy?: string;
  /** The viewer's inline scripts, allowed by hash in the CSP (viewerPolicy.ts). */
  inlineScripts?: readonly string[];
  /** Other origins the viewer may connect to. */
  connectSources?: readonly string[];
  /** Sign-in required: every DICOMweb request needs a valid access token (accessTokens.ts). */
  accessTokens?: AccessTokenVerifier;
  /** The append-only journal of the writes the PACS accepted (writeJournal.ts); none when not given. */
  journal?: WriteJournal;
  /** Each CSP violation a browser reports; default: one line on stderr. */
  onCspViolation?: (violation: CspViolation) => void;
  /**
   * With sign-in, every VERIFIED QC report and reference SEG stored is signed for the signed-in user with this
   * certificate and key (a DICOM Digital Signature, signStoredObject.ts), and refused (401, RFC 9470
   * step-up) unless they signed in within maxAuthAgeSeconds. Without it, reports are stored as sent.
   */
  signing?: ReportSigningSettings;
  /** The programme's case store that `segqc sync` keeps, served at /segqc/api/cases; none when not given. */
  caseStore?: DirectoryCaseStore;
}

/**
 * The gateway as a Fastify app: before routing, every request's target is checked (no encoded
 * separators or dots, no dot segments) and its Host must be an allowed one; every answer carries
 * the viewer's policy headers; `/dicom-web` forwards the allow-listed DICOMweb only. `npm start`
 * adds the viewer's own routes to this app; `segqc-gateway` runs it alone in front of any PACS.
 */
export async function createGatewayApp(options: GatewayOptions): Promise<FastifyInstance> {
  // A wrong key or an expired certificate stops the start, not the first signature.
  const signer = options.signing ? reportSignerOf(options.signing) : undefined;
  const requestTimeout = options.clientRequestTimeoutMs ?? DEFAULT_CLIENT_REQUEST_TIMEOUT_MS;
  const app = Fastify({
    logger: false,
    trustProxy: options.trustProxy ?? false,
    requestTimeout,
    // Headers within 20 s; a slow client is checked every second, not Node's default 30 s.
    http: { headersTimeout: Math.min(20_000, requestTimeout), connectionsCheckingInterval: 1_000 },
    forceCloseConnections: true,
    return503OnClosing: true,
  });

  let policy: HostPolicy | undefined;
  const currentPolicy = (): HostPolicy => {
    if (!policy) {
      const address = app.server.address() as AddressInfo;
      policy = hostPolicy(options.allowedHosts ?? defaultAllowedHosts(address.address, address.port), options.allowedOrigins);
    }
    return policy;
  };

  app.addHook('onRequest', async (request, reply) => {
    const problem = requestTargetProblem(request.raw.url ?? '', DICOMWEB_PREFIX);
    if (problem) return sendGatewayError(reply, 400, 'bad-request-target', `refused request target (${problem})`);
    // Node keeps the first of two Host headers; a proxy in front may have read the other one.
    if (hostHeaderCount(request.raw.rawHeaders) !== 1 || !isAllowedHost(currentPolicy(), request.headers.host)) return sendGatewayError(reply, 421, 'host-not-allowed', 'this server does not answer to that host name');
  });
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status >= 500) return sendGatewayError(reply, 500, 'internal-error', 'the gateway failed to handle the request');
    return sendGatewayError(reply, status, status === 413 ? 'payload-too-large' : status === 415 ? 'unsupported-media-type' : 'bad-request', 'the request was refused');
  });

  await registerSecurityHeaders(app, contentSecurityPolicy({ inlineScripts: options.inlineScripts ?? [], reportPath: CSP_REPORT_PATH, connectSources: options.connectSources }));
  await app.register(cspReports, { prefix: CSP_REPORT_PATH, onViolation: options.onCspViolation ?? logCspViolation });
  if (options.accessTokens) await app.register(sessionRoute, { prefix: SESSION_PATH, accessTokens: options.accessTokens });
  await app.register(programmeCasesRoute, { prefix: PROGRAMME_CASES_PATH, ...(options.caseStore ? { store: options.caseStore } : {}), ...(options.accessTokens ? { accessTokens: options.accessTokens } : {}) });
  await app.register(dicomwebGateway, {
    prefix: DICOMWEB_PREFIX,
    upstream: options.upstream,
    upstreamAuthorization: options.upstreamAuthorization,
    keepHostHeader: options.keepHostHeader,
    hostPolicy: currentPolicy,
    stowBodyLimitBytes: options.stowBodyLimitBytes ?? DEFAULT_STOW_BODY_LIMIT_BYTES,
    upstreamTimeoutMs: options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS,
    accessTokens: options.accessTokens,
    journal: options.journal,
    ...(signer ? { signer } : {}),
  });
  return app;
}

function hostHeaderCount(rawHeaders: string[]): number {
  let count = 0;
  for (let index = 0; index < rawHeaders.length; index += 2) if (rawHeaders[index]!.toLowerCase() === 'host') count++;
  return count;
}

function logCspViolation(violation: CspViolation): void {
  // Directive and blocked URI only (no document URL: it carries study UIDs); control characters out.
  const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  console.error(`segqc-gateway: CSP violation: ${clean(violation.violatedDirective)} blocked ${clean(violation.blockedUri)}`);
}
