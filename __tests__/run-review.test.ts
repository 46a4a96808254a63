import { describe, expect, it } from 'vitest';
import { connectionChangeHash } from '../src/plan/hash.js';
import { countPlan, type ConnectionPlan, type Plan } from '../src/plan/model.js';
import { decideApply, type ReviewEvidence, type ReviewRules } from '../src/run/review.js';

const HASH = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);

function plan(counts: Partial<Plan['counts']> = {}, changes = true): Plan {
  return {
    changes,
    hash: HASH,
    connections: [],
    counts: { total: 3, toConfigure: 1, toActivate: 0, toDeactivate: 0, unchanged: 2, errors: 0, ...counts },
  } as unknown as Plan;
}

const strict: ReviewRules = { planCheck: 'strict', maxDeactivations: 5 };
const unreviewed: ReviewEvidence = {
  kind: 'unreviewed',
  reason: 'the merged pull requests could not be looked up (HTTP 502).',
};
const manual: ReviewEvidence = { kind: 'manual' };

describe('decideApply: the whole-plan rules as a decision table', () => {
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
      /could not be looked up/,
    ],
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
      'plan-check off applies unreviewed',
      plan(),
      { ...strict, planCheck: 'off' },
      unreviewed,
      true,
      /plan-check is off/,
    ],
  ];
  it.each(rows)('%s', (_name, input, rules, evidence, apply, message) => {
    const decision = decideApply(input, rules, evidence);
    expect(decision.apply).toBe(apply);
    expect(decision.apply ? decision.note : decision.reason).toMatch(message);
  });
});

function connection(appId: string, operations: ConnectionPlan['operations'], after = 'v2'): ConnectionPlan {
  return {
    appId,
    name: appId,
    action: operations.includes('deactivate') ? 'deactivate' : 'activate',
    source: { file: 'a.yaml', line: 1, column: 1 },
    operations,
    changes: operations.length > 0 ? [{ field: 'base_url', before: 'v1', after }] : [],
    writeOnly: [],
    rotation: false,
    consentApp: false,
  } as ConnectionPlan;
}

function planOf(connections: ConnectionPlan[]): Plan {
  return {
    ...plan(),
    connections,
    counts: countPlan(connections),
    changes: connections.some((c) => c.operations.length > 0),
  };
}

const record = (...connections: ConnectionPlan[]) => ({
  planHash: 'h',
  connections: Object.fromEntries(connections.map((c) => [c.appId, connectionChangeHash(c)])),
});

describe('decideApply: each merged pull request against its own record', () => {
  const a = connection('0oaA', ['configure']);
  const b = connection('0oaB', ['deactivate']);
  const drift = connection('0oaD', ['activate']);

  it('applies each reviewed pull request, lists drift and never writes it', () => {
    const decision = decideApply(planOf([a, b, drift]), strict, {
      kind: 'pulls',
      pulls: [
        { number: 1, reviewed: record(a) },
        { number: 2, reviewed: record(b) },
      ],
    });
    expect(decision).toMatchObject({ apply: true, write: ['0oaA', '0oaB'], drift: ['0oaD'], unreviewed: [] });
    expect(decision.apply && decision.failureReason).toBeUndefined();
  });

  it('refuses a pull request whose connection now plans differently, as a whole, and applies the others', () => {
    const c = connection('0oaC', ['configure']);
    const now = connection('0oaA', ['configure'], 'v3');
    const decision = decideApply(planOf([now, c, b]), strict, {
      kind: 'pulls',
      pulls: [
        { number: 1, reviewed: record(a, c) },
        { number: 2, reviewed: record(b) },
      ],
    });
    expect(decision).toMatchObject({ apply: true, write: ['0oaB'], failureReason: 'plan-changed' });
    const refused = decision.apply ? decision.pulls.find((p) => p.number === 1) : undefined;
    expect(refused).toMatchObject({ outcome: 'plan-changed', appIds: ['0oaA', '0oaC'] });
    expect(refused?.reason).toMatch(/0oaA now plans differently/);
  });

  it('verifies a connection changed by several pull requests against the newest record', () => {
    const newer = connection('0oaA', ['configure'], 'v3');
    const decision = decideApply(planOf([newer]), strict, {
      kind: 'pulls',
      pulls: [
        { number: 1, reviewed: record(a) },
        { number: 2, reviewed: record(newer) },
      ],
    });
    expect(decision).toMatchObject({ apply: true, write: ['0oaA'] });
    expect(decision.apply && decision.pulls.map((p) => [p.number, p.outcome, p.appIds])).toEqual([
      [1, 'apply', []],
      [2, 'apply', ['0oaA']],
    ]);
  });

  it('writes nothing of a pull request without a valid record, or changed after approval, and says why', () => {
    const decision = decideApply(
      planOf([a, b]),
      strict,
      {
        kind: 'pulls',
        pulls: [
          { number: 1, notEvidence: 'pull request #1 has a plan comment that was edited by mallory' },
          { number: 2, reviewed: record(b), changedAfterApproval: true },
        ],
      },
      ['0oaA'],
    );
    expect(decision).toMatchObject({
      apply: true,
      write: [],
      unreviewed: ['0oaA'],
      failureReason: 'plan-changed',
    });
    expect(decision.apply && decision.pulls.map((p) => p.reason)).toEqual([
      'pull request #1 has a plan comment that was edited by mallory',
      expect.stringContaining('changed after the last approval'),
    ]);
  });

  it('a connection that now plans no change needs no verification (an earlier apply wrote it)', () => {
    const done = connection('0oaA', []);
    const decision = decideApply(planOf([done, b]), strict, {
      kind: 'pulls',
      pulls: [{ number: 1, reviewed: record(a, b) }],
    });
    expect(decision).toMatchObject({ apply: true, write: ['0oaB'] });
  });

  it('a pull request without a record passes when nothing unreviewed is left to write (changes-only comments)', () => {
    const untouched = connection('0oaC', []);
    const decision = decideApply(
      planOf([b, untouched]),
      strict,
      {
        kind: 'pulls',
        pulls: [
          { number: 1, notEvidence: 'pull request #1 has no plan comment of this action' },
          { number: 2, reviewed: record(b) },
        ],
      },
      ['0oaB', '0oaC'],
    );
    expect(decision).toMatchObject({ apply: true, write: ['0oaB'], unreviewed: [] });
    expect(decision.apply && decision.failureReason).toBeUndefined();
    expect(decision.apply && decision.pulls.map((p) => p.outcome)).toEqual(['apply', 'apply']);
  });

  it('a direct push changes nothing it cannot show was reviewed', () => {
    const decision = decideApply(planOf([a]), strict, { kind: 'pulls', pulls: [] });
    expect(decision).toMatchObject({
      apply: true,
      write: [],
      unreviewed: ['0oaA'],
      failureReason: 'not-reviewed',
    });
  });

  it('counts max-deactivations on what would be written only', () => {
    const many = ['1', '2', '3'].map((n) => connection(`0oaX${n}`, ['deactivate']));
    const rules = { ...strict, maxDeactivations: 1 };
    const reviewedOne = decideApply(planOf(many), rules, {
      kind: 'pulls',
      pulls: [{ number: 1, reviewed: record(many[0]!) }],
    });
    expect(reviewedOne.apply).toBe(true);
    const reviewedAll = decideApply(planOf(many), rules, {
      kind: 'pulls',
      pulls: [{ number: 1, reviewed: record(...many) }],
    });
    expect(reviewedAll).toMatchObject({ apply: false, failureReason: 'too-many-deactivations' });
    expect(reviewedAll.apply === false && reviewedAll.instruction).toContain(
      'raise `max-deactivations` to 3',
    );
  });
});
