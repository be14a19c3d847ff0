import type { QcCaseResult, QcPairResult } from '../qc/QcCaseResult';
import { caseTriageOf } from './caseTriageOf';

// Why: the triage is what a QA lead filters the overview by before any review is recorded; its
// words must say which structure fails, between whom and by how much, and who is the odd one out.

const base: QcCaseResult = {
  studyInstanceUid: '1.2.1', status: 'reviewed', sourceSeriesInstanceUid: '1.2.1.1', modality: 'CT', annotations: [], excluded: [], warnings: [], unreadable: [],
  sop: { id: 'ct-lung-nodule', version: '1.2.0', sha256: 'ab', file: 'ct-lung-nodule.json', chosenBy: 'protocol-name' }, sopReason: null, state: 'awaiting-review',
  verdict: 'escalate', structures: [], pairs: [], report: null, error: null, seconds: 1,
};
const annotation = (id: string) => ({ id, sopInstanceUid: `uid-${id}`, seriesInstanceUid: 's', name: null, login: null, sop: null, attributedBy: 'creator' as const, segmentsMappedByReviewer: [] });
const pair = (structure: string, a: string, b: string, failed: QcPairResult['failed']): QcPairResult => ({
  structure, a, b, segmentA: 1, segmentB: 1, dice: null, jaccard: null, hd95Mm: null, hdMm: null, assdMm: null, nsd: null, nsdToleranceMm: null, nsdByToleranceMm: {},
  volumeAMl: null, volumeBMl: null, lesions: { a: 1, b: 1, matched: 1, missedByB: 0, extraInB: 0, f1: 1 }, verdict: failed.length > 0 ? 'escalate' : 'pass', failed, worstMargin: null,
});

describe('caseTriageOf', () => {
  it('lists escalated structures first with each failing pair in words, and names the annotator in every failing pair', () => {
    const triage = caseTriageOf({
      ...base,
      annotations: ['Rivera', 'Chen', 'Okafor'].map(annotation),
      structures: [
        { label: 'Right lung', verdict: 'pass', escalatedPairs: 0, annotations: [] },
        { label: 'Nodule 1', verdict: 'escalate', escalatedPairs: 2, annotations: [] },
      ],
      pairs: [
        pair('Nodule 1', 'Rivera', 'Okafor', [{ criterion: 'minDice', threshold: 0.7, value: 0.39 }, { criterion: 'maxHd95Mm', threshold: 3, value: 4.01 }]),
        pair('Nodule 1', 'Chen', 'Okafor', [{ criterion: 'missing', missingFrom: 'Okafor' }]),
        pair('Nodule 1', 'Rivera', 'Chen', []),
        pair('Right lung', 'Rivera', 'Chen', []),
      ],
    });
    expect(triage).toEqual({
      kind: 'judged', verdict: 'escalate', sop: 'ct-lung-nodule@1.2.0', outlier: 'Okafor', excluded: [],
      structures: [
        { label: 'Nodule 1', verdict: 'escalate', failing: ['Rivera – Okafor: Dice 0.39 < 0.70; HD95 4.0 mm > 3.0 mm', 'Chen – Okafor: missing from Okafor'] },
        { label: 'Right lung', verdict: 'pass', failing: [] },
      ],
    });
  });

  it('names no outlier for two annotators, nor when no one is in every failing pair', () => {
    const two = caseTriageOf({ ...base, annotations: ['A', 'B'].map(annotation), structures: [{ label: 'Liver', verdict: 'escalate', escalatedPairs: 1, annotations: [] }], pairs: [pair('Liver', 'A', 'B', [{ criterion: 'minDice', threshold: 0.9, value: 0.5 }])] });
    expect(two.kind === 'judged' && two.outlier).toBeNull();
    const spread = caseTriageOf({
      ...base, annotations: ['A', 'B', 'C'].map(annotation), structures: [{ label: 'Liver', verdict: 'escalate', escalatedPairs: 2, annotations: [] }],
      pairs: [pair('Liver', 'A', 'B', [{ criterion: 'minDice', threshold: 0.9, value: 0.5 }]), pair('Liver', 'A', 'C', [{ criterion: 'minDice', threshold: 0.9, value: 0.5 }]), pair('Liver', 'B', 'C', [{ criterion: 'minDice', threshold: 0.9, value: 0.5 }])],
    });
    expect(spread.kind === 'judged' && spread.outlier).toBeNull();
  });

  it('says when there is nothing to compare or the case could not be judged', () => {
    expect(caseTriageOf({ ...base, status: 'not-double-read', verdict: null })).toEqual({ kind: 'not-double-read' });
    expect(caseTriageOf({ ...base, status: 'failed', verdict: null, error: 'the source series 1.2 has no instance in the PACS' })).toEqual({ kind: 'failed', reason: 'the source series 1.2 has no instance in the PACS' });
    const noSop = caseTriageOf({ ...base, sop: null, verdict: 'no-thresholds', excluded: [{ id: 'Chen', sopInstanceUid: 'x', reason: 'its frames are on another grid' }] });
    expect(noSop).toMatchObject({ kind: 'judged', verdict: 'no-thresholds', sop: null, outlier: null, excluded: ['Chen: its frames are on another grid'] });
  });
});
