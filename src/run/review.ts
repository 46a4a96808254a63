/**
 * plan-check: apply only what a person reviewed. Pure: the evidence (each merged pull request's review
 * record, or why it has none) is looked up by the shell; this decides, per pull request.
 */
import { connectionChangeHash } from '../plan/hash.js';
import { countPlan, type ConnectionPlan, type Plan } from '../plan/model.js';

/** One merged pull request this apply covers, oldest merge first, as the shell found its record. */
export interface PullRequestEvidence {
  number: number;
  /** The valid review record's connections (app id → change hash) and plan hash; absent: not evidence. */
  reviewed?: { planHash: string; connections: Record<string, string> };
  /** Why the pull request has no valid record (never planned, edited, not this PR's run, ...). */
  notEvidence?: string;
  /** The plan changed after the newest approval without a new approval. */
  changedAfterApproval?: boolean;
}

/** What the shell found out about the review of this apply. */
export type ReviewEvidence =
  /** A push: the merged pull requests it covers (section 6a) and how the range was found. */
  | { kind: 'pulls'; pulls: PullRequestEvidence[]; note?: string }
  /** A push whose review cannot be found at all (no token, GitHub could not be asked). */
  | { kind: 'unreviewed'; reason: string }
  /** A run by hand: only `plan-hash` can say what was reviewed. */
  | { kind: 'manual' };

export interface ReviewRules {
  planHash?: string;
  planCheck: 'strict' | 'off';
  maxDeactivations: number;
}

type PullOutcome = 'apply' | 'plan-changed' | 'not-reviewed';

export interface PullDecision {
  number: number;
  outcome: PullOutcome;
  /** The connections of this pull request that apply writes (outcome `apply`) or would have. */
  appIds: string[];
  /** Why it was refused. */
  reason?: string;
}

/** Why an apply was refused, in one word (the action's `failure-reason` output). */
export type RefusalKind = 'plan-changed' | 'not-reviewed' | 'too-many-deactivations';

export type ApplyDecision =
  | {
      apply: true;
      note: string;
      /** The app ids to write; `all`: the whole plan (plan-hash, plan-check off, nothing to do). */
      write: 'all' | string[];
      pulls: PullDecision[];
      /** Changes no reviewed pull request asked for: listed, never written, never blocking. */
      drift: string[];
      /** Connections whose definitions this push changed without a valid record: not written. */
      unreviewed: string[];
      /** Set when some pull request was refused: the run fails after applying the others. */
      failureReason?: RefusalKind;
    }
  | { apply: false; reason: string; instruction: string; failureReason: RefusalKind };

/**
 * In order: an empty change set always applies; `plan-hash`, `plan-check: off` apply the whole plan; else
 * each pull request is verified against its own record (a connection changed by several against the newest),
 * refused as a whole when any of its connections now plans differently; drift is never written. More
 * deactivations than allowed are never written (each stops provisioning for every user of the app).
 * `changedByPush`: the connections whose definitions the pushed commits changed (undefined: unknown).
 */
/** What a refused apply tells a person to do: review the new plan, then apply exactly it by hand. */
export function applyByHand(hash: string): string {
  return `Review the new plan (job summary), then run this workflow by hand with \`command: apply\` and \`plan-hash: ${hash}\`.`;
}

export function decideApply(
  plan: Plan,
  rules: ReviewRules,
  evidence: ReviewEvidence,
  changedByPush?: readonly string[],
): ApplyDecision {
  const rerun = applyByHand(plan.hash);
  const whole = (note: string): ApplyDecision => {
    const tooMany = deactivationLimit(plan.connections, rules, plan.hash);
    return tooMany ?? { apply: true, note, write: 'all', pulls: [], drift: [], unreviewed: [] };
  };
  if (!plan.changes && plan.counts.errors === 0) {
    return {
      apply: true,
      note: 'The plan has no changes: nothing to apply.',
      write: 'all',
      pulls: [],
      drift: [],
      unreviewed: [],
    };
  }
  if (rules.planHash !== undefined) {
    return rules.planHash === plan.hash
      ? whole(`plan-hash ${plan.hash} matches the fresh plan.`)
      : {
          apply: false,
          reason: `the fresh plan's hash ${plan.hash} is not the given plan-hash ${rules.planHash}: Okta or the definitions changed since that plan was made.`,
          instruction: rerun,
          failureReason: 'plan-changed',
        };
  }
  if (rules.planCheck === 'off') return whole('plan-check is off: applying what the definitions say.');
  if (evidence.kind === 'manual') {
    return {
      apply: false,
      reason:
        'plan-check is strict and no plan-hash was given, so there is no reviewed plan to compare with.',
      instruction: rerun,
      failureReason: 'not-reviewed',
    };
  }
  if (evidence.kind === 'unreviewed') {
    return { apply: false, reason: evidence.reason, instruction: rerun, failureReason: 'not-reviewed' };
  }
  // Not knowing what the push changed, nothing passes for drift while a merged change lacks a record.
  const unknownChanges = evidence.pulls.length === 0 || evidence.pulls.some((pull) => !pull.reviewed);
  const changed = changedByPush ?? (unknownChanges ? plan.connections.map((c) => c.appId) : []);
  return decidePerPullRequest(plan, rules, evidence.pulls, changed, evidence.note);
}

function decidePerPullRequest(
  plan: Plan,
  rules: ReviewRules,
  pulls: readonly PullRequestEvidence[],
  changedByPush: readonly string[],
  rangeNote: string | undefined,
): ApplyDecision {
  const byId = new Map(plan.connections.map((connection) => [connection.appId, connection]));
  // A connection changed by several pull requests is verified against the newest record naming it.
  const owner = new Map<string, number>();
  for (const pull of pulls) {
    for (const appId of Object.keys(pull.reviewed?.connections ?? {})) owner.set(appId, pull.number);
  }
  // Changes the definitions asked for that no valid record names: never written.
  const unreviewed = changedByPush.filter((id) => hasWork(byId.get(id)) && !owner.has(id));
  const decisions = pulls.map((pull) => verifyPullRequest(pull, owner, byId, unreviewed.length > 0));

  const write = decisions.filter((d) => d.outcome === 'apply').flatMap((d) => d.appIds);
  const claimed = new Set(decisions.flatMap((d) => d.appIds).concat(...owner.keys()));
  const drift = plan.connections
    .filter((c) => hasWork(c) && !claimed.has(c.appId) && !unreviewed.includes(c.appId))
    .map((c) => c.appId);
  const toWrite = write.map((id) => byId.get(id)!);
  const tooMany = deactivationLimit(toWrite, rules, plan.hash);
  if (tooMany) return tooMany;

  const refused = decisions.filter((d) => d.outcome !== 'apply');
  const failureReason: RefusalKind | undefined = refused.some((d) => d.outcome === 'plan-changed')
    ? 'plan-changed'
    : refused.length > 0 || unreviewed.length > 0
      ? 'not-reviewed'
      : undefined;
  const applied = decisions.filter((d) => d.outcome === 'apply').map((d) => `#${d.number}`);
  const note = [
    rangeNote,
    applied.length > 0
      ? `Applying the reviewed changes of pull request${applied.length === 1 ? '' : 's'} ${applied.join(', ')}.`
      : 'No reviewed pull request has changes to apply.',
    drift.length > 0
      ? `${drift.length} connection(s) drifted in Okta outside any reviewed change; not written: ${drift.join(', ')}.`
      : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    apply: true,
    note,
    write,
    pulls: decisions,
    drift,
    unreviewed,
    ...(failureReason && { failureReason }),
  };
}

/** Something will be written to this connection (or it failed to plan, which must not pass silently). */
function hasWork(connection: ConnectionPlan | undefined): boolean {
  return Boolean(connection && (connection.operations.length > 0 || connection.error));
}

/** One merged pull request against its own record: applied as a whole, or refused as a whole, and why. */
function verifyPullRequest(
  pull: PullRequestEvidence,
  owner: ReadonlyMap<string, number>,
  byId: ReadonlyMap<string, ConnectionPlan>,
  unreviewedLeft: boolean,
): PullDecision {
  const owned = Object.keys(pull.reviewed?.connections ?? {}).filter((id) => owner.get(id) === pull.number);
  const appIds = owned.filter((id) => hasWork(byId.get(id)));
  // A pull request without a record passes only when nothing unreviewed is left to write: its changes then
  // plan nothing (with `comment: changes-only` a pull request that changes nothing in Okta has no comment).
  if (!pull.reviewed && !unreviewedLeft) {
    return { number: pull.number, outcome: 'apply', appIds: [] };
  }
  if (!pull.reviewed) {
    return {
      number: pull.number,
      outcome: 'not-reviewed',
      appIds,
      reason: pull.notEvidence ?? 'no record',
    };
  }
  if (pull.changedAfterApproval) {
    return {
      number: pull.number,
      outcome: 'plan-changed',
      appIds,
      reason: `the plan of pull request #${pull.number} changed after the last approval, and nobody approved it again.`,
    };
  }
  const reviewed = pull.reviewed.connections;
  // Nothing is written for a connection that now plans no change, so only those with work are compared.
  const differing = appIds.filter((id) => connectionChangeHash(byId.get(id)!) !== reviewed[id]);
  if (differing.length > 0) {
    return {
      number: pull.number,
      outcome: 'plan-changed',
      appIds,
      reason: `the plan of pull request #${pull.number} changed since it was reviewed (${differing.join(', ')} now plan${differing.length === 1 ? 's' : ''} differently): Okta or the definitions changed in between.`,
    };
  }
  return { number: pull.number, outcome: 'apply', appIds };
}

function deactivationLimit(
  connections: readonly ConnectionPlan[],
  rules: ReviewRules,
  hash: string,
): ApplyDecision | undefined {
  const count = countPlan(connections).toDeactivate;
  if (count <= rules.maxDeactivations) return undefined;
  return {
    apply: false,
    reason: `the plan deactivates ${count} connections, more than \`max-deactivations\` (${rules.maxDeactivations}) allows; deactivating a connection stops provisioning for every user assigned to its app.`,
    instruction: `If that is intended, raise \`max-deactivations\` to ${count} for one run (with \`plan-hash: ${hash}\`).`,
    failureReason: 'too-many-deactivations',
  };
}
