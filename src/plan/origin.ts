import type { ChangeOrigin, ConnectionPlan } from './model.js';

/**
 * Marks each field change with where it comes from. `basePlan` is the same comparison made with the base
 * commit's definition against the same live state (absent: the connection is new). A change the base
 * definition would have asked for too (same field, same target) is drift in Okta; any other change is the
 * pull request's. Generic over fields, so every compared field (features included) gets an origin.
 */
export function withOrigins(plan: ConnectionPlan, basePlan: ConnectionPlan | undefined): ConnectionPlan {
  if (plan.changes.length === 0) return plan;
  const wantedAtBase = new Map(basePlan?.changes.map((change) => [change.field, change.after]));
  return {
    ...plan,
    changes: plan.changes.map((change) => {
      const origin: ChangeOrigin =
        wantedAtBase.has(change.field) && wantedAtBase.get(change.field) === change.after
          ? 'drift'
          : 'pull-request';
      return { ...change, origin };
    }),
  };
}
