// Issue 16: a signed adjudication is shown read-only as the PACS holds it, Sign off until "Revise";
// while a signature is on its way to the PACS nothing can be changed or signed again; a role that
// may not sign is told so and not offered Revise; the result of signing is said beside Sign.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { AdjudicationOnRecord, CaseReviewSummary } from '../review/reviewSummary';
import type { Checklist } from '../sop/useChecklist';
import { AdjudicationSection } from './AdjudicationSection';
import type { ReadBack, SignState } from './adjudicationStore';
import { initialDrafts } from './decisionDraft';

const record: AdjudicationOnRecord = {
  reportSopInstanceUid: '2.25.7',
  instanceNumber: 1,
  adjudicator: 'Singh^Priya',
  login: 'psingh',
  signedAt: '20261208012657',
  decisions: [{ structure: 'Right lung', outcome: 'accepted', accepted: 'Rivera, Ana', reasons: [{ reason: 'other', text: 'apex cut' }] }],
};
const review = {
  structures: [{ key: '0', label: 'Right lung', verdict: 'escalate', segmentNumbers: new Map([['Rivera, Ana', 1]]) }],
  adjudication: null,
} as unknown as CaseReviewSummary;
const checklist = { items: [], results: [], missingRequired: [], setChecked: () => undefined, reset: () => undefined } as unknown as Checklist;
const identity = { name: 'Singh^Priya', personName: 'Singh^Priya', login: 'psingh' };
const NOT_READ: ReadBack = { status: 'none' };
const IDLE: SignState = { status: 'idle' };

function render(overrides: { review?: CaseReviewSummary; sign?: SignState; readBack?: ReadBack; revising?: boolean; signRefused?: string | null }): string {
  const shown = overrides.review ?? review;
  return renderToStaticMarkup(
    createElement(AdjudicationSection, {
      review: shown, names: new Map<string, AnnotationSummary>(), drafts: initialDrafts(shown), edits: {}, onChange: () => undefined, onEdit: () => undefined,
      checklist, identity, sign: overrides.sign ?? IDLE, onSign: () => undefined, readBack: overrides.readBack ?? NOT_READ, revising: overrides.revising ?? false,
      onRevise: () => undefined, onCancelRevision: () => undefined, restoredDraftSavedAt: null, signRefused: overrides.signRefused ?? null,
    }),
  );
}
const signButton = (html: string) => /<button type="button" data-testid="segqc-adjudication-sign"( disabled="")?/.exec(html)!;
const signed: SignState = { status: 'signed', written: { referenceSegSopInstanceUid: '2.25.8', reportSopInstanceUid: '2.25.9', revises: '2.25.7' }, at: '2026-12-08T01:30:00.000Z' };

test('nothing on record: the decisions are open and Sign waits for them', () => {
  const html = render({});
  expect(html).toContain('data-mode="deciding"');
  expect(html).toContain('data-testid="segqc-adjudication-method"');
  expect(html).toContain('Right lung: choose the reference');
  expect(signButton(html)[1]).toBe(' disabled=""');
  expect(html).not.toContain('segqc-adjudication-revise');
});

test('on record: read-only with signer, time, decision and reasons; Sign off, Revise offered', () => {
  const html = render({ review: { ...review, adjudication: record } });
  expect(html).toContain('data-mode="on-record"');
  expect(html).not.toContain('data-testid="segqc-adjudication-method"');
  expect(html).toContain('<strong>Singh, Priya</strong> (psingh)');
  expect(html).toContain('data-testid="segqc-adjudication-signed-at">2026-12-08 01:26:57<');
  expect(html).toContain('Accepted Rivera, Ana');
  expect(html).toContain('data-reason="other">Other reason: apex cut<');
  expect(signButton(html)[1]).toBe(' disabled=""');
  expect(html).toContain('data-testid="segqc-adjudication-revise"');
});

test('revising: the decisions open again under the record, said to make a new revision', () => {
  const html = render({ review: { ...review, adjudication: record }, revising: true });
  expect(html).toContain('data-mode="revising"');
  expect(html).toContain('data-testid="segqc-adjudication-method"');
  expect(html).toContain('data-testid="segqc-adjudication-revising"');
  expect(html).toContain('data-testid="segqc-adjudication-cancel-revision"');
});

test('signed, not yet in the PACS: nothing can be changed or signed, the message says it is queued', () => {
  const html = render({ review: { ...review, adjudication: record }, sign: signed });
  expect(html).toContain('data-mode="storing"');
  expect(html).toContain('<fieldset class="segqc-adjudication-decisions" disabled="">');
  expect(signButton(html)[1]).toBe(' disabled=""');
  expect(html).toContain('data-testid="segqc-adjudication-signed" data-state="queued" data-report="2.25.9"');
  // The earlier record is not shown as if it were the new one.
  expect(html).not.toContain('data-testid="segqc-adjudication-record"');
});

test('signed and read back: the new record is shown, the message says it is stored', () => {
  const html = render({ review: { ...review, adjudication: record }, sign: signed, readBack: { status: 'read', record: { ...record, reportSopInstanceUid: '2.25.9', instanceNumber: 2 } } });
  expect(html).toContain('data-testid="segqc-adjudication-record" data-report="2.25.9" data-instance="2"');
  expect(html).toContain('data-state="stored"');
  expect(signButton(html)[1]).toBe(' disabled=""');
});

test('a role that may not sign sees why beside the record and is not offered Revise', () => {
  const html = render({ review: { ...review, adjudication: record }, signRefused: 'Signing an adjudication: your role (reviewer) may not' });
  expect(html).toContain('Signing an adjudication: your role (reviewer) may not');
  expect(html).not.toContain('segqc-adjudication-revise');
});
