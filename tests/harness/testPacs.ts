import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paths, seedDemoCohort, startEmbeddedOrthanc, type EmbeddedOrthanc } from '@segqc/server';

export interface TestPacs {
  orthanc: EmbeddedOrthanc;
  dicomwebUrl: string;
  storageDir: string;
  stop(): Promise<void>;
}

/** An Orthanc of the test's own: free port, temporary storage, seeded with the given demo cases. */
export async function startTestPacs(cases: string[]): Promise<TestPacs> {
  const storageDir = mkdtempSync(join(tmpdir(), 'segqc-test-orthanc-'));
  const orthanc = await startEmbeddedOrthanc({ baseConfigFile: paths.orthancConfigFile, storageDir });
  await seedDemoCohort(orthanc.dicomwebUrl, { cases });
  return {
    orthanc,
    dicomwebUrl: orthanc.dicomwebUrl,
    storageDir,
    async stop() {
      await orthanc.stop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** QIDO-RS/WADO-RS JSON: a DICOM JSON attribute's first value. */
export function firstValue(dataset: Record<string, { Value?: unknown[] }> | undefined, tag: string): unknown {
  return dataset?.[tag]?.Value?.[0];
}

export async function getDicomJson(url: string): Promise<Array<Record<string, { Value?: unknown[] }>>> {
  const response = await fetch(url, { headers: { Accept: 'application/dicom+json' } });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as Array<Record<string, { Value?: unknown[] }>>;
}
