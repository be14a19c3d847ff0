import { StatsInputError } from './StatsInputError';

/** A confidence level in (0, 1); 0.95 when undefined. */
export function checkConfidence(confidence: number | undefined, argument: string): number {
  if (confidence === undefined) return 0.95;
  if (!(confidence > 0 && confidence < 1)) throw new StatsInputError(argument, `must be in (0, 1), got ${confidence}`);
  return confidence;
}

/** Throws unless `value` is a finite number. */
export function checkFinite(value: unknown, argument: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new StatsInputError(argument, `must be a finite number, got ${String(value)}`);
  return value;
}

/** A rectangular matrix of finite numbers with at least `minRows` × `minColumns`; returns its column count. */
export function checkMatrix(
  matrix: readonly (readonly number[])[],
  argument: string,
  minRows: number,
  minColumns: number,
): number {
  if (!Array.isArray(matrix) || matrix.length < minRows) throw new StatsInputError(argument, `needs at least ${minRows} rows, got ${Array.isArray(matrix) ? matrix.length : typeof matrix}`);
  const columns = matrix[0]?.length ?? 0;
  if (columns < minColumns) throw new StatsInputError(`${argument}[0]`, `needs at least ${minColumns} columns, got ${columns}`);
  matrix.forEach((row, i) => {
    if (!Array.isArray(row) || row.length !== columns) throw new StatsInputError(`${argument}[${i}]`, `every row needs ${columns} values (the first row's length), got ${Array.isArray(row) ? row.length : typeof row}`);
    row.forEach((value, j) => checkFinite(value, `${argument}[${i}][${j}]`));
  });
  return columns;
}
