import type { ResolvedConnection } from '../definitions/env.js';
import type { LoadedDefinitions } from '../definitions/load.js';
import type { Problem } from '../definitions/types.js';
import type { Plan } from '../plan/model.js';
import { planConnections, type ConnectionReader } from '../plan/plan.js';
import { resolvePlanScope } from '../plan/scope.js';
import { openOkta, reportNotRead } from './okta.js';
import { redactedCopy } from './redact.js';
import type { RunPorts } from './ports.js';
import type { PlanSettings } from './settings.js';
import { prepareDefinitions } from './validate.js';

export type PlanOutcome =
  | { kind: 'invalid'; loaded: LoadedDefinitions; problems: Problem[] }
  /** The plan redacted for the reports. */
  | { kind: 'planned'; loaded: LoadedDefinitions; plan: Plan };

/** `plan`: valid definitions, read live state (read-only), the plan. Nothing is written to Okta. */
export async function runPlan(settings: PlanSettings, ports: RunPorts): Promise<PlanOutcome> {
  const prepared = await prepareDefinitions(settings, ports);
  if (!prepared.ok) return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
  const client = openOkta(settings.okta, 'read', ports);
  try {
    const { plan } = await makePlan(client, settings, prepared.connections, prepared.loaded, ports);
    ports.progress?.end();
    reportNotRead(plan, client, ports.logger);
    return { kind: 'planned', loaded: prepared.loaded, plan: redactedCopy(ports.secrets, plan) };
  } finally {
    await client.close();
  }
}

/**
 * The connections in scope (all, or those the change touched, plus the app ids in `include`: those that
 * reviewed pull requests name), read and compared. `changedByPush`: the app ids whose definitions the
 * compared commits changed, when the scope could tell.
 */
export async function makePlan(
  reader: ConnectionReader,
  settings: PlanSettings,
  connections: readonly ResolvedConnection[],
  loaded: LoadedDefinitions,
  ports: RunPorts,
  include: readonly string[] = [],
): Promise<{ plan: Plan; changedByPush?: string[] }> {
  const scoped = settings.scope
    ? await resolvePlanScope({
        scope: settings.scope,
        workspace: settings.workspace,
        path: settings.path,
        files: loaded.files,
        connections,
        env: ports.env,
      })
    : undefined;
  const wanted = new Set(include);
  const planned =
    scoped && scoped.scope.mode === 'changed'
      ? [
          ...scoped.connections,
          ...connections.filter((c) => wanted.has(c.id) && !scoped.connections.includes(c)),
        ]
      : connections;
  const plan = await planConnections(reader, planned, {
    orgUrl: settings.okta.orgUrl,
    path: settings.path,
    env: ports.env,
    rotateSecrets: settings.rotateSecrets,
    warnings: loaded.problems,
    ...(scoped && {
      scope: { ...scoped.scope, unread: scoped.scope.unread - (planned.length - scoped.connections.length) },
    }),
    ...(scoped?.base && { base: scoped.base }),
    ...(ports.progress && { progress: ports.progress.step('read') }),
  });
  return {
    plan,
    ...(scoped?.scope.mode === 'changed' && { changedByPush: scoped.connections.map((c) => c.id) }),
  };
}
