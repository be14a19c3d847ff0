import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DossierError } from './DossierError';

/** The metric conventions as the repository ships them: a section of the engine's README. */
export interface MetricConventionsText {
  /** The file, relative to the repository. */
  source: string;
  heading: string;
  /** The section's Markdown, as written. */
  markdown: string;
}

export const CORE_README = 'packages/core/README.md';
const HEADING = 'Metric conventions';

/** The repository's root (from src/dossier or dist/dossier alike). */
const repositoryRoot = (): string => resolve(__dirname, '..', '..', '..', '..');

/**
 * The "Metric conventions" section of packages/core/README.md (DESIGN.md's conventions in short),
 * quoted, not rewritten: the dossier says by which rules its numbers were made in the words the
 * engine is documented with.
 */
export function metricConventionsText(readme = resolve(repositoryRoot(), CORE_README)): MetricConventionsText {
  let text: string;
  try {
    text = readFileSync(readme, 'utf8');
  } catch (error) {
    throw new DossierError(`the metric conventions are quoted from ${readme}, which cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const start = text.indexOf(`\n## ${HEADING}\n`);
  if (start < 0) throw new DossierError(`${readme} has no "## ${HEADING}" section to quote`);
  const body = text.slice(start + HEADING.length + 5);
  const end = body.search(/\n## /);
  return { source: CORE_README, heading: HEADING, markdown: (end < 0 ? body : body.slice(0, end)).trim() };
}
