/**
 * Apply of provisioning features: after the connection's own operations, one read of the app's features and
 * one PUT per changed feature that carries each section it touches whole (Okta's current values with the
 * declared ones laid over them), confirmed from Okta's answer.
 */
import type { ResolvedConnection } from '../../definitions/env.js';
import {
  FEATURE_NAMES,
  FEATURE_SETTINGS,
  featureSetting,
  showFeatureValue,
  type FeatureName,
} from './schema.js';
import type { FeatureValues } from '../../definitions/types.js';
import type { Logger } from '../../log.js';
import type { Capabilities, OktaFeature } from './read.js';
import { featureValues } from './compare.js';
import type { ConnectionPlan, FeatureChange } from '../../plan/model.js';
import type { ConnectionApplyResult } from '../../apply/model.js';

/** The read and write apply needs for features; the Okta client provides them. */
export interface FeatureWriter {
  listFeatures(appId: string): Promise<OktaFeature[]>;
  updateFeature(appId: string, name: FeatureName, capabilities: Capabilities): Promise<OktaFeature>;
}

interface FeatureApplyOptions {
  logger: Logger;
  /** Okta's error as a redacted message (and its code). */
  describeError: (error: unknown) => { message: string; code?: string };
}

/**
 * A planned connection: its own operations through `applyOwn` (with `update-features` left out), then its
 * feature changes. Features wait when the connection failed, or waits for consent (Okta has no provisioning
 * for it until then): the apply after consent sets them.
 */
export async function applyWithFeatures(
  writer: FeatureWriter,
  planned: ConnectionPlan,
  connection: ResolvedConnection,
  applyOwn: (planned: ConnectionPlan) => Promise<ConnectionApplyResult>,
  { logger, describeError }: FeatureApplyOptions,
): Promise<ConnectionApplyResult> {
  if (!planned.operations.includes('update-features')) return applyOwn(planned);
  const own = planned.operations.filter((operation) => operation !== 'update-features');
  const result: ConnectionApplyResult =
    own.length > 0
      ? await applyOwn({ ...planned, operations: own })
      : { appId: planned.appId, name: planned.name, status: 'applied', done: [] };
  if (result.status === 'failed' && result.error) {
    const message = `${result.error.message} Its provisioning features were not changed.`;
    return { ...result, error: { ...result.error, message } };
  }
  if (result.status !== 'applied') return result;

  const failure = await writeFeatures(writer, planned, connection, describeError);
  if (failure) return { ...result, status: 'failed', ...failure };
  const done = [...result.done, 'update-features' as const];
  logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
  return { ...result, done };
}

/**
 * Each feature with changes, one PUT of its touched sections over Okta's values right now, confirmed from the
 * answer; what went wrong, or undefined when every feature shows the desired settings.
 */
async function writeFeatures(
  writer: FeatureWriter,
  planned: ConnectionPlan,
  connection: ResolvedConnection,
  describeError: FeatureApplyOptions['describeError'],
): Promise<Pick<ConnectionApplyResult, 'error' | 'mismatches'> | undefined> {
  const changes = planned.features ?? [];
  const declared = connection.features ?? {};
  const failed = (error: unknown, what: string) => {
    const described = describeError(error);
    return { error: { ...described, message: `${what} failed: ${described.message}` } };
  };
  // Okta's values right now (after any configure of this apply): the base each PUT's sections are built on.
  let current: readonly OktaFeature[];
  try {
    current = await writer.listFeatures(planned.appId);
  } catch (error) {
    return failed(error, 'reading its provisioning features before changing them');
  }
  for (const name of FEATURE_NAMES) {
    const mine = changes.filter((change) => featureSetting(change.field)?.feature === name);
    if (mine.length === 0) continue;
    const live = current.find((feature) => feature.name === name)?.capabilities ?? {};
    let answer: OktaFeature;
    try {
      answer = await writer.updateFeature(planned.appId, name, featureRequest(name, mine, declared, live));
    } catch (error) {
      return failed(error, `updating its provisioning features (${name})`);
    }
    const mismatches = confirmFeature(answer, mine, declared);
    if (mismatches.length > 0) {
      return {
        mismatches,
        error: {
          code: 'not-confirmed',
          message: `Okta does not show the desired ${name} settings after the change.`,
        },
      };
    }
  }
  return undefined;
}

/**
 * The sections a feature's PUT carries: those its changes touch (`create`, `update`; INBOUND_PROVISIONING
 * always both `importSettings` and `importRules`, which Okta's request schema requires).
 */
function touchedSections(name: FeatureName, changes: readonly FeatureChange[]): string[] {
  if (name === 'INBOUND_PROVISIONING') return ['importSettings', 'importRules'];
  return [...new Set(changes.flatMap((change) => featureSetting(change.field)?.api[0] ?? []))];
}

/**
 * The PUT body of one feature: each section it touches whole, Okta's current values (`live`) with every
 * declared setting of that section laid over them. The spec says only "partial updates"; every real request
 * recorded and every Okta example sends whole sections, so this is right whether Okta merges deeply or
 * replaces the sections it is sent: settings a definition does not declare are sent as Okta has them.
 */
export function featureRequest(
  name: FeatureName,
  changes: readonly FeatureChange[],
  declared: FeatureValues,
  live: Capabilities,
): Capabilities {
  const sections = touchedSections(name, changes);
  const body: Capabilities = {};
  for (const section of sections) {
    const current = live[section];
    body[section] = typeof current === 'object' ? structuredClone(current) : {};
  }
  for (const setting of FEATURE_SETTINGS) {
    const value = declared[setting.path];
    if (setting.feature !== name || value === undefined || !sections.includes(setting.api[0]!)) continue;
    let node = body;
    for (const key of setting.api.slice(0, -1)) {
      const next = node[key];
      node = (node[key] = typeof next === 'object' ? next : {}) as Capabilities;
    }
    node[setting.api.at(-1)!] = setting.type.kind === 'switch' ? (value ? 'ENABLED' : 'DISABLED') : value;
  }
  return body;
}

/** Changed settings whose value in Okta's answer is not the declared one (before = found, after = wanted). */
function confirmFeature(
  answer: OktaFeature,
  changes: readonly FeatureChange[],
  declared: FeatureValues,
): FeatureChange[] {
  const found = featureValues([answer]);
  return changes.flatMap((change) => {
    const wanted = declared[change.field];
    const now = found[change.field];
    if (wanted === undefined || now === wanted) return [];
    return [
      {
        field: change.field,
        before: now === undefined ? null : showFeatureValue(now),
        after: showFeatureValue(wanted),
      },
    ];
  });
}
