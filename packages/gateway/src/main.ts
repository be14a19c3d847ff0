#!/usr/bin/env node
/**
 * `segqc-gateway`: the DICOMweb gateway alone, in front of any PACS, for a deployment where a web
 * server (platform-config/nginx/segqc.conf) serves the viewer and routes `/dicom-web` here.
 * Settings: gatewayEnvironment.ts.
 */
import { createGatewayApp } from './gatewayApp';
import { GatewayConfigError, gatewayEnvironment } from './gatewayEnvironment';
import { sendGatewayError } from './gatewayError';
import { signingStartupLine } from './reportSigner';

async function main(): Promise<void> {
  const { options, listen } = gatewayEnvironment(process.env);
  const app = await createGatewayApp(options);
  app.setNotFoundHandler((_request, reply) => sendGatewayError(reply, 404, 'not-found', 'this gateway serves DICOMweb under /dicom-web only'));
  await app.listen(listen);
  console.log(`segqc-gateway: http://${listen.host}:${listen.port}/dicom-web → ${options.upstream.href}`);
  const signing = signingStartupLine(options.signing, options.accessTokens !== undefined);
  if (signing) console.log(`segqc-gateway: ${signing}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close().then(() => process.exit(0)));
}

main().catch((error: Error) => {
  console.error(error instanceof GatewayConfigError ? `segqc-gateway: ${error.message}` : `segqc-gateway: ${error.stack ?? error.message}`);
  process.exit(1);
});
