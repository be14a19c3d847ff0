import { caseLabel } from '@segqc/core';
import { jsonOutput } from '../jsonOutput';
import { parseDriftOptions } from './driftOptions';
import { driftJson, driftText } from './driftReport';
import { readProgramme, type ReadDependencies } from './readProgramme';

export { DRIFT_USAGE } from './driftOptions';

/**
 * `segqc drift --pacs URL …`: the control-chart state of every annotator × structure × modality,
 * read from the PACS as the viewer's dashboard reads it (core reliabilityFromPacs, cases in worker
 * threads, progress on stderr); a table and a summary line, or the whole state as JSON. Exit code 1
 * when an alarm is in force — some chart's latest point is beyond its limit on the worse side, so
 * recalibration is due — for a nightly job; 0 otherwise.
 */
export async function runDrift(args: string[], out: (text: string) => void, dependencies: ReadDependencies = {}): Promise<number> {
  const options = parseDriftOptions(args);
  const { programme, studies, seconds } = await readProgramme(options, 'drift', dependencies);
  const json = driftJson(options.pacs, programme, seconds);
  out(options.json ? jsonOutput(json) : driftText(json, (uid) => caseLabel(studies.get(uid), uid)));
  return json.summary.inAlarm > 0 ? 1 : 0;
}
