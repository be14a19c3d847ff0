import { useState } from 'react';
import { mappedStructureOf, type AttributedPerson, type MappedStructure, type Sop } from '@segqc/core';
import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { CaseReviewSummary } from './reviewSummary';

/** One unattributed SEG: who made it, as Family, Given and login (the login is optional). */
function AttributeForm({ id, summary, onAttribute }: { id: string; summary: AnnotationSummary; onAttribute: (person: AttributedPerson) => void }) {
  const [family, setFamily] = useState('');
  const [given, setGiven] = useState('');
  const [login, setLogin] = useState('');
  const name = [family.trim(), given.trim()].filter(Boolean).join('^');
  return (
    <li data-testid="segqc-attribute" data-uid={summary.sopInstanceUID ?? ''}>
      <span>{id} names no creator. Made by:</span>
      <div className="segqc-form-row">
        <input aria-label="Family name" placeholder="Family name" value={family} onChange={(event) => setFamily(event.target.value)} data-testid="segqc-attribute-family" />
        <input aria-label="Given name" placeholder="Given name" value={given} onChange={(event) => setGiven(event.target.value)} data-testid="segqc-attribute-given" />
        <input aria-label="Login" placeholder="Login (optional)" value={login} onChange={(event) => setLogin(event.target.value)} data-testid="segqc-attribute-login" />
        <button type="button" disabled={family.trim() === ''} data-testid="segqc-attribute-button"
          onClick={() => onAttribute({ name, ...(login.trim() !== '' ? { login: login.trim() } : {}) })}>
          Attribute
        </button>
      </div>
    </li>
  );
}

/**
 * What the reviewer sets by hand where a SEG does not say it (issue 13): who made each SEG that
 * names no creator, and which SOP structure each segment is whose label and codes name none. Both
 * apply to the agreement at once and are recorded with the review ("Set by the reviewer").
 */
export function ReviewerChoicesSection({ review, names, sop, onAttribute, onMap }: {
  review: CaseReviewSummary;
  /** The compared annotations' summaries by id, before any attribution. */
  names: ReadonlyMap<string, AnnotationSummary>;
  sop: Sop | null;
  onAttribute: (sopInstanceUid: string, person: AttributedPerson) => void;
  onMap: (sopInstanceUid: string, segmentNumber: number, structure: MappedStructure) => void;
}) {
  const unattributed = review.annotationIds.flatMap((id) => {
    const summary = names.get(id);
    return summary && !summary.attributed && summary.sopInstanceUID !== null && review.choices.attributions[summary.sopInstanceUID] === undefined ? [{ id, summary }] : [];
  });
  const unmatched = sop === null ? [] : review.structures.filter((structure) => !structure.inSop).flatMap((structure) =>
    [...structure.segmentNumbers].flatMap(([id, segmentNumber]) => {
      const uid = names.get(id)?.sopInstanceUID;
      return uid ? [{ id, uid, segmentNumber, label: structure.label }] : [];
    }));
  if (unattributed.length === 0 && unmatched.length === 0) return null;
  return (
    <section className="segqc-section" data-testid="segqc-reviewer-choices">
      <h3 className="segqc-subtitle">Set by the reviewer</h3>
      <p className="segqc-empty">Recorded with the review; segqc qc, drift and the audit export use them from then on.</p>
      {unattributed.length > 0 && (
        <ul>
          {unattributed.map(({ id, summary }) => (
            <AttributeForm key={id} id={id} summary={summary} onAttribute={(person) => onAttribute(summary.sopInstanceUID!, person)} />
          ))}
        </ul>
      )}
      {unmatched.length > 0 && (
        <ul>
          {unmatched.map(({ id, uid, segmentNumber, label }) => (
            <li key={`${uid}#${segmentNumber}`} data-testid="segqc-map-segment" data-uid={uid} data-segment={segmentNumber}>
              <span>
                {id}, segment {segmentNumber} “{label}” is no structure of {sop!.id}. It is:
              </span>{' '}
              <select aria-label={`Structure of ${id} segment ${segmentNumber}`} defaultValue="" data-testid="segqc-map-segment-select"
                onChange={(event) => {
                  const structure = sop!.structures.find((candidate) => candidate.label === event.target.value);
                  if (structure) onMap(uid, segmentNumber, mappedStructureOf(structure));
                }}>
                <option value="" disabled>
                  choose a structure
                </option>
                {sop!.structures.map((structure) => (
                  <option key={structure.label} value={structure.label}>
                    {structure.label}
                  </option>
                ))}
              </select>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
