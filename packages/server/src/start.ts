#!/usr/bin/env node
/**
 * `npm start`: the prebuilt OHIF viewer with SegQC on http://127.0.0.1:PORT (default 3000), on
 * an embedded Orthanc seeded with the demo cohort, or on the PACS named by SEGQC_DICOMWEB_URL.
 * Ctrl-C stops everything it started.
 *
 * Environment: PORT, HOST (default 127.0.0.1), SEGQC_DICOMWEB_URL (use that PACS, start no
 * Orthanc), SEGQC_DATA_DIR (Orthanc storage and the demo provider's keys, default .segqc/),
 * SEGQC_DEMO_CASES (seed only these demo case ids, comma-separated), SEGQC_ALLOWED_HOSTS
 * (host[:port] names the viewer answers to, default the listen address and localhost); sign-in:
 * SEGQC_AUTH=demo or SEGQC_OIDC_* (signIn/signInEnvironment.ts).
 */
import { existsSync } from 'node:fs';
// The host names the gateway answers to by default, from its module.
import { JournalChainError } from '@segqc/core';
import { WriteJournal, defaultAllowedHosts } from '@segqc/gateway';
import { demoSeedEntries } from './demoSeedEntries';
import type { FastifyInstance } from 'fastify';
import { ORTHANC, ensureDebianPackages } from './debianPackages';
import { startDemoIdentityProvider, type DemoIdentityProvider } from './demoIdentityProvider/demoIdentityProvider';
import { orthancCredential, startEmbeddedOrthanc, type EmbeddedOrthanc } from './embeddedOrthanc';
import { freePort } from './freePort';
import { createHostServer } from './hostServer';
import { listen, parsePort } from './listen';
import { assertPacsReachable, parseDicomwebUrl } from './pacsCheck';
import { paths } from './paths';
import { seedDemoCohort } from './seedDemoCohort';
import { signInChoice } from './signIn/signInEnvironment';
import { StartupError } from './startupError';

const running: { app?: FastifyInstance; orthanc?: EmbeddedOrthanc; identityProvider?: DemoIdentityProvider } = {};

async function stopAll(): Promise<void> {
  await running.app?.close();
  await running.identityProvider?.stop();
  await running.orthanc?.stop();
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT ?? '3000');
  const host = process.env.HOST ?? '127.0.0.1';
  const allowedHosts = process.env.SEGQC_ALLOWED_HOSTS?.split(',').map((name) => name.trim()).filter(Boolean);
  const auth = signInChoice(process.env);
  if (!existsSync(paths.viewerDir)) throw new StartupError('the OHIF viewer is not unpacked in .ohif-host/: run `npm ci` first');
  for (const dir of paths.bundleDirs) if (!existsSync(dir)) throw new StartupError(`${dir} is missing: run \`npm run build\``);

  const external = process.env.SEGQC_DICOMWEB_URL;
  let upstream: URL;
  let orthancPort = 0;
  const credential = external ? undefined : orthancCredential();
  if (external) {
    upstream = parseDicomwebUrl(external);
    await assertPacsReachable(upstream);
  } else {
    ensureDebianPackages([ORTHANC]);
    orthancPort = await freePort();
    upstream = new URL(`http://127.0.0.1:${orthancPort}/dicom-web`);
  }

  const journal = openJournal(paths.journalFile);
  // Listen before starting anything else, so that a port in use fails at once.
  running.app = await createHostServer({
    viewerDir: paths.viewerDir,
    appConfigFile: paths.appConfigFile,
    bundleDirs: paths.bundleDirs,
    dicomwebUpstream: upstream,
    upstreamAuthorization: credential?.authorization,
    keepHostHeader: !external,
    allowedHosts,
    ...(auth.kind === 'none' ? {} : { signIn: auth.signIn }),
    journal,
  });
  await listen(running.app, port, host);
  if (auth.kind === 'demo') {
    // The viewer's origins, as the gateway answers to them, are the provider's redirect targets.
    const viewerOrigins = (allowedHosts ?? defaultAllowedHosts(host, port)).map((name) => `http://${name.toLowerCase()}`);
    running.identityProvider = await startDemoIdentityProvider({ port: auth.port, secretsDir: paths.identityProviderDir, viewerOrigins, accessTokenTtlSeconds: auth.accessTokenTtlSeconds });
    console.log(`segqc: sign-in: demo identity provider at ${running.identityProvider.issuer} (loopback only); the demo users and their passwords are in the README, "Sign-in"`);
    console.log(`segqc: the QC service account (client segqc-qc-service, reviewer) has its secret in ${running.identityProvider.serviceSecretFile}`);
  } else if (auth.kind === 'site') {
    console.log(`segqc: sign-in: identity provider ${auth.signIn.accessTokens.issuer}, client ${auth.signIn.clientId}`);
  }

  let pacsDescription = `PACS ${upstream.href}`;
  if (!external) {
    running.orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir: paths.orthancStorage, port: orthancPort, credential });
    console.log(`segqc: embedded Orthanc on ${running.orthanc.restUrl} (loopback only, reachable through the gateway), storage in ${paths.orthancStorage}`);
    const report = await seedDemoCohort(running.orthanc.dicomwebUrl, {
      headers: { Authorization: running.orthanc.authorization },
      cases: process.env.SEGQC_DEMO_CASES?.split(',').filter(Boolean),
      onProgress: (caseId, done, total) => process.stdout.write(`\rsegqc: demo cohort ${done + 1}/${total} (${caseId})     `),
      // The demo's objects are written by SegQC too: journaled as the seed's, so that audit verify finds them accounted for.
      onStored: (files) => journal.append(demoSeedEntries(files)),
    });
    process.stdout.write('\n');
    pacsDescription = `embedded Orthanc, demo cohort ready (studies stored now: ${report.seeded.length}, already there: ${report.alreadyPresent.length})`;
  }
  console.log(`segqc: ${pacsDescription}`);
  console.log(`segqc: study list at http://${host}:${port}/  (Ctrl-C to stop)`);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    console.log(`\nsegqc: stopping (${signal})`);
    void stopAll().then(() => process.exit(0));
  });
}

main().catch(async (error: Error) => {
  await stopAll();
  console.error(error instanceof StartupError ? `segqc: ${error.message}` : `segqc: ${error.stack ?? error.message}`);
  process.exit(1);
});

/** The gateway's journal of writes; one whose chain is broken stops the start, kept as the evidence it is. */
function openJournal(file: string): WriteJournal {
  try {
    return WriteJournal.open(file);
  } catch (error) {
    if (!(error instanceof JournalChainError)) throw error;
    throw new StartupError(`the journal of writes ${file} was altered (${error.message}); keep it as evidence, and start with SEGQC_JOURNAL_FILE naming a new file`);
  }
}

