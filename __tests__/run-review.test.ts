import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/plan/model.js';
import { decideApply, type ReviewEvidence, type ReviewRules } from '../src/run/review.js';

const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

function plan(counts: Partial<Plan['counts']> = {}, changes = true): Plan {
  return {
    changes,
    hash: HASH,
    counts: { total: 3, toConfigure: 1, toActivate: 0, toDeactivate: 0, unchanged: 2, errors: 0, ...counts },
  } as Plan;
}

const strict: ReviewRules = { planCheck: 'strict', maxDeactivations: 5 };
const reviewed = (hash: string): ReviewEvidence => ({ kind: 'reviewed', hash, pullRequest: 12 });
const unreviewed: ReviewEvidence = {
  kind: 'unreviewed',
  reason: 'commit 2222222 is not the merge of a pull request.',
};
const manual: ReviewEvidence = { kind: 'manual' };

describe('decideApply: plan-check as a decision table', () => {
  const rows: [string, Plan, ReviewRules, ReviewEvidence, boolean, RegExp][] = [
    [
      'empty change set, even unreviewed',
      plan({ toConfigure: 0 }, false),
      strict,
      unreviewed,
      true,
      /no changes/,
    ],
    [
      'errors alone are not an empty change set',
      plan({ toConfigure: 0, errors: 1 }, false),
      strict,
      unreviewed,
      false,
      /not the merge/,
    ],
    ['reviewed hash matches', plan(), strict, reviewed(HASH), true, /reviewed on pull request #12/],
    [
      'reviewed hash differs',
      plan(),
      strict,
      reviewed(OTHER),
      false,
      /changed since it was reviewed on pull request #12 \(reviewed b{64}, now a{64}\)/,
    ],
    ['reviewed comment had no valid plan', plan(), strict, reviewed(''), false, /reviewed no valid plan/],
    ['direct push under strict', plan(), strict, unreviewed, false, /not the merge of a pull request/],
    ['by hand under strict without plan-hash', plan(), strict, manual, false, /no plan-hash was given/],
    [
      'by hand with the right plan-hash',
      plan(),
      { ...strict, planHash: HASH },
      manual,
      true,
      /matches the fresh plan/,
    ],
    [
      'by hand with a stale plan-hash',
      plan(),
      { ...strict, planHash: OTHER },
      manual,
      false,
      /is not the given plan-hash/,
    ],
    [
      'plan-hash wins over a reviewed mismatch',
      plan(),
      { ...strict, planHash: HASH },
      reviewed(OTHER),
      true,
      /matches/,
    ],
    [
      'plan-check off applies unreviewed',
      plan(),
      { ...strict, planCheck: 'off' },
      unreviewed,
      true,
      /plan-check is off/,
    ],
    ['deactivations at the limit', plan({ toDeactivate: 5 }), strict, reviewed(HASH), true, /reviewed/],
    [
      'deactivations over the limit, even reviewed',
      plan({ toDeactivate: 6 }),
      strict,
      reviewed(HASH),
      false,
      /deactivates 6 connections, more than `max-deactivations` \(5\)/,
    ],
    [
      'deactivations over the limit, even with plan-check off',
      plan({ toDeactivate: 1 }),
      { planCheck: 'off', maxDeactivations: 0 },
      manual,
      false,
      /max-deactivations/,
    ],
  ];
  it.each(rows)('%s', (_name, input, rules, evidence, apply, message) => {
    const decision = decideApply(input, rules, evidence);
    expect(decision.apply).toBe(apply);
    expect('note' in decision ? decision.note : decision.reason).toMatch(message);
  });

  it('tells what to run next: the new plan-hash, or the input to raise', () => {
    const changed = decideApply(plan(), strict, reviewed(OTHER));
    expect(changed.apply === false && changed.instruction).toContain(`plan-hash: ${HASH}`);
    const tooMany = decideApply(plan({ toDeactivate: 9 }), strict, reviewed(HASH));
    expect(tooMany.apply === false && tooMany.instruction).toContain('raise `max-deactivations` to 9');
  });
});
