import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  DicomValueError, ENGINE, QC_REPORT_SOP_CLASS_UID, describeJudgedSeg, judgeSegmentations, qcReportSeriesUid, randomUid, reportRevision,
  reportSourceSeries, writeQcReport, type AuthenticatedIdentity, type JudgedSegInfo, type QcReportInit,
} from '@segqc/core';
import { loadSegmentation } from '../compare/loadSegmentation';
import { storeInPacs } from '../pacsTarget';
import { isProgrammeReport, runProgrammeReport } from '../programmeReport/runProgrammeReport';
import { terminalLines } from '../terminalLines';
import { UsageError } from '../usageError';
import { parseReportOptions, type ReportOptions } from './reportOptions';
import { readSopFile } from './readSopFile';
import { sourceSeriesImages } from './sourceSeriesImages';

export { REPORT_USAGE } from './reportOptions';

/** SeriesNumber of SegQC's QC report series. */
const QC_REPORT_SERIES_NUMBER = 990;

const isPart10 = (bytes: Uint8Array) => bytes.length >= 132 && String.fromCharCode(...bytes.subarray(128, 132)) === 'DICM';

/**
 * `segqc report A B [C...] --source DIR --out SR.dcm …`: compares every pair of annotations
 * (compareSegmentations) and writes the case's QC report, a TID 1500 Comprehensive 3D SR, with
 * the observer, the SOP in force, the earlier report it revises, and the sign-off when asked.
 * `authentication`: the observer's sign-in at an OpenID Provider, recorded in the report (and for
 * the verifier, who is the observer); without it the observer is recorded as self-declared.
 */
export function runReport(args: string[], out: (text: string) => void, authentication?: AuthenticatedIdentity): number | Promise<number> {
  // --html / --pacs: the programme report from the PACS (segqc report --pacs URL --html OUT.html), not a case's SR.
  if (isProgrammeReport(args)) return runProgrammeReport(args, out);
  const options = parseReportOptions(args);
  if (authentication && !options.observer) throw new UsageError('a sign-in is recorded for the report\'s observer: give --observer and --login');
  checkOutput(options.out);
  const infos = options.segs.map(describe);
  checkSameCase(options.segs, infos);
  const sop = options.sop === null ? undefined : readSopFile(options.sop);
  const revision = options.revises === null ? undefined : revisionOf(options.revises, infos[0].studyInstanceUid);

  const images = sourceSeriesImages(options.source, infos[0].sourceSeriesInstanceUid);
  const { library, sliceImages } = reportSourceSeries(images, { allowGaps: true });
  const judged = options.segs.map((path, n) => ({ info: infos[n], segmentation: loadSegmentation(path, options.source).segmentation }));
  const { structures, conventions } = judgeSegmentations(judged, { sliceImages });

  const now = new Date();
  const organization = options.observer?.organization ?? infos[0].institutionName;
  const signedIn = authentication ? { authentication } : {};
  const init: QcReportInit = {
    sopInstanceUid: randomUid(),
    seriesInstanceUid: revision?.seriesInstanceUid ?? qcReportSeriesUid(infos[0].studyInstanceUid),
    seriesNumber: QC_REPORT_SERIES_NUMBER,
    instanceNumber: revision?.instanceNumber ?? 1,
    contentDate: dicomDate(now),
    contentTime: dicomTime(now),
    subject: infos[0].subject,
    ...(options.observer ? { observer: { name: options.observer.name, login: options.observer.login, role: options.observer.role, ...(organization !== undefined ? { organization } : {}), ...signedIn } } : {}),
    algorithm: { name: ENGINE.name, version: ENGINE.version, conventions },
    imageLibrary: [library],
    structures,
    ...(sop ? { sop } : {}),
    ...(revision ? { predecessors: [revision.predecessor] } : {}),
    // The observer signs off: the Verifying Observer is the observer, with the same sign-in.
    ...(options.sign && options.observer ? { verification: { name: options.observer.name, login: options.observer.login, ...(organization !== undefined ? { organization } : {}), dateTime: `${dicomDate(now)}${dicomTime(now)}`, ...signedIn } } : {}),
  };
  const report = writeQcReport(init);
  writeFileSync(options.out, report);
  out(summary(options, init, infos));
  if (!options.pacs) return 0;
  return storeInPacs(report, options.pacs).then(() => {
    out(terminalLines(`stored in the PACS at ${options.pacs?.url}`));
    return 0;
  });
}

function checkOutput(out: string): void {
  if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--out ${out} is a folder; give the file to write`);
  if (!existsSync(dirname(resolve(out)))) throw new UsageError(`--out ${out}: the folder ${dirname(out)} does not exist`);
}

/** A SEG's identity and hash; errors name the file. */
function describe(path: string): JudgedSegInfo {
  const bytes = new Uint8Array(readFileSync(path));
  if (!isPart10(bytes)) throw new UsageError(`${path} is not a DICOM file; a QC report judges DICOM SEGs (it references each segment by SOP Instance UID)`);
  try {
    return describeJudgedSeg(bytes);
  } catch (error) {
    if (error instanceof DicomValueError) throw new DicomValueError(`${path}: ${error.attributePath}`, error.reason);
    throw error;
  }
}

/** One report is of one case: the SEGs are distinct, of one study, drawn on one series. */
function checkSameCase(paths: string[], infos: JudgedSegInfo[]): void {
  infos.forEach((info, n) => {
    const earlier = infos.findIndex((other) => other.sopInstanceUid === info.sopInstanceUid);
    if (earlier !== n) throw new UsageError(`${paths[n]} is the same SEG as ${paths[earlier]} (SOP Instance UID ${info.sopInstanceUid})`);
    if (info.studyInstanceUid !== infos[0].studyInstanceUid) throw new UsageError(`${paths[n]} is of another study than ${paths[0]}; a QC report is of one case`);
    if (info.sourceSeriesInstanceUid !== infos[0].sourceSeriesInstanceUid) {
      throw new UsageError(`${paths[n]} was drawn on series ${info.sourceSeriesInstanceUid}, ${paths[0]} on ${infos[0].sourceSeriesInstanceUid}: annotations are compared on one series`);
    }
  });
}

/** The earlier report: its reference, the series to join and the next instance number (errors name --revises). */
function revisionOf(path: string, studyInstanceUid: string) {
  try {
    return reportRevision(new Uint8Array(readFileSync(path)), studyInstanceUid);
  } catch (error) {
    if (!(error instanceof DicomValueError)) throw error;
    const reason = error.reason.replace(/^is the report of study .*/, 'is the report of another study');
    throw new DicomValueError(`--revises ${path}`, reason);
  }
}

function summary(options: ReportOptions, init: QcReportInit, infos: JudgedSegInfo[]): string {
  const lines = [`wrote ${options.out}: QC report (Comprehensive 3D SR ${QC_REPORT_SOP_CLASS_UID}, TID 1500), ${init.structures.length} structures, ${infos.length} annotations`];
  infos.forEach((info, n) => lines.push(`  ${String.fromCharCode(65 + n)}  ${basename(options.segs[n])}  ${[info.annotatorName, info.annotatorLogin && `(${info.annotatorLogin})`].filter(Boolean).join(' ') || 'annotator not named'}`));
  for (const structure of init.structures) {
    const pairs = (structure.agreements ?? []).map((agreement) => `${agreement.between.join('–')} Dice ${agreement.dice.toFixed(3)} HD95 ${agreement.hd95Mm === null ? '—' : `${agreement.hd95Mm.toFixed(1)} mm`}`);
    lines.push(`  ${structure.label}: ${pairs.length > 0 ? pairs.join(', ') : `only ${structure.annotations.map((a) => a.annotation).join('')}`}`);
  }
  if (init.observer) {
    const { name, login, authentication } = init.observer;
    lines.push(`  observer ${name} (${login}), ${authentication ? `authenticated by ${authentication.issuer}` : 'self-declared'}`);
  }
  if (init.predecessors) lines.push(`  revises ${init.predecessors[0].sopInstanceUid} (instance ${init.instanceNumber})`);
  if (init.verification) lines.push(`  signed off by ${init.verification.name} at ${init.verification.dateTime}`);
  lines.push(`  SOP Instance UID ${init.sopInstanceUid}`);
  return terminalLines(...lines);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dicomDate = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
const dicomTime = (d: Date) => `${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
