import type { ResolvedConnection } from '../definitions/env.js';
import type { LoadedDefinitions } from '../definitions/load.js';
import type { Problem } from '../definitions/types.js';
import type { Plan } from '../plan/model.js';
import { planConnections, type ConnectionReader } from '../plan/plan.js';
import { openOkta } from './okta.js';
import type { RunPorts } from './ports.js';
import type { PlanSettings } from './settings.js';
import { prepareDefinitions } from './validate.js';

export type PlanOutcome =
  | { kind: 'invalid'; loaded: LoadedDefinitions; problems: Problem[] }
  | { kind: 'planned'; loaded: LoadedDefinitions; plan: Plan; connections: ResolvedConnection[] };

/** `plan`: valid definitions, read live state (read-only), the plan. Nothing is written to Okta. */
export async function runPlan(settings: PlanSettings, ports: RunPorts): Promise<PlanOutcome> {
  const prepared = await prepareDefinitions(settings, ports);
  if (!prepared.ok) return { kind: 'invalid', loaded: prepared.loaded, problems: prepared.problems };
  const client = openOkta(settings.okta, 'read', ports);
  try {
    const plan = await makePlan(client, settings, prepared.connections, prepared.loaded, ports);
    return { kind: 'planned', loaded: prepared.loaded, plan, connections: prepared.connections };
  } finally {
    await client.close();
  }
}

export function makePlan(
  reader: ConnectionReader,
  settings: PlanSettings,
  connections: readonly ResolvedConnection[],
  loaded: LoadedDefinitions,
  ports: RunPorts,
): Promise<Plan> {
  return planConnections(reader, connections, {
    orgUrl: settings.okta.orgUrl,
    path: settings.path,
    env: ports.env,
    rotateSecrets: settings.rotateSecrets,
    warnings: loaded.problems,
  });
}
