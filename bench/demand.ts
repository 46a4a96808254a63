/** Requests each phase needs, per bucket: what the bound is computed from. */
import type { ConnectionPlan } from '../src/plan/model.js';
import type { BucketDemand } from './bound.js';
import type { BenchConfig } from './config.js';

/** A plan reads each app once (apps-id) and each connection once (apps-star). */
export function planDemand(connections: number, config: BenchConfig): BucketDemand[] {
  return [
    { bucket: 'apps-star', requests: connections, ...config.limits['apps-star'] },
    { bucket: 'apps-id', requests: connections, ...config.limits['apps-id'] },
  ];
}

/** Apply writes and re-reads in apps-star only; it never reads an app again. */
export function applyDemand(requests: number, config: BenchConfig): BucketDemand[] {
  return [
    { bucket: 'apps-star', requests, ...config.limits['apps-star'] },
    { bucket: 'apps-id', requests: 0, ...config.limits['apps-id'] },
  ];
}

/** apps-star requests apply makes for one planned connection: its writes and one confirming re-read. */
export function applyRequestsOf(planned: Pick<ConnectionPlan, 'operations' | 'error'>): number {
  const { operations } = planned;
  if (planned.error || operations.length === 0) return 0;
  // configure directly followed by activate is one request (`?activate=true`).
  const merged = operations.some((op, i) => op === 'configure' && operations[i + 1] === 'activate');
  return operations.length - (merged ? 1 : 0) + 1;
}
