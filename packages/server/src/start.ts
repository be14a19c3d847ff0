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
 * SEGQC_AUTH=demo or SEGQC_OIDC_* (signIn/signInEnvironment.ts); the case store the QC overview
 * reads: SEGQC_CASE_STORE (default .segqc/cases), kept by `segqc sync` every SEGQC_SYNC_SECONDS
 * (10), signed in with a site's sign-in as the service account SEGQC_SYNC_CLIENT_ID with
 * SEGQC_SYNC_CLIENT_SECRET_FILE; the signer of VERIFIED QC reports (signIn/reportSigning.ts): the
 * demo's own with SEGQC_AUTH=demo, else SEGQC_SIGNING_CERT_FILE and SEGQC_SIGNING_KEY_FILE.
 */
import { existsSync } from 'node:fs';
// The host names the gateway answers to by default, from its module.
import { JournalChainError } from '@segqc/core';
import { DirectoryCaseStore } from '@segqc/case-store';
import { WriteJournal, defaultAllowedHosts, reportSignerOf, signingStartupLine } from '@segqc/gateway';
import type { ChildProcess } from 'node:child_process';
import { startCaseStoreSync, type SyncServiceAccount } from './caseStoreSync';
import { demoSeedEntries } from './demoSeedEntries';
import type { FastifyInstance } from 'fastify';
import { ORTHANC, ensureDebianPackages } from './debianPackages';
import { DICOMWEB_RESOURCE, SERVICE_CLIENT_ID } from './demoIdentityProvider/demoProviderConfiguration';
import { startDemoIdentityProvider, type DemoIdentityProvider } from './demoIdentityProvider/demoIdentityProvider';
import { orthancCredential, startEmbeddedOrthanc, type EmbeddedOrthanc } from './embeddedOrthanc';
import { freePort } from './freePort';
import { createHostServer } from './hostServer';
import { listen, parsePort } from './listen';
import { assertPacsReachable, parseDicomwebUrl } from './pacsCheck';
import { paths } from './paths';
import { seedDemoCohort } from './seedDemoCohort';
import { reportSigningOf } from './signIn/reportSigning';
import { signInChoice } from './signIn/signInEnvironment';
import { StartupError } from './startupError';

const running: { app?: FastifyInstance; orthanc?: EmbeddedOrthanc; identityProvider?: DemoIdentityProvider; sync?: ChildProcess } = {};

async function stopAll(): Promise<void> {
  await stopChild(running.sync);
  await running.app?.close();
  await running.identityProvider?.stop();
  await running.orthanc?.stop();
}

async function main(): Promise<void> {
  const port = parsePort(process.env.PORT ?? '3000');
  const host = process.env.HOST ?? '127.0.0.1';
  const allowedHosts = process.env.SEGQC_ALLOWED_HOSTS?.split(',').map((name) => name.trim()).filter(Boolean);
  const auth = signInChoice(process.env);
  const signing = reportSigningOf(auth, process.env, paths.demoSigningDir);
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
    caseStore: new DirectoryCaseStore(paths.caseStoreDir),
    ...(signing ? { signing: signing.settings } : {}),
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

  const signingLine = signingStartupLine(signing?.settings, auth.kind !== 'none');
  if (signingLine) console.log(`segqc: ${signingLine}`);
  if (signing?.demoCaCertificateFile) console.log(`segqc: the demo signer's CA certificate (to verify the signatures, e.g. dcmsign --verify +cf FILE) is ${signing.demoCaCertificateFile}`);

  let pacsDescription = `PACS ${upstream.href}`;
  if (!external) {
    running.orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir: paths.orthancStorage, port: orthancPort, credential });
    console.log(`segqc: embedded Orthanc on ${running.orthanc.restUrl} (loopback only, reachable through the gateway), storage in ${paths.orthancStorage}`);
    const report = await seedDemoCohort(running.orthanc.dicomwebUrl, {
      headers: { Authorization: running.orthanc.authorization },
      cases: process.env.SEGQC_DEMO_CASES?.split(',').filter(Boolean),
      onProgress: (caseId, done, total) => process.stdout.write(`\rsegqc: demo cohort ${done + 1}/${total} (${caseId})     `),
      // The demo's objects are written by SegQC too: journaled as the seed's (the adjudications, with
      // sign-in, as the adjudicator's), so that audit verify finds them accounted for.
      onStored: (objects) => journal.append(demoSeedEntries(objects)),
      // With the demo's sign-in, its adjudications are signed for the adjudicator as the gateway signs.
      ...(running.identityProvider && signing ? { signedInAdjudicator: { issuer: running.identityProvider.issuer, signer: reportSignerOf(signing.settings) } } : {}),
    });
    process.stdout.write('\n');
    pacsDescription = `embedded Orthanc, demo cohort ready (studies stored now: ${report.seeded.length}, already there: ${report.alreadyPresent.length})`;
  }
  console.log(`segqc: ${pacsDescription}`);
  const serviceAccount = syncServiceAccount(auth, running.identityProvider);
  if (auth.kind === 'site' && !serviceAccount) {
    console.log('segqc: the QC overview reads the whole PACS on each visit: set SEGQC_SYNC_CLIENT_ID and SEGQC_SYNC_CLIENT_SECRET_FILE (a service account with the reviewer role) to keep its case store');
  } else {
    // Through the gateway, as every SegQC client reads the PACS.
    const gatewayHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
    running.sync = startCaseStoreSync({
      dicomweb: `http://${gatewayHost.includes(':') ? `[${gatewayHost}]` : gatewayHost}:${port}/dicom-web`,
      storeDir: paths.caseStoreDir,
      watchSeconds: Number(process.env.SEGQC_SYNC_SECONDS ?? 10),
      ...(serviceAccount ? { serviceAccount } : {}),
    });
    console.log(`segqc: case store ${paths.caseStoreDir}, kept in step with the PACS by segqc sync`);
  }
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


/** Who the case store's sync signs in as: the demo provider's QC service account, or the site's SEGQC_SYNC_CLIENT_ID; none without sign-in. */
function syncServiceAccount(auth: ReturnType<typeof signInChoice>, provider: DemoIdentityProvider | undefined): SyncServiceAccount | undefined {
  if (auth.kind === 'demo' && provider) return { issuer: provider.issuer, clientId: SERVICE_CLIENT_ID, secretFile: provider.serviceSecretFile, resource: DICOMWEB_RESOURCE };
  const clientId = process.env.SEGQC_SYNC_CLIENT_ID;
  const secretFile = process.env.SEGQC_SYNC_CLIENT_SECRET_FILE;
  if (auth.kind !== 'site' || !clientId || !secretFile) return undefined;
  return { issuer: auth.signIn.accessTokens.issuer, clientId, secretFile, ...(process.env.SEGQC_SYNC_RESOURCE ? { resource: process.env.SEGQC_SYNC_RESOURCE } : {}) };
}

/** Stops a child process and waits for it to be gone. */
async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await gone;
}
