/** What must hold whatever the timing: no 429, never above the share, no needless request, all applied. */
import type { PhaseFigures } from './rate.js';

export function failedChecks(phases: readonly PhaseFigures[]): string[] {
  const failures: string[] = [];
  for (const phase of phases) {
    const at = `N = ${phase.n} ${phase.phase}`;
    if (phase.rateLimited > 0) failures.push(`${at}: ${phase.rateLimited} answers were 429`);
    for (const bucket of phase.buckets) {
      if (bucket.maxPerWindow > bucket.budget) {
        failures.push(
          `${at}: ${bucket.maxPerWindow} ${bucket.bucket} requests in one window, over the cap ${bucket.budget}`,
        );
      }
      if (bucket.requests !== bucket.needed) {
        failures.push(
          `${at}: ${bucket.requests} ${bucket.bucket} requests where ${bucket.needed} are needed`,
        );
      }
      if (bucket.repeatedReads > 0)
        failures.push(`${at}: ${bucket.repeatedReads} repeated ${bucket.bucket} reads`);
    }
    if (phase.failed > 0 || phase.done !== phase.n) {
      failures.push(`${at}: ${phase.done} of ${phase.n} connections done, ${phase.failed} failed`);
    }
  }
  return failures;
}
