import type { CspViolation } from '@segqc/gateway';

/**
 * The one CSP violation the untouched OHIF 3.13.2 host makes under SegQC's policy, measured: its
 * @cornerstonejs/adapters chunk bundles `ndarray`, which builds its array classes with
 * `new Function` (blocked: the policy has `'wasm-unsafe-eval'`, not `'unsafe-eval'`). Every SEG
 * the browser suite opens in OHIF still shows with its exact voxel counts under the policy, so the
 * policy stays without `'unsafe-eval'` and only this violation, from that chunk, is expected.
 */
export function isKnownHostViolation(violation: CspViolation): boolean {
  return violation.violatedDirective === 'script-src' && violation.blockedUri === 'eval' && /\/9383\.bundle\.[0-9a-f]+\.js$/.test(violation.sourceFile ?? '');
}
