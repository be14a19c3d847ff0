import { useState } from 'react';
import { DISCREPANCY_CLASSES } from '@segqc/core';
import type { AnnotationSummary } from '../annotations/annotationSummary';
import type { CaseReviewSummary } from './reviewSummary';
import type { DiscrepancyChoice, OverlayState } from './useDiscrepancyOverlay';

const COUNT_OF = { both: 'both', 'a-only': 'aOnly', 'b-only': 'bOnly' } as const;

const voxels = (n: number) => `${n} voxel${n === 1 ? '' : 's'}`;

/** Pair and structure to overlay, the legend with voxel counts, and the walk through disagreements the SOP counts. */
export function DiscrepancySection({
  review, names, state, onShow, onStep, onHide,
}: {
  review: CaseReviewSummary;
  names: ReadonlyMap<string, AnnotationSummary>;
  state: OverlayState;
  onShow: (choice: DiscrepancyChoice) => void;
  onStep: (delta: 1 | -1) => void;
  onHide: () => void;
}) {
  // The worst row is the default choice: what a reviewer looks at first.
  const worst = review.rows[0];
  const [choice, setChoice] = useState<DiscrepancyChoice>({ structureKey: worst.structureKey, a: worst.a, b: worst.b });
  const pairs = review.rows.filter((row) => row.structureKey === choice.structureKey);
  const nameOf = (id: string) => names.get(id)?.annotator ?? id;
  const current = state.status === 'shown' ? state.discrepancy.regions[state.region] : undefined;
  return (
    <section className="segqc-section" data-testid="segqc-discrepancy">
      <h3 className="segqc-subtitle">Discrepancy overlay</h3>
      <div className="segqc-form-row">
        <select
          aria-label="Structure"
          data-testid="segqc-discrepancy-structure"
          value={choice.structureKey}
          onChange={(event) => {
            const first = review.rows.find((row) => row.structureKey === event.target.value)!;
            setChoice({ structureKey: first.structureKey, a: first.a, b: first.b });
          }}
        >
          {review.structures.map((structure) => (
            <option key={structure.key} value={structure.key}>
              {structure.label}
            </option>
          ))}
        </select>
        <select
          aria-label="Pair"
          data-testid="segqc-discrepancy-pair"
          value={`${choice.a}\n${choice.b}`}
          onChange={(event) => {
            const [a, b] = event.target.value.split('\n');
            setChoice({ ...choice, a, b });
          }}
        >
          {pairs.map((row) => (
            <option key={`${row.a}\n${row.b}`} value={`${row.a}\n${row.b}`}>
              A {nameOf(row.a)} · B {nameOf(row.b)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="segqc-discrepancy-show" disabled={state.status === 'loading'} onClick={() => onShow(choice)}>
          {state.status === 'loading' ? 'Computing…' : 'Show'}
        </button>
        {state.status === 'shown' && (
          <button type="button" data-testid="segqc-discrepancy-hide" onClick={onHide}>
            Hide
          </button>
        )}
      </div>
      {state.status === 'failed' && (
        <div className="segqc-error" role="alert">
          The overlay cannot be shown: {state.error}
        </div>
      )}
      {state.status === 'shown' && (
        <>
          <ul className="segqc-legend" data-testid="segqc-discrepancy-legend">
            {DISCREPANCY_CLASSES.map((cls) => (
              <li key={cls.key} data-class={cls.key} data-voxels={state.discrepancy.counts[COUNT_OF[cls.key]]}>
                <span className="segqc-swatch" style={{ background: `rgb(${cls.color.join(',')})` }} aria-hidden="true" />
                {cls.key === 'both' ? 'Both' : cls.key === 'a-only' ? `${nameOf(state.choice.a)} only` : `${nameOf(state.choice.b)} only`}: {voxels(state.discrepancy.counts[COUNT_OF[cls.key]])}
              </li>
            ))}
            <li>
              <span className="segqc-marker-swatch" aria-hidden="true" />
              Dashed box: the disagreement shown on the viewport
            </li>
          </ul>
          {current === undefined ? (
            <p className="segqc-empty">{state.discrepancy.smallRegions > 0 ? 'No disagreement is as large as the smallest lesion the SOP counts.' : 'The two annotations agree on every voxel.'}</p>
          ) : (
            <div className="segqc-form-row" data-testid="segqc-discrepancy-region" data-region={state.region} data-slice={current.slice} data-slice-label={state.sliceLabels[current.slice]}>
              <button type="button" data-testid="segqc-discrepancy-previous" onClick={() => onStep(-1)}>
                Previous
              </button>
              <button type="button" data-testid="segqc-discrepancy-next" onClick={() => onStep(1)}>
                Next discrepancy
              </button>
              <span data-testid="segqc-discrepancy-where">
                {state.region + 1} of {state.discrepancy.regions.length}: {voxels(current.voxels)},{' '}
                {current.kind === 'a-only' ? `${nameOf(state.choice.a)} only` : current.kind === 'b-only' ? `${nameOf(state.choice.b)} only` : 'some only in each'}, on {state.sliceLabels[current.slice]}
              </span>
            </div>
          )}
          {state.discrepancy.smallRegions > 0 && (
            <p className="segqc-empty" data-testid="segqc-discrepancy-small" data-count={state.discrepancy.smallRegions}>
              {state.discrepancy.smallRegions} smaller region{state.discrepancy.smallRegions === 1 ? '' : 's'} (under {state.discrepancy.minLesionSize}, the SOP's smallest lesion) {state.discrepancy.smallRegions === 1 ? 'is' : 'are'} on the overlay but not walked to.
            </p>
          )}
        </>
      )}
    </section>
  );
}
