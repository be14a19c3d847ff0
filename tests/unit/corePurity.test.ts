import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// packages/core runs in Node, in a Web Worker and in batch jobs, so it may import nothing of OHIF,
// cornerstone, React, the DOM or Node. Its tsconfig has no DOM or Node types (a use fails to
// compile); this test catches imports, which a type-only compile could let through.
const CORE_SRC = join(__dirname, '..', '..', 'packages', 'core', 'src');
// dcmjs reads and writes DICOM; @noble/hashes is SHA-256 (maintained, pure, synchronous in workers).
const ALLOWED_PACKAGES = new Set(['dcmjs', '@noble/hashes/sha2']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests and their fixtures (excluded from the build) may use Node and the demo cohort.
    return /\.tsx?$/.test(entry.name) && !/\.(test|fixture)\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

function importedModules(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm)];
  return specifiers.map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

test('packages/core imports only its own files and the allowed pure packages', () => {
  const files = sourceFiles(CORE_SRC);
  expect(files.length).toBeGreaterThan(0);
  const offending = files.flatMap((file) =>
    importedModules(readFileSync(file, 'utf8'))
      .filter((specifier) => !specifier.startsWith('.') && !ALLOWED_PACKAGES.has(specifier))
      .map((specifier) => `${relative(CORE_SRC, file)} imports ${specifier}`),
  );
  expect(offending).toEqual([]);
});

test('the purity check itself sees the import forms it guards against', () => {
  const sample = `import x from 'react';\nimport type { Y } from '@ohif/core';\nexport { z } from 'node:fs';\nconst q = require('fs');\nimport './side-effect';\nconst l = import('@cornerstonejs/core');`;
  expect(importedModules(sample)).toEqual(['react', '@ohif/core', 'node:fs', 'fs', './side-effect', '@cornerstonejs/core']);
});

test('packages/core compiles without DOM or Node types', () => {
  const tsconfig = JSON.parse(readFileSync(join(CORE_SRC, '..', 'tsconfig.json'), 'utf8'));
  expect(tsconfig.compilerOptions.lib).toEqual(['ES2022']);
  expect(tsconfig.compilerOptions.types).toEqual([]);
});
