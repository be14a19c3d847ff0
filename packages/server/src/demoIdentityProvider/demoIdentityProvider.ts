import { createServer } from 'node:http';
import { listenServer } from '../listen';
import { demoIssuer, demoProviderConfiguration } from './demoProviderConfiguration';
import { interactionHandler } from './interactions';
import { errorPage } from './providerPages';
import { providerPagePolicy, setProviderHeaders } from './providerHeaders';
import { providerSecrets } from './providerSecrets';
import { withViewerSignOutReturn } from './signOutReturn';

export interface DemoIdentityProviderOptions {
  /** Loopback port; the issuer is `http://127.0.0.1:<port>`. */
  port: number;
  /** Where the provider's keys and the service secret are kept (made at first start). */
  secretsDir: string;
  /** Where the viewer is served (`http://host:port`, one per host name it answers to). */
  viewerOrigins: readonly string[];
  accessTokenTtlSeconds: number;
}

export interface DemoIdentityProvider {
  issuer: string;
  /** The file holding the QC service account's client secret (0600). */
  serviceSecretFile: string;
  stop(): Promise<void>;
}

const END_SESSION_PATH = '/session/end';

/**
 * `SEGQC_AUTH=demo`'s OpenID Provider: oidc-provider (an ES module, hence `import()`) configured by
 * demoProviderConfiguration.ts, behind a loopback server that answers only to the issuer's host
 * name (DNS rebinding), sends the pages' policy headers, and serves SegQC's sign-in interactions.
 */
export async function startDemoIdentityProvider(options: DemoIdentityProviderOptions): Promise<DemoIdentityProvider> {
  const { default: Provider, errors } = await import('oidc-provider');
  const secrets = providerSecrets(options.secretsDir);
  const issuer = demoIssuer(options.port);
  const provider = new Provider(issuer, demoProviderConfiguration({ viewerOrigins: options.viewerOrigins, secrets, accessTokenTtlSeconds: options.accessTokenTtlSeconds }, errors));
  const handleProtocol = provider.callback();
  const policy = providerPagePolicy(options.viewerOrigins);
  const issuerHost = new URL(issuer).host;

  const server = createServer((request, response) => {
    setProviderHeaders(response, policy);
    if (request.headers.host !== issuerHost) {
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('this server does not answer to that host name\n');
      return;
    }
    const target = request.url ?? '/';
    const interaction = interactionHandler(provider, new URL(target, issuer).pathname);
    if (!interaction) {
      request.url = withViewerSignOutReturn(target, END_SESSION_PATH, options.viewerOrigins);
      handleProtocol(request, response);
      return;
    }
    interaction(request, response).catch((error: Error) => {
      console.error(`segqc: demo identity provider: ${error.message}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/html; charset=utf-8' }).end(errorPage('server error', 'The sign-in failed on the server.'));
    });
  });
  await listenServer(server, options.port, '127.0.0.1', { name: 'SEGQC_OIDC_PORT', usual: 3002 });
  return {
    issuer,
    serviceSecretFile: secrets.serviceSecretFile,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
