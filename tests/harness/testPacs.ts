import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayApp, type AccessTokenVerifier, type ReportSigningSettings, type WriteJournal } from '@segqc/gateway';
import { demoSeedEntries, paths, seedDemoCohort, startEmbeddedOrthanc, type EmbeddedOrthanc } from '@segqc/server';

export interface TestPacs {
  /** The Orthanc itself: its REST and DICOMweb roots answer only with `orthanc.authorization`. */
  orthanc: EmbeddedOrthanc;
  /** The DICOMweb root of SegQC's gateway in front of it, as a deployment's clients see the PACS. */
  dicomwebUrl: string;
  storageDir: string;
  stop(): Promise<void>;
}

export interface TestPacsOptions {
  /** Sign-in on: the gateway needs these access tokens (e.g. of a TestIssuer) and applies the role policy. */
  accessTokens?: AccessTokenVerifier;
  /** The gateway records the writes the PACS accepts in this journal, and the demo seed its objects, as `npm start` does. */
  journal?: WriteJournal;
  /** The gateway signs the VERIFIED QC reports a signed-in user stores, with this certificate and key. */
  signing?: ReportSigningSettings;
}

/**
 * An Orthanc of the test's own (free port, temporary storage, locked down as `npm start` runs it,
 * seeded with the given demo cases) behind a gateway of its own on a free loopback port.
 */
export async function startTestPacs(cases: string[], options: TestPacsOptions = {}): Promise<TestPacs> {
  const storageDir = mkdtempSync(join(tmpdir(), 'segqc-test-orthanc-'));
  const orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir });
  const { journal } = options;
  await seedDemoCohort(orthanc.dicomwebUrl, { cases, headers: { Authorization: orthanc.authorization }, ...(journal ? { onStored: (files) => journal.append(demoSeedEntries(files)) } : {}) });
  const gateway = await createGatewayApp({
    upstream: new URL(orthanc.dicomwebUrl), upstreamAuthorization: orthanc.authorization, keepHostHeader: true, accessTokens: options.accessTokens, journal: options.journal,
    ...(options.signing ? { signing: options.signing } : {}),
  });
  await gateway.listen({ port: 0, host: '127.0.0.1' });
  return {
    orthanc,
    dicomwebUrl: `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/dicom-web`,
    storageDir,
    async stop() {
      await gateway.close();
      await orthanc.stop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** Orthanc's REST API with the test PACS's credential (what only the gateway holds in a deployment). */
export function orthancRest(orthanc: EmbeddedOrthanc, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${orthanc.restUrl}${path}`, { ...init, headers: { ...(init.headers as Record<string, string>), Authorization: orthanc.authorization } });
}

/** QIDO-RS/WADO-RS JSON: a DICOM JSON attribute's first value. */
export function firstValue(dataset: Record<string, { Value?: unknown[] }> | undefined, tag: string): unknown {
  return dataset?.[tag]?.Value?.[0];
}

export async function getDicomJson(url: string, headers: Record<string, string> = {}): Promise<Array<Record<string, { Value?: unknown[] }>>> {
  const response = await fetch(url, { headers: { ...headers, Accept: 'application/dicom+json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as Array<Record<string, { Value?: unknown[] }>>;
}
