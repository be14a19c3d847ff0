import { describeFailures } from './describeStowError';
import type { StowResult } from './StowResult';

/**
 * One sentence in plain words for a request the PACS answered with success or partial success:
 * "Stored 5 objects.", "Stored 3 of 5 objects; the PACS refused 2: …", with warnings when any.
 */
export function describeStowResult(result: StowResult): string {
  const total = result.stored.length + result.failed.length;
  const stored = result.failed.length === 0 ? `Stored ${total} object${total === 1 ? '' : 's'}` : `Stored ${result.stored.length} of ${total} objects`;
  const refused = result.failed.length > 0 ? `; the PACS refused ${result.failed.length}: ${describeFailures(result.failed)}` : '';
  const warnings = new Map<string, number>();
  for (const { warningReason } of result.warnings) warnings.set(warningReason.explanation, (warnings.get(warningReason.explanation) ?? 0) + 1);
  const warned = [...warnings].map(([explanation, n]) => `for ${n}, ${explanation}`).join('; ');
  return `${stored}${refused}${warned ? `; with warnings: ${warned}` : ''}.`;
}
