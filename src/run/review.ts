/**
 * plan-check: apply only the plan a person reviewed. Pure: the evidence (the hash recorded on the merged pull
 * request, or why there is none) is looked up by the shell; this decides.
 */
import type { Plan } from '../plan/model.js';

/** What the shell found out about the review of this change. */
export type ReviewEvidence =
  /** The merged pull request's own comment recorded this plan hash. */
  | { kind: 'reviewed'; hash: string; pullRequest: number; headSha?: string }
  /** A merge whose review cannot be trusted or found (direct push, no comment, lookup failed). */
  | { kind: 'unreviewed'; reason: string; pullRequest?: number; headSha?: string }
  /** A run by hand: only `plan-hash` can say what was reviewed. */
  | { kind: 'manual' };

export interface ReviewRules {
  planHash?: string;
  planCheck: 'strict' | 'off';
  maxDeactivations: number;
}

/** Why an apply was refused, in one word (the action's `failure-reason` output). */
export type RefusalKind = 'too-many-deactivations' | 'plan-changed' | 'not-reviewed';

export type ApplyDecision =
  { apply: true; note: string } | { apply: false; refusal: RefusalKind; reason: string; instruction: string };

/**
 * In order: an empty change set always applies; more deactivations than allowed never do (each stops
 * provisioning for every user assigned to the app); then `plan-hash`, `plan-check: off`, the review.
 */
export function decideApply(plan: Plan, rules: ReviewRules, evidence: ReviewEvidence): ApplyDecision {
  const rerun = `Review the new plan (job summary), then run this workflow by hand with \`command: apply\` and \`plan-hash: ${plan.hash}\`.`;
  if (!plan.changes && plan.counts.errors === 0) {
    return { apply: true, note: 'The plan has no changes: nothing to apply.' };
  }
  if (plan.counts.toDeactivate > rules.maxDeactivations) {
    return {
      apply: false,
      refusal: 'too-many-deactivations',
      reason: `the plan deactivates ${plan.counts.toDeactivate} connections, more than \`max-deactivations\` (${rules.maxDeactivations}) allows; deactivating a connection stops provisioning for every user assigned to its app.`,
      instruction: `If that is intended, raise \`max-deactivations\` to ${plan.counts.toDeactivate} for one run (with \`plan-hash: ${plan.hash}\`).`,
    };
  }
  if (rules.planHash !== undefined) {
    return rules.planHash === plan.hash
      ? { apply: true, note: `plan-hash ${plan.hash} matches the fresh plan.` }
      : {
          apply: false,
          refusal: 'plan-changed',
          reason: `the fresh plan's hash ${plan.hash} is not the given plan-hash ${rules.planHash}: Okta or the definitions changed since that plan was made.`,
          instruction: rerun,
        };
  }
  if (rules.planCheck === 'off') {
    return { apply: true, note: 'plan-check is off: applying what the definitions say.' };
  }
  switch (evidence.kind) {
    case 'manual':
      return {
        apply: false,
        refusal: 'not-reviewed',
        reason:
          'plan-check is strict and no plan-hash was given, so there is no reviewed plan to compare with.',
        instruction: rerun,
      };
    case 'unreviewed':
      return { apply: false, refusal: 'not-reviewed', reason: evidence.reason, instruction: rerun };
    case 'reviewed':
      return evidence.hash === plan.hash
        ? {
            apply: true,
            note: `The plan matches the one reviewed on pull request #${evidence.pullRequest} (${plan.hash}).`,
          }
        : {
            apply: false,
            refusal: 'plan-changed',
            reason: `the plan changed since it was reviewed on pull request #${evidence.pullRequest} (reviewed ${evidence.hash || 'no valid plan'}, now ${plan.hash}): Okta or the definitions changed in between.`,
            instruction: rerun,
          };
  }
}
