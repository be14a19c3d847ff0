import type { IrrMatrix } from '@segqc/core';
import { fixed, personLabel } from './format';

/** Cell shade: Dice 1 is full green, 0.5 and below full red. */
function shade(dice: number): string {
  const t = Math.max(0, Math.min(1, (dice - 0.5) / 0.5));
  return `hsl(${Math.round(t * 120)} 55% ${18 + Math.round(t * 6)}%)`;
}

/** One structure × modality's pairwise inter-rater matrix: mean Dice of each annotator pair over the cases both annotated. */
export function IrrMatrixView({ matrix }: { matrix: IrrMatrix }) {
  return (
    <figure className="segqc-irr" data-testid="segqc-irr-matrix" data-structure={matrix.structure} data-modality={matrix.modality}>
      <figcaption><strong>{matrix.structure}</strong> · {matrix.modality}</figcaption>
      <table className="segqc-page-table segqc-irr-table">
        <thead>
          <tr>
            <th />
            {matrix.annotators.map((a) => <th key={a}>{personLabel(a)}</th>)}
          </tr>
        </thead>
        <tbody>
          {matrix.annotators.map((a, i) => (
            <tr key={a}>
              <th>{personLabel(a)}</th>
              {matrix.annotators.map((b, j) => {
                const dice = matrix.meanDice[i][j];
                const cases = matrix.cases[i][j];
                return i === j ? (
                  <td key={b} className="segqc-irr-diagonal">—</td>
                ) : (
                  <td
                    key={b}
                    data-testid="segqc-irr-cell"
                    data-a={a}
                    data-b={b}
                    data-dice={dice ?? ''}
                    data-cases={cases}
                    style={dice === null ? undefined : { background: shade(dice) }}
                    title={dice === null ? 'no case annotated by both' : `mean Dice over ${cases} case${cases === 1 ? '' : 's'}`}
                  >
                    {fixed(dice)}
                    <span className="segqc-muted"> n={cases}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
