/** Requests each phase needs, per bucket: what the bound is computed from. */
import { hasPublicKey } from '../src/kinds/index.js';
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

/** Apply writes (and re-reads after lifecycle calls) in apps-star only; it never reads an app again. */
export function applyDemand(requests: number, config: BenchConfig): BucketDemand[] {
  return [
    { bucket: 'apps-star', requests, ...config.limits['apps-star'] },
    { bucket: 'apps-id', requests: 0, ...config.limits['apps-id'] },
  ];
}

/**
 * apps-star requests apply makes for one planned connection: its writes, a re-read only when a lifecycle call
 * (empty answer) comes last, and the public key read after an Org2Org OAuth configure. Consent apps as if
 * consent were given.
 */
export function applyRequestsOf(
  planned: Pick<ConnectionPlan, 'operations' | 'error'> &
    Partial<Pick<ConnectionPlan, 'consentApp' | 'appKind' | 'desired'>>,
): number {
  const { operations } = planned;
  if (planned.error || operations.length === 0) return 0;
  // configure directly followed by activate is one request (`?activate=true`), except for consent apps.
  const requests = operations.filter(
    (op, i) => !(op === 'activate' && operations[i - 1] === 'configure' && !planned.consentApp),
  );
  const reread = requests.at(-1) === 'configure' ? 0 : 1;
  const publicKey =
    operations.includes('configure') && hasPublicKey(planned.appKind, planned.desired?.authScheme) ? 1 : 0;
  return requests.length + reread + publicKey;
}
