/**
 * Apply of provisioning features: after the connection's own operations, one PUT per
 * changed feature with only its changed settings, confirmed from Okta's answer.
 */
import type { ResolvedConnection } from '../../definitions/env.js';
import { FEATURE_NAMES, featureSetting, showFeatureValue, type FeatureName } from './schema.js';
import type { FeatureValues } from '../../definitions/types.js';
import type { Logger } from '../../log.js';
import type { Capabilities, OktaFeature } from './read.js';
import { featureValues } from './compare.js';
import type { ConnectionPlan, FeatureChange } from '../../plan/model.js';
import type { ConnectionApplyResult } from '../../apply/model.js';

/** The write apply needs for features; the Okta client provides it. */
export interface FeatureWriter {
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

  const changes = planned.features ?? [];
  const declared = connection.features ?? {};
  for (const name of FEATURE_NAMES) {
    const mine = changes.filter((change) => featureSetting(change.field)?.feature === name);
    if (mine.length === 0) continue;
    let answer: OktaFeature;
    try {
      answer = await writer.updateFeature(planned.appId, name, featureRequest(name, mine, declared));
    } catch (error) {
      const described = describeError(error);
      return {
        ...result,
        status: 'failed',
        error: {
          ...described,
          message: `updating its provisioning features (${name}) failed: ${described.message}`,
        },
      };
    }
    const mismatches = confirmFeature(answer, mine, declared);
    if (mismatches.length > 0) {
      return {
        ...result,
        status: 'failed',
        mismatches,
        error: {
          code: 'not-confirmed',
          message: `Okta does not show the desired ${name} settings after the change.`,
        },
      };
    }
  }
  const done = [...result.done, 'update-features' as const];
  logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
  return { ...result, done };
}

/**
 * The PUT body of one feature: its changed settings only, plus what Okta's request schema requires beside
 * them (INBOUND_PROVISIONING: both `importSettings` and `importRules`, empty when unchanged; a username's
 * `usernameFormat`; a schedule's `expression`). The definition rules guarantee those are declared.
 */
export function featureRequest(
  name: FeatureName,
  changes: readonly FeatureChange[],
  declared: FeatureValues,
): Capabilities {
  const body: Capabilities = name === 'INBOUND_PROVISIONING' ? { importSettings: {}, importRules: {} } : {};
  const put = (path: string) => {
    const setting = featureSetting(path);
    const value = declared[path];
    if (!setting || setting.feature !== name || value === undefined) return;
    let node = body;
    for (const key of setting.api.slice(0, -1)) node = (node[key] ??= {}) as Capabilities;
    node[setting.api.at(-1)!] = setting.type.kind === 'switch' ? (value ? 'ENABLED' : 'DISABLED') : value;
  };
  for (const change of changes) put(change.field);
  const importSettings = body.importSettings as Capabilities | undefined;
  if (importSettings?.username) put('to_okta.username_format');
  const schedule = importSettings?.schedule as Capabilities | undefined;
  if (schedule?.fullImport) put('to_okta.schedule.full_import.cron');
  if (schedule?.incrementalImport) put('to_okta.schedule.incremental_import.cron');
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
