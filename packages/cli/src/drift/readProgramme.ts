import {
  meaningfulDiceChangesOf, reliabilityFromPacs, STUDY_TAGS, studyAttributes,
  type DicomJsonDataset, type ProgrammeReliabilityFromPacs, type ReadFetchLike, type Sop,
} from '@segqc/core';
import type { AccessTokensOptions } from '../auth/AccessTokens';
import { PacsConnection } from '../auth/PacsConnection';
import type { ObserveWorkerData } from './observeWorkerProtocol';
import type { ProgressStream } from '../progressOutput';
import { ObserverPool, type CaseObserver } from './ObserverPool';
import type { ProgrammeReadOptions } from './programmeOptions';
import { ReadingProgress } from './ReadingProgress';
import { defaultSopDir, readSopLibrary } from '../qc/sopLibrary';

/**
 * The SOP library the programme is measured under: the repository's, platform-config/sops. It gives
 * each structure's meaningful Dice change (the floor of each drift chart's σ, core driftState) and
 * each case's SOP (its minimum lesion size, core observeCaseFromPacs). Without one (a folder missing
 * from a deployment), none: every structure gets core's DEFAULT_MEANINGFUL_DICE_CHANGE and every
 * case is measured as without a SOP.
 */
export function repositorySops(dir: string = defaultSopDir()): Sop[] {
  try {
    return readSopLibrary(dir).sops.map((entry) => entry.sop);
  } catch {
    return [];
  }
}

/** The study attributes the CLI names a case by (PS3.6 tags); never the patient's name or ID. */
export interface ProgrammeRead {
  programme: ProgrammeReliabilityFromPacs;
  /** Each study's attributes (core STUDY_TAGS, QIDO-RS), by Study Instance UID: what the reports name and date a case by. */
  studies: Map<string, DicomJsonDataset>;
  seconds: number;
}

/** What a read is made of besides its options; tests give their own. */
export interface ReadDependencies {
  /** The observer of the cases (worker threads by default, started with `data`). */
  observer?: (data: ObserveWorkerData) => CaseObserver;
  /** Where progress goes; process.stderr by default. */
  progress?: ProgressStream;
  /** The main thread's fetch (inventory, study attributes); Node's by default. */
  fetch?: ReadFetchLike;
  /** The main thread's client-credentials grant; openid-client's by default. */
  grant?: AccessTokensOptions['grant'];
  now?: () => number;
  /** The SOP library; repositorySops() by default. */
  sops?: readonly Sop[];
}

/**
 * The whole programme from the PACS as the viewer's dashboard reads it (core reliabilityFromPacs):
 * the inventory in this thread, each case's SEGs in `workers` worker threads, progress on stderr;
 * and the studies' attributes, to name the cases. The SOP library is read once, here, and handed to
 * the workers. The access token is had here first and handed
 * to the workers, which fetch their own as it expires; a 401 or 403 of the PACS is a
 * PacsAccessError saying why.
 */
export async function readProgramme(options: ProgrammeReadOptions, command: string, dependencies: ReadDependencies = {}): Promise<ProgrammeRead> {
  const connection = new PacsConnection(options.credential, { fetch: dependencies.fetch, grant: dependencies.grant });
  try {
    return await read(options, command, connection, dependencies);
  } catch (error) {
    throw connection.explain(error);
  }
}

async function read(options: ProgrammeReadOptions, command: string, connection: PacsConnection, dependencies: ReadDependencies): Promise<ProgrammeRead> {
  const now = dependencies.now ?? Date.now;
  const started = now();
  await connection.tokens.current();
  const progress = new ReadingProgress(dependencies.progress ?? process.stderr, command, now);
  const sops = dependencies.sops ?? repositorySops();
  const data: ObserveWorkerData = { root: options.pacs, credential: options.credential, issued: connection.tokens.issued(), sops };
  const observer = (dependencies.observer ?? ((d) => new ObserverPool(d)))(data);
  try {
    const programme = await reliabilityFromPacs(options.pacs, {
      ...connection.read, concurrency: options.workers, observe: (c) => observer.observe(c), onProgress: progress.update,
      reliability: { drift: { meaningfulDiceChange: meaningfulDiceChangesOf(sops) } },
    });
    const studies = await studyAttributes(options.pacs, Object.values(STUDY_TAGS).filter((tag) => tag !== STUDY_TAGS.StudyInstanceUID), connection.read);
    return { programme, studies, seconds: Math.round(now() - started) / 1000 };
  } finally {
    progress.finish();
    await observer.close();
  }
}

