import { selectSop, type ParsedSopReference, type Sop, type SopSeriesAttributes } from '@segqc/core';
import { QcCaseError } from './QcCaseError';
import type { SopLibrary } from './sopLibrary';

/** The SOP a case is judged against, the file it came from, and how it was chosen. */
export interface CaseSop {
  sop: Sop | null;
  file: string | null;
  /** `protocol-name`: named by the annotations; `series`: none named one, chosen for the source series as the viewer does. */
  chosenBy: 'protocol-name' | 'series';
  reason: string;
}

/**
 * The SOP in force for a case: the one its annotations name in ProtocolName (`id@version+hash`),
 * loaded from the library by id@version, its SHA-256 checked against the hash they recorded — a
 * file that differs from the text the annotators worked under is an error naming the file. When
 * no annotation names a SOP (SEGs of another tool), the SOP that applies to the source series
 * (selectSop, the viewer's automatic choice); none may apply, and then no thresholds judge.
 * Annotations that name different SOPs are an error: one verdict cannot follow two.
 */
export function sopForCase(library: SopLibrary, annotations: ReadonlyArray<{ id: string; sop: ParsedSopReference | null }>, series: SopSeriesAttributes): CaseSop {
  const named = annotations.filter((annotation) => annotation.sop !== null) as Array<{ id: string; sop: ParsedSopReference }>;
  if (named.length === 0) {
    const { sop, reason } = selectSop(library.sops.map((entry) => entry.sop), series);
    return { sop, file: sop ? library.sops.find((entry) => entry.sop === sop)!.file : null, chosenBy: 'series', reason: `no annotation names a SOP; ${reason}` };
  }
  const written = (sop: ParsedSopReference) => `${sop.id}@${sop.version}+${sop.shortHash}`;
  const distinct = [...new Set(named.map((annotation) => written(annotation.sop)))];
  if (distinct.length > 1) {
    throw new QcCaseError(`the annotations name different SOPs: ${distinct.map((text) => `${text} (${named.filter((a) => written(a.sop) === text).map((a) => a.id).join(', ')})`).join('; ')}`);
  }
  const reference = named[0].sop;
  const entry = library.sops.find(({ sop }) => sop.id === reference.id && sop.version === reference.version);
  if (!entry) {
    const invalid = library.invalid.length > 0 ? ` (invalid there: ${library.invalid.map((file) => file.file).join(', ')})` : '';
    throw new QcCaseError(`the annotations were made under SOP ${reference.id}@${reference.version}, which is not in ${library.dir}${invalid}`);
  }
  if (!entry.sop.reference.sha256.startsWith(reference.shortHash.toLowerCase())) {
    throw new QcCaseError(
      `${entry.file} is ${reference.id}@${reference.version} with SHA-256 ${entry.sop.reference.sha256}, but the annotations were made under ${written(reference)}: the file is not the text they worked under`,
    );
  }
  return { sop: entry.sop, file: entry.file, chosenBy: 'protocol-name', reason: `the annotations name ${written(reference)}` };
}
