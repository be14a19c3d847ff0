import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { orthancRest, type TestPacs } from './testPacs';

export interface PacsFingerprint {
  instanceCount: number;
  /** Orthanc's instance ids, sorted. */
  instances: string[];
  /** SHA-256 of every stored file (Orthanc's attachments: two levels of two-hex-digit folders). */
  storedFiles: Record<string, string>;
  /** DICOMweb servers Orthanc would send studies to or fetch from. */
  dicomwebServers: unknown;
}

/** What the PACS holds, read through Orthanc's own REST API and from its storage folder. */
export async function pacsFingerprint(pacs: TestPacs): Promise<PacsFingerprint> {
  const json = async (path: string) => (await orthancRest(pacs.orthanc, path)).json() as Promise<unknown>;
  const statistics = (await json('/statistics')) as { CountInstances: number };
  const storedFiles: Record<string, string> = {};
  for (const level1 of readdirSync(pacs.storageDir).filter((name) => /^[0-9a-f]{2}$/.test(name))) {
    for (const level2 of readdirSync(join(pacs.storageDir, level1))) {
      for (const file of readdirSync(join(pacs.storageDir, level1, level2))) {
        storedFiles[`${level1}/${level2}/${file}`] = createHash('sha256').update(readFileSync(join(pacs.storageDir, level1, level2, file))).digest('hex');
      }
    }
  }
  return {
    instanceCount: statistics.CountInstances,
    instances: ((await json('/instances')) as string[]).sort(),
    storedFiles,
    dicomwebServers: await json('/dicom-web/servers'),
  };
}
