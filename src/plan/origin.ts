import type { ChangeOrigin, ConnectionPlan } from './model.js';

/**
 * Marks each field change with where it comes from. `basePlan` is the same comparison made with the base
 * commit's definition against the same live state (absent: the connection is new). A change the base
 * definition would have asked for too (same field, same target) is drift in Okta; any other change is the
 * pull request's. Generic over fields, so every compared field (features included) gets an origin.
 */
export function withOrigins(plan: ConnectionPlan, basePlan: ConnectionPlan | undefined): ConnectionPlan {
  if (plan.changes.length === 0 && !plan.features?.length) return plan;
  const wantedAtBase = new Map<string, string | null>(
    [...(basePlan?.changes ?? []), ...(basePlan?.features ?? [])].map((change) => [
      change.field,
      change.after,
    ]),
  );
  const mark = <T extends { field: string; after: string | null }>(change: T): T => {
    const origin: ChangeOrigin =
      wantedAtBase.has(change.field) && wantedAtBase.get(change.field) === change.after
        ? 'drift'
        : 'pull-request';
    return { ...change, origin };
  };
  return {
    ...plan,
    changes: plan.changes.map(mark),
    ...(plan.features && { features: plan.features.map(mark) }),
  };
}
