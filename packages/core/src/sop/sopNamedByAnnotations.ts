/**
 * The SOP a case's annotations were made under, as their SEGs record it in ProtocolName
 * (`id@version+hash`, SopReference): the rule `segqc qc` (packages/cli/src/qc/sopForCase.ts) and
 * the reviewer's panel (extensions/segmentation-qc/src/sop/chooseSop.ts) both judge a case by.
 *
 * An annotation that names no SOP (a SEG of another tool) does not contradict the others. The SOP
 * is the library's SOP of that id@version, and only while its SHA-256 begins with the recorded
 * hash: a library text that differs from the one the annotators worked under is not theirs, and a
 * case is never judged against another SOP in its place. Annotations that name different SOPs
 * cannot be judged at all: one verdict cannot follow two.
 */
import type { ParsedSopReference } from '../seg/SopReference';
import type { Sop } from './Sop';

/** One annotation of the case: its id (the annotator's name) and the SOP its ProtocolName names, if any. */
export interface AnnotationSopReference {
  id: string;
  sop: ParsedSopReference | null;
}

/** One SOP named by some of the annotations, written `id@version+hash`, with the ids that name it. */
export interface NamedSop {
  written: string;
  ids: string[];
}

export type SopNamedByAnnotations =
  /** No annotation names a SOP: the caller chooses another way (the series). */
  | { status: 'none-named' }
  /** The library's SOP the annotations name, its hash checked. */
  | { status: 'named'; sop: Sop; reference: ParsedSopReference; written: string; message: string }
  /** The annotations name different SOPs, each with the ids that name it. */
  | { status: 'names-differ'; named: NamedSop[]; message: string }
  /** The library holds no SOP of the named id@version. */
  | { status: 'not-in-library'; reference: ParsedSopReference; written: string; message: string }
  /** The library's SOP of that id@version is another text: its SHA-256 does not begin with the recorded hash. */
  | { status: 'hash-differs'; sop: Sop; reference: ParsedSopReference; written: string; message: string };

/** Outcomes that leave the case with no SOP to judge it: each an error, never a reason to pick another SOP. */
export type SopNamingError = Extract<SopNamedByAnnotations, { status: 'names-differ' | 'not-in-library' | 'hash-differs' }>;

/** A parsed reference as ProtocolName writes it: `id@version+shortHash`. */
export function writtenSopReference(reference: ParsedSopReference): string {
  return `${reference.id}@${reference.version}+${reference.shortHash}`;
}

/**
 * The SOP the annotations name, checked against the library. Each outcome but `none-named`
 * carries a message that names no file or folder (the CLI adds its own): `named` says which SOP
 * the annotations name, the others why there is none.
 */
export function sopNamedByAnnotations(library: readonly Sop[], annotations: ReadonlyArray<AnnotationSopReference>): SopNamedByAnnotations {
  const named = annotations.filter((annotation): annotation is { id: string; sop: ParsedSopReference } => annotation.sop !== null);
  if (named.length === 0) return { status: 'none-named' };

  const distinct = [...new Set(named.map((annotation) => writtenSopReference(annotation.sop)))];
  if (distinct.length > 1) {
    const bySop = distinct.map((written) => ({ written, ids: named.filter((a) => writtenSopReference(a.sop) === written).map((a) => a.id) }));
    return {
      status: 'names-differ',
      named: bySop,
      message: `the annotations name different SOPs: ${bySop.map(({ written, ids }) => `${written} (${ids.join(', ')})`).join('; ')}`,
    };
  }

  const reference = named[0].sop;
  const written = writtenSopReference(reference);
  const sop = library.find((entry) => entry.id === reference.id && entry.version === reference.version);
  if (!sop) {
    return { status: 'not-in-library', reference, written, message: `the annotations were made under SOP ${reference.id}@${reference.version}, which is not in the SOP library` };
  }
  if (!sop.reference.sha256.startsWith(reference.shortHash.toLowerCase())) {
    return {
      status: 'hash-differs',
      sop,
      reference,
      written,
      message: `the SOP library's ${reference.id}@${reference.version} has SHA-256 ${sop.reference.sha256}, but the annotations were made under ${written}: it is not the text they worked under`,
    };
  }
  return { status: 'named', sop, reference, written, message: `the annotations name ${written}` };
}
