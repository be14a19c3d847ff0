import { caseInventory, studiesWithSegs, type ReadFetchLike } from '@segqc/core';
import type { AccessTokensOptions } from '../auth/AccessTokens';
import { PacsConnection } from '../auth/PacsConnection';
import { writerIdentity } from '../auth/writerIdentity';
import { jsonOutput } from '../jsonOutput';
import { storeInPacs } from '../pacsTarget';
import { defaultSopDir, readSopLibrary, type SopLibrary } from '../qc/sopLibrary';
import { terminalLines } from '../terminalLines';
import { AdjudicateCaseError } from './AdjudicateCaseError';
import type { AdjudicateCaseResult } from './AdjudicateCaseResult';
import { ADJUDICATE_WRITER_FLAGS, parseAdjudicateOptions, type AdjudicateOptions } from './adjudicateOptions';
import { automaticDecisions, notAgreed } from './automaticRule';
import { caseLine } from './caseLine';
import { caseStructures } from './caseStructures';
import { caseToAdjudicate } from './caseToAdjudicate';
import { explicitDecisions } from './explicitDecisions';
import { signAdjudication, type SignContext } from './signAdjudication';

export { ADJUDICATE_USAGE } from './adjudicateOptions';

/** What a run is made of besides its arguments; tests give their own. */
export interface AdjudicateDependencies {
  fetch?: ReadFetchLike;
  grant?: AccessTokensOptions['grant'];
  env?: NodeJS.ProcessEnv;
  now?: () => Date;
  /** Where the lines about the SOP library go; process.stderr by default. */
  progress?: { write(text: string): unknown };
}

/** The JSON document of `--json`. */
export interface AdjudicateJson {
  pacs: string;
  mode: 'decide' | 'auto';
  summary: { cases: number; adjudicated: number; skipped: number; failed: number };
  cases: AdjudicateCaseResult[];
}

/**
 * `segqc adjudicate --pacs URL …`: the viewer's Sign from the command line. One case decided by the
 * options (--accept an annotator's segment, or a majority or STAPLE reference), or with
 * --auto-accept-agreed every case whose every pair passed the SOP given the consensus reference,
 * recorded as automatic; each written as the ADJUDICATED reference SEG and the VERIFIED QC report
 * revising the study's latest, stored by STOW-RS, and named by the access token's user
 * (authenticated) or the self-declared --adjudicator and --login. One line per case (or --json);
 * exit code 1 when a case could not be adjudicated, 0 otherwise (skipped cases included).
 */
export function runAdjudicate(args: string[], out: (text: string) => void, dependencies: AdjudicateDependencies = {}): Promise<number> {
  // A usage error is thrown here, before any request.
  const options = parseAdjudicateOptions(args, dependencies.env, (dependencies.now ?? (() => new Date()))());
  const library = readSopLibrary(options.sopDir ?? defaultSopDir());
  for (const { file, reason } of library.invalid) (dependencies.progress ?? process.stderr).write(terminalLines(`segqc adjudicate: ${file} is not used: ${reason}`));
  const connection = new PacsConnection(options.credential, { fetch: dependencies.fetch, grant: dependencies.grant });
  return adjudicateRun(options, library, connection, out, dependencies).catch((error: unknown) => {
    throw connection.explain(error);
  });
}

async function adjudicateRun(options: AdjudicateOptions, library: SopLibrary, connection: PacsConnection, out: (text: string) => void, dependencies: AdjudicateDependencies): Promise<number> {
  // Who signs, before anything is read: a name or login that is not the token's user stops the run.
  const adjudicator = writerIdentity(options.adjudicator, await connection.identity(), ADJUDICATE_WRITER_FLAGS);
  const { mode } = options;
  const context: SignContext = {
    adjudicator,
    checked: options.checked,
    strictChecklist: mode.kind === 'decide',
    signer: options.signer,
    store: (bytes) => storeInPacs(bytes, { url: options.pacs, credential: options.credential }, connection),
    now: dependencies.now ?? (() => new Date()),
  };
  const studies = mode.kind === 'decide' ? [mode.study] : mode.studies === 'all' ? (await studiesWithSegs(options.pacs, connection.read)).studies : mode.studies;

  const results: AdjudicateCaseResult[] = [];
  for (const study of studies) {
    const result = await adjudicateOne(study, options, library, connection, context);
    results.push(result);
    if (!options.json) out(caseLine(result));
  }
  const count = (status: AdjudicateCaseResult['status']) => results.filter((result) => result.status === status).length;
  const summary = { cases: results.length, adjudicated: count('adjudicated'), skipped: count('skipped'), failed: count('failed') };
  if (options.json) out(jsonOutput({ pacs: options.pacs, mode: mode.kind, summary, cases: results } satisfies AdjudicateJson));
  else if (mode.kind === 'auto') out(terminalLines(`segqc adjudicate: ${summary.cases} cases: ${summary.adjudicated} adjudicated, ${summary.skipped} skipped, ${summary.failed} failed`));
  return summary.failed > 0 ? 1 : 0;
}

/** One case; never rejects: what stops it (a refusal of the PACS explained, as the other cases may still go) is its `failed` result, with why. */
async function adjudicateOne(study: string, options: AdjudicateOptions, library: SopLibrary, connection: PacsConnection, context: SignContext): Promise<AdjudicateCaseResult> {
  const base: AdjudicateCaseResult = { studyInstanceUid: study, status: 'failed', reason: null, referenceSeg: null, report: null, signature: null, referenceSegSignature: null, revises: null, sop: null, annotations: [], structures: [] };
  const { mode } = options;
  try {
    const inventory = await caseInventory(options.pacs, study, connection.read);
    // Nothing more is read of a case automatic adjudication passes over.
    if (mode.kind === 'auto' && inventory.state === 'adjudicated') return { ...base, status: 'skipped', reason: 'already adjudicated' };
    const reviewed = await caseToAdjudicate(options.pacs, inventory, connection.read, library);
    const annotated = { ...base, sop: reviewed.sop ? `${reviewed.sop.reference.id}@${reviewed.sop.reference.version}` : null, annotations: reviewed.annotations.map(({ ref }) => ref.id) };
    const structures = caseStructures(reviewed);
    if (mode.kind === 'decide') return await signAdjudication(reviewed, structures, explicitDecisions(reviewed, structures, mode), context);
    const disagreement = notAgreed(reviewed);
    if (disagreement !== null) return { ...annotated, status: 'skipped', reason: disagreement };
    return await signAdjudication(reviewed, structures, automaticDecisions(structures, reviewed.sop!, mode.method), context);
  } catch (error) {
    const explained = connection.explain(error);
    // A case that is not double-read is no case for automatic adjudication: passed over, not failed.
    if (mode.kind === 'auto' && explained instanceof AdjudicateCaseError && explained.message.startsWith('not double-read')) return { ...base, status: 'skipped', reason: explained.message };
    return { ...base, status: 'failed', reason: explained instanceof Error ? explained.message : String(explained) };
  }
}
