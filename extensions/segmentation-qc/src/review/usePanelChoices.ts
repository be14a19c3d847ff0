import { useCallback } from 'react';
import { NO_REVIEWER_CHOICES, segmentKey, type AttributedPerson, type MappedStructure, type ReviewerChoices } from '@segqc/core';
import { createPageStore, usePageStore } from '../pageStore';

/** The reviewer's choices made in the panel for the study on screen; they outlive the panel (OHIF unmounts it with its tab). */
const panelChoices = createPageStore<{ study: string | null; choices: ReviewerChoices }>({ study: null, choices: NO_REVIEWER_CHOICES });

/**
 * What the reviewer sets by hand in the panel (issue 13): who made a SEG that names no creator, and
 * which SOP structure a segment is whose label names none. They change the comparison at once and
 * are recorded with the next review report; another study starts with none.
 */
export function usePanelChoices(studyInstanceUid: string | null) {
  const stored = usePageStore(panelChoices);
  const choices = stored.study === studyInstanceUid ? stored.choices : NO_REVIEWER_CHOICES;
  const change = useCallback(
    (update: (current: ReviewerChoices) => ReviewerChoices) =>
      panelChoices.set((current) => ({ study: studyInstanceUid, choices: update(current.study === studyInstanceUid ? current.choices : NO_REVIEWER_CHOICES) })),
    [studyInstanceUid],
  );
  const attribute = useCallback(
    (sopInstanceUid: string, person: AttributedPerson) => change((current) => ({ ...current, attributions: { ...current.attributions, [sopInstanceUid]: person } })),
    [change],
  );
  const mapSegment = useCallback(
    (sopInstanceUid: string, segmentNumber: number, structure: MappedStructure) =>
      change((current) => ({ ...current, structures: { ...current.structures, [segmentKey(sopInstanceUid, segmentNumber)]: structure } })),
    [change],
  );
  return { choices, attribute, mapSegment };
}
