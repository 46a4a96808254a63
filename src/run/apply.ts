import { applyPlan } from '../resources/connection/apply.js';
import type { ApplyReport } from '../apply/model.js';
import type { LoadedDefinitions } from '../definitions/load.js';
import type { Problem } from '../definitions/types.js';
import { planHash } from '../plan/hash.js';
import { countPlan, type Plan } from '../plan/model.js';
import { planKey } from '../plan/plan.js';
import { openOkta, reportNotRead } from './okta.js';
import { redactedCopy } from './redact.js';
import { makePlan } from './plan.js';
import type { RunPorts } from './ports.js';
import { decideApply, type ApplyDecision, type RefusalKind, type ReviewEvidence } from './review.js';
import type { ApplySettings } from './settings.js';
import { prepareDefinitions } from './validate.js';

export interface ApplyPorts extends RunPorts {
  /**
   * Finds out what was reviewed for the plan of `key` (the action asks GitHub for the merged pull requests
   * and their records; the CLI has only `--plan-hash`). Asked before planning: the connections the records
   * name are planned too.
   */
  review(key: string): Promise<ReviewEvidence>;
}

type Accepted = Extract<ApplyDecision, { apply: true }>;

/** Plans and reports are redacted for the reports. */
export type ApplyOutcome =
  | { kind: 'invalid'; loaded: LoadedDefinitions; problems: Problem[] }
  | {
      kind: 'refused';
      plan: Plan;
      reason: string;
      instruction: string;
      failureReason: RefusalKind;
      evidence: ReviewEvidence;
    }
  | {
      kind: 'applied';
      /** The whole fresh plan. */
      plan: Plan;
      /** The part of it that was written. */
      written: Plan;
      report: ApplyReport;
      decision: Accepted;
      evidence: ReviewEvidence;
    };

/**
 * `apply`: plan with a client that may write, decide what of this plan may be applied, then apply that and
 * confirm. A refusal writes nothing.
 */
export async function runApply(settings: ApplySettings, ports: ApplyPorts): Promise<ApplyOutcome> {
  const prepared = await prepareDefinitions(settings, ports);
  if (!prepared.ok) return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
  const evidence = await ports.review(planKey(settings.okta.orgUrl, settings.path));
  const reviewedIds =
    evidence.kind === 'pulls'
      ? evidence.pulls.flatMap((pull) => Object.keys(pull.reviewed?.connections ?? {}))
      : [];
  const client = openOkta(settings.okta, 'write', ports);
  try {
    const { plan, changedByPush } = await makePlan(
      client,
      settings,
      prepared.connections,
      prepared.loaded,
      ports,
      reviewedIds,
    );
    ports.progress?.end();
    reportNotRead(plan, client, ports.logger);
    const decision = decideApply(plan, settings, evidence, changedByPush);
    const shown = redactedCopy(ports.secrets, plan);
    if (!decision.apply) return { kind: 'refused', plan: shown, ...decision, evidence };
    const written = decision.write === 'all' ? plan : restrictPlan(plan, decision.write);
    const report = await applyPlan(client, written, prepared.connections, {
      env: ports.env,
      secrets: ports.secrets,
      logger: ports.logger,
      ...(ports.progress && { progress: ports.progress.step('applied') }),
    });
    ports.progress?.end();
    return {
      kind: 'applied',
      plan: shown,
      written: redactedCopy(ports.secrets, written),
      report: redactedCopy(ports.secrets, report),
      decision,
      evidence,
    };
  } finally {
    await client.close();
  }
}

/** The plan of only these connections: what one pull request (or one apply) covers. */
export function restrictPlan(plan: Plan, appIds: readonly string[]): Plan {
  const wanted = new Set(appIds);
  const connections = plan.connections.filter((connection) => wanted.has(connection.appId));
  return {
    ...plan,
    connections,
    counts: countPlan(connections),
    changes: connections.some((connection) => connection.operations.length > 0),
    hash: planHash(connections),
  };
}
