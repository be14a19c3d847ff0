// A label volume as an 8-bit NRRD file, raw or gzip, on an axis-aligned LPS grid: what ITK, Slicer
// and plastimatch write and read.
import { gzipSync } from 'node:zlib';
import type { VoxelGrid } from '@segqc/core';

export function labelNrrd(grid: VoxelGrid, labels: Uint8Array, encoding: 'raw' | 'gzip'): Buffer {
  const axis = (direction: readonly number[], spacing: number) => `(${direction.map((d) => d * spacing).join(',')})`;
  const header = [
    'NRRD0004', 'type: uint8', 'dimension: 3', 'space: left-posterior-superior', `sizes: ${grid.columns} ${grid.rows} ${grid.slices}`,
    `space directions: ${axis(grid.rowDirection, grid.spacing[0])} ${axis(grid.columnDirection, grid.spacing[1])} ${axis(grid.sliceDirection, grid.spacing[2])}`,
    'kinds: domain domain domain', 'endian: little', `encoding: ${encoding}`, `space origin: (${grid.origin.join(',')})`,
  ].join('\n');
  return Buffer.concat([Buffer.from(`${header}\n\n`, 'latin1'), encoding === 'gzip' ? gzipSync(labels) : labels]);
}
