/**
 * The adjudicator's unsigned decisions on a case, kept in this browser's localStorage until they
 * sign, so that a reload or a closed tab loses nothing and the escalated structures can be decided
 * over several sittings. Keyed by study and login: another adjudicator on the same browser starts
 * afresh. Only the choices are kept (method, reason codes, the words of "other"), never pixels or
 * patient data; a draft for another version of the case (other annotations, other verdicts) is
 * ignored. Why not unsigned drafts in the PACS: every change would be a new SR instance other
 * readers see and the audit trail has to explain, for decisions nobody has made yet.
 */
import { QC_REASONS, type QcReasonKey } from '@segqc/core';
import type { StorageLike } from '../identity/selfDeclaredIdentity';
import type { DecisionDraft } from './decisionDraft';

export const ADJUDICATION_DRAFT_KEY_PREFIX = 'segqc.adjudication-draft';

/** Whose draft of which study. */
export interface DraftOwner {
  studyInstanceUid: string;
  login: string;
}

/** One structure's decision as saved. */
export interface SavedDecision {
  structureKey: string;
  label: string;
  method: string;
  reasons: QcReasonKey[];
  otherText: string;
}

export interface SavedAdjudicationDraft {
  /** caseKeyOf the case the decisions were made on. */
  caseKey: string;
  /** ISO time of the last change. */
  savedAt: string;
  decisions: SavedDecision[];
}

export function adjudicationDraftKey({ studyInstanceUid, login }: DraftOwner): string {
  return `${ADJUDICATION_DRAFT_KEY_PREFIX}:${studyInstanceUid}:${login}`;
}

/** Keeps the drafts; a browser that refuses storage (private mode, quota) keeps them for this page only. */
export function saveAdjudicationDraft(storage: StorageLike | null, owner: DraftOwner, caseKey: string, drafts: readonly DecisionDraft[], now: Date): void {
  const saved: SavedAdjudicationDraft = {
    caseKey,
    savedAt: now.toISOString(),
    decisions: drafts.map(({ structureKey, label, method, reasons, otherText }) => ({ structureKey, label, method, reasons: [...reasons], otherText })),
  };
  try {
    storage?.setItem(adjudicationDraftKey(owner), JSON.stringify(saved));
  } catch {
    // Not kept across pages; the page's store still holds the drafts.
  }
}

const isText = (value: unknown): value is string => typeof value === 'string';

function savedDecision(value: unknown): SavedDecision | null {
  if (value === null || typeof value !== 'object') return null;
  const { structureKey, label, method, reasons, otherText } = value as Record<string, unknown>;
  if (!isText(structureKey) || !isText(label) || !isText(method) || !isText(otherText) || !Array.isArray(reasons)) return null;
  return { structureKey, label, method, otherText, reasons: reasons.filter((reason): reason is QcReasonKey => isText(reason) && reason in QC_REASONS) };
}

/** The saved draft of this case, or null when there is none, it cannot be read, or it was made on another version of the case. */
export function readAdjudicationDraft(storage: StorageLike | null, owner: DraftOwner, caseKey: string): SavedAdjudicationDraft | null {
  let stored: unknown;
  try {
    stored = JSON.parse(storage?.getItem(adjudicationDraftKey(owner)) ?? 'null');
  } catch {
    return null;
  }
  if (stored === null || typeof stored !== 'object') return null;
  const { caseKey: savedCase, savedAt, decisions } = stored as Record<string, unknown>;
  if (savedCase !== caseKey || !isText(savedAt) || !Array.isArray(decisions)) return null;
  return { caseKey, savedAt, decisions: decisions.map(savedDecision).filter((decision): decision is SavedDecision => decision !== null) };
}

/** Deletes the draft: it is signed, and the PACS holds the decisions now. */
export function forgetAdjudicationDraft(storage: StorageLike | null, owner: DraftOwner): void {
  try {
    storage?.removeItem(adjudicationDraftKey(owner));
  } catch {
    // Nothing was kept.
  }
}

/** This browser's localStorage, or null where it is unavailable (access can throw in sandboxed frames). */
export function draftStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
