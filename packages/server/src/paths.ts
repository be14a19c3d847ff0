import { join, resolve } from 'node:path';

/** The checkout's folders, from this file's place in packages/server/{src,dist}. */
export const repositoryRoot = resolve(__dirname, '..', '..', '..');

const dataDir = process.env.SEGQC_DATA_DIR ?? join(repositoryRoot, '.segqc');

export const paths = {
  viewerDir: join(repositoryRoot, '.ohif-host', 'dist'),
  appConfigFile: join(repositoryRoot, 'platform-config', 'app-config.js'),
  orthancConfigFile: join(repositoryRoot, 'platform-config', 'orthanc', 'orthanc.json'),
  bundleDirs: [join(repositoryRoot, 'extensions', 'segmentation-qc', 'dist'), join(repositoryRoot, 'modes', 'segmentation-qc', 'dist')],
  /** Runtime state of `npm start`: git-ignored .segqc/ unless SEGQC_DATA_DIR names another folder. */
  orthancStorage: join(dataDir, 'orthanc'),
  /** The gateway's append-only journal of the writes the PACS accepted (SEGQC_JOURNAL_FILE elsewhere). */
  journalFile: process.env.SEGQC_JOURNAL_FILE ?? join(dataDir, 'journal', 'writes.jsonl'),
  /** The programme's case store that `segqc sync` keeps and the QC overview reads (SEGQC_CASE_STORE elsewhere). */
  caseStoreDir: process.env.SEGQC_CASE_STORE ?? join(dataDir, 'cases'),
  /** The demo identity provider's keys and the QC service account's secret (SEGQC_AUTH=demo). */
  identityProviderDir: join(dataDir, 'identity-provider'),
  /** The demo signer certificate, its key and the demo CA (SEGQC_AUTH=demo; signIn/reportSigning.ts). */
  demoSigningDir: join(dataDir, 'signing'),
};
