import fastifyStatic from '@fastify/static';
import type { DirectoryCaseStore } from '@segqc/case-store';
import { accessTokenVerifier, createGatewayApp, inlineScriptsOf, sendGatewayError, type CspViolation, type ReportSigningSettings, type WriteJournal } from '@segqc/gateway';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { signInAppConfig } from './signIn/signInAppConfig';
import type { ViewerSignIn } from './signIn/viewerSignIn';
import { SOP_LIBRARY_PREFIX, defaultSopDir, serveSopLibrary } from './sopLibraryRoute';

export interface HostServerOptions {
  /** The prebuilt OHIF viewer (dist/ of @ohif/app), served untouched. */
  viewerDir: string;
  /** Served as /app-config.js in place of the viewer's own (with the sign-in settings after it, when on). */
  appConfigFile: string;
  /** Folders of the SegQC bundles (extension, mode), served together under /segqc/. */
  bundleDirs: string[];
  /** The PACS's DICOMweb root that /dicom-web is forwarded to, through the gateway. */
  dicomwebUpstream: URL;
  /** The embedded Orthanc's credential, sent instead of the browser's Authorization. */
  upstreamAuthorization?: string;
  /**
   * Forward the browser's Host header. Orthanc builds BulkDataURIs from it, so they point back
   * at this origin; a PACS behind virtual hosting or TLS needs its own host name instead.
   */
  keepHostHeader: boolean;
  /** The SOP library served under /segqc/sops/; platform-config/sops or SEGQC_SOP_DIR when absent. */
  sopDir?: string;
  /** Host names the viewer answers to (default: the listen address and localhost, with the port). */
  allowedHosts?: readonly string[];
  /** Each CSP violation a browser reports (default: a line on stderr). */
  onCspViolation?: (violation: CspViolation) => void;
  /** Users sign in: the viewer through OHIF's `oidc` login, and DICOMweb needs their access tokens. */
  signIn?: ViewerSignIn;
  /** The journal every write the PACS accepts is recorded in (the gateway's writeJournal.ts). */
  journal?: WriteJournal;
  /** The programme's case store, served to the QC overview (the gateway's programmeCasesRoute.ts). */
  caseStore?: DirectoryCaseStore;
  /** With sign-in, the signer of the VERIFIED QC reports stored (the gateway's GatewayOptions.signing). */
  signing?: ReportSigningSettings;
}

export const BUNDLES_PREFIX = '/segqc/';

/**
 * One origin for the viewer, the SegQC bundles, the app-config, the SOP library and the PACS (no
 * CORS needed), built on the gateway app: its request checks, policy headers and DICOMweb
 * allow-list cover the viewer's pages and assets as well. Listen with `listen(app, …)`, stop with `app.close()`.
 */
export async function createHostServer(options: HostServerOptions): Promise<FastifyInstance> {
  const { signIn } = options;
  const sopDir = options.sopDir ?? defaultSopDir();
  const indexHtml = join(options.viewerDir, 'index.html');
  const app = await createGatewayApp({
    upstream: options.dicomwebUpstream,
    upstreamAuthorization: options.upstreamAuthorization,
    keepHostHeader: options.keepHostHeader,
    allowedHosts: options.allowedHosts,
    inlineScripts: inlineScriptsOf(readFileSync(indexHtml, 'utf8')),
    onCspViolation: options.onCspViolation,
    ...(options.journal ? { journal: options.journal } : {}),
    ...(options.caseStore ? { caseStore: options.caseStore } : {}),
    ...(options.signing ? { signing: options.signing } : {}),
    ...(signIn ? { accessTokens: accessTokenVerifier(signIn.accessTokens), connectSources: [new URL(signIn.accessTokens.issuer).origin] } : {}),
  });

  await app.register(fastifyStatic, { root: options.viewerDir, prefix: '/', index: false, serveDotFiles: false });
  await app.register(fastifyStatic, {
    root: options.bundleDirs,
    prefix: BUNDLES_PREFIX,
    wildcard: false,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (res) => res.setHeader('cache-control', 'no-store'),
  });
  const signInConfig = signIn ? signInAppConfig(signIn) : '';
  app.get('/app-config.js', async (_request, reply) => {
    const appConfig = await readFile(options.appConfigFile, 'utf8');
    return reply.header('cache-control', 'no-store').type('text/javascript; charset=utf-8').send(appConfig + signInConfig);
  });
  app.route({
    method: ['GET', 'HEAD', 'PUT', 'POST', 'DELETE', 'PATCH'],
    url: `${SOP_LIBRARY_PREFIX}*`,
    exposeHeadRoute: false,
    handler: (request, reply) => serveSopLibrary(request, reply, (request.params as { '*': string })['*'], sopDir),
  });
  const sendIndex = (reply: FastifyReply) => reply.header('cache-control', 'no-store').sendFile('index.html');
  app.get('/', (_request, reply) => sendIndex(reply));
  // The viewer is a single-page app: routes such as /segmentation-qc?StudyInstanceUIDs=… get index.html.
  app.setNotFoundHandler((request, reply) => {
    const extension = extname(request.url.split('?')[0]!);
    if ((request.method !== 'GET' && request.method !== 'HEAD') || extension) return sendGatewayError(reply, 404, 'not-found', 'not found');
    return sendIndex(reply);
  });
  // JavaScript as `text/javascript` (RFC 9239), as nginx serves it, rather than the static server's alias.
  app.addHook('onSend', async (_request, reply) => {
    if (String(reply.getHeader('content-type')).startsWith('application/javascript')) reply.header('content-type', 'text/javascript; charset=utf-8');
  });
  await app.ready();
  return app;
}
