import { applyPlan } from '../apply/apply.js';
import type { ApplyReport } from '../apply/model.js';
import type { LoadedDefinitions } from '../definitions/load.js';
import type { Problem } from '../definitions/types.js';
import type { Plan } from '../plan/model.js';
import { openOkta } from './okta.js';
import { redactedCopy } from './redact.js';
import { makePlan } from './plan.js';
import type { RunPorts } from './ports.js';
import { decideApply, type RefusalKind, type ReviewEvidence } from './review.js';
import type { ApplySettings } from './settings.js';
import { prepareDefinitions } from './validate.js';

export interface ApplyPorts extends RunPorts {
  /** Finds out whether this plan was reviewed (the action asks GitHub; the CLI has only `--plan-hash`). */
  review(plan: Plan): Promise<ReviewEvidence>;
}

/** Plans and reports are redacted for the reports. */
export type ApplyOutcome =
  | { kind: 'invalid'; loaded: LoadedDefinitions; problems: Problem[] }
  | {
      kind: 'refused';
      plan: Plan;
      refusal: RefusalKind;
      reason: string;
      instruction: string;
      evidence?: ReviewEvidence;
    }
  | { kind: 'applied'; plan: Plan; report: ApplyReport; note: string; evidence?: ReviewEvidence };

/**
 * `apply`: plan with a client that may write, decide whether this plan may be applied, then apply it and
 * confirm. A refusal writes nothing.
 */
export async function runApply(settings: ApplySettings, ports: ApplyPorts): Promise<ApplyOutcome> {
  const prepared = await prepareDefinitions(settings, ports);
  if (!prepared.ok) return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
  const client = openOkta(settings.okta, 'write', ports);
  try {
    const plan = await makePlan(client, settings, prepared.connections, prepared.loaded, ports);
    ports.progress?.end();
    const evidence = plan.changes || plan.counts.errors > 0 ? await ports.review(plan) : undefined;
    const decision = decideApply(plan, settings, evidence ?? { kind: 'manual' });
    const shown = redactedCopy(ports.secrets, plan);
    if (!decision.apply) return { kind: 'refused', plan: shown, ...decision, ...(evidence && { evidence }) };
    const report = await applyPlan(client, plan, prepared.connections, {
      env: ports.env,
      secrets: ports.secrets,
      logger: ports.logger,
      ...(ports.progress && { progress: ports.progress.step('applied') }),
    });
    ports.progress?.end();
    return {
      kind: 'applied',
      plan: shown,
      report: redactedCopy(ports.secrets, report),
      note: decision.note,
      ...(evidence && { evidence }),
    };
  } finally {
    await client.close();
  }
}
