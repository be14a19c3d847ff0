import { selectSop, sopNamedByAnnotations, type AnnotationSopReference, type Sop, type SopSeriesAttributes } from '@segqc/core';
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
 * (selectSop); none may apply, and then no thresholds judge.
 * Annotations that name different SOPs are an error: one verdict cannot follow two. The rule is
 * core's sopNamedByAnnotations, which the viewer's reviewer panel follows too.
 */
export function sopForCase(library: SopLibrary, annotations: ReadonlyArray<AnnotationSopReference>, series: SopSeriesAttributes): CaseSop {
  const fileOf = (sop: Sop) => library.sops.find((entry) => entry.sop === sop)!.file;
  const named = sopNamedByAnnotations(library.sops.map((entry) => entry.sop), annotations);
  switch (named.status) {
    case 'none-named': {
      const { sop, reason } = selectSop(library.sops.map((entry) => entry.sop), series);
      return { sop, file: sop ? fileOf(sop) : null, chosenBy: 'series', reason: `no annotation names a SOP; ${reason}` };
    }
    case 'names-differ':
      throw new QcCaseError(named.message);
    case 'not-in-library': {
      const { reference } = named;
      const invalid = library.invalid.length > 0 ? ` (invalid there: ${library.invalid.map((file) => file.file).join(', ')})` : '';
      throw new QcCaseError(`the annotations were made under SOP ${reference.id}@${reference.version}, which is not in ${library.dir}${invalid}`);
    }
    case 'hash-differs': {
      const { reference, sop, written } = named;
      throw new QcCaseError(
        `${fileOf(sop)} is ${reference.id}@${reference.version} with SHA-256 ${sop.reference.sha256}, but the annotations were made under ${written}: the file is not the text they worked under`,
      );
    }
    case 'named':
      return { sop: named.sop, file: fileOf(named.sop), chosenBy: 'protocol-name', reason: named.message };
  }
}
