/**
 * Provisioning features in a plan: the declared `to_app` / `to_okta` settings against
 * Okta's, one `GET /features` per connection that declares some (none for the others).
 */
import type { ResolvedConnection } from '../../definitions/env.js';
import {
  declaredFeatureNames,
  FEATURE_BLOCKS,
  FEATURE_SETTINGS,
  showFeatureValue,
  type FeatureName,
} from './schema.js';
import type { FeatureValue, FeatureValues } from '../../definitions/types.js';
import { isProvisioningNotEnabled, type OktaFeature } from './read.js';
import type { OktaApp } from '../../okta/types.js';
import type { OktaConnection } from '../connection/read.js';
import { appKindLabel, appKindOf } from '../../kinds/index.js';
import type { ConnectionPlan, FeatureChange, PlanError } from '../../plan/model.js';

/** The read a plan needs for features; the Okta client provides it. */
export interface FeatureReader {
  listFeatures(appId: string): Promise<OktaFeature[]>;
}

/** Okta's feature settings of one app, or what it will have once its connection is set up. */
export interface LiveFeatures {
  offered: readonly FeatureName[];
  values: FeatureValues;
  /** `defaults`: the connection is not set up (yet), so these are Okta's values for a fresh connection. */
  source: 'okta' | 'defaults';
}

/**
 * What a freshly connected app has (Okta's list example and schema defaults): every switch off, passwords
 * random and kept, usernames by email, exact matches by email, no import schedule.
 */
const OKTA_DEFAULTS: FeatureValues = {
  'to_app.create_users': false,
  'to_app.update_user_attributes': false,
  'to_app.deactivate_users': false,
  'to_app.sync_password.enabled': false,
  'to_app.sync_password.seed': 'RANDOM',
  'to_app.sync_password.change': 'KEEP_EXISTING',
  'to_okta.username_format': 'EMAIL',
  'to_okta.schedule.enabled': false,
  'to_okta.match.exact_match_criteria': 'EMAIL',
  'to_okta.match.allow_partial_match': false,
  'to_okta.match.auto_confirm_partial_match': false,
  'to_okta.match.auto_confirm_exact_match': false,
  'to_okta.match.auto_confirm_new_users': false,
  'to_okta.match.auto_activate_new_users': false,
};

/** The definition's values of Okta's features, every setting the catalog knows that Okta has. */
export function featureValues(features: readonly OktaFeature[]): FeatureValues {
  const values: FeatureValues = {};
  for (const setting of FEATURE_SETTINGS) {
    const capabilities = features.find((feature) => feature.name === setting.feature)?.capabilities;
    let node: unknown = capabilities;
    for (const key of setting.api) node = (node as Record<string, unknown> | undefined)?.[key];
    const value = fromApi(setting.type.kind, node);
    if (value !== undefined) values[setting.path] = value;
  }
  return values;
}

function fromApi(kind: string, value: unknown): FeatureValue | undefined {
  if (kind === 'switch') return value === 'ENABLED' ? true : value === 'DISABLED' ? false : undefined;
  if (kind === 'boolean') return typeof value === 'boolean' ? value : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Reads the features of a connection that declares some and is to be active; nothing for the others (no
 * request). A connection not set up, or one Okta says has no provisioning enabled yet, gets Okta's defaults
 * for a fresh connection.
 */
export async function readLiveFeatures(
  reader: FeatureReader,
  connection: ResolvedConnection,
  app: OktaApp,
  live: OktaConnection,
): Promise<LiveFeatures | undefined> {
  // Features exist at Okta only while provisioning is enabled: a connection to deactivate has none to write
  // (the definitions warn about it).
  if (!connection.features || connection.action === 'deactivate') return undefined;
  const defaults: LiveFeatures = {
    offered: appKindOf(app.name)?.offers ?? [],
    values: OKTA_DEFAULTS,
    source: 'defaults',
  };
  if (live.status === 'UNKNOWN' || live.authScheme === 'UNKNOWN') return defaults;
  try {
    const features = await reader.listFeatures(connection.id);
    return {
      offered: features.map((feature) => feature.name),
      values: featureValues(features),
      source: 'okta',
    };
  } catch (error) {
    if (isProvisioningNotEnabled(error)) return defaults;
    throw error;
  }
}

/**
 * Adds the declared settings that differ from Okta's to a compared connection, and `update-features` to its
 * operations; a declared feature the app does not offer makes it an error. Only declared settings count.
 */
export function withFeatureChanges(
  plan: ConnectionPlan,
  connection: ResolvedConnection,
  app: OktaApp,
  live: LiveFeatures | undefined,
): ConnectionPlan {
  if (plan.error || !live || !connection.features) return plan;
  const missing = declaredFeatureNames(connection.features).filter((name) => !live.offered.includes(name));
  if (missing.length > 0) return { ...plan, operations: [], error: notOffered(connection, app, missing[0]!) };
  const features: FeatureChange[] = [];
  for (const setting of FEATURE_SETTINGS) {
    const after = connection.features[setting.path];
    const before = live.values[setting.path];
    if (after === undefined || before === after) continue;
    features.push({
      field: setting.path,
      before: before === undefined ? null : showFeatureValue(before),
      after: showFeatureValue(after),
    });
  }
  if (features.length === 0) return plan;
  return { ...plan, operations: [...plan.operations, 'update-features'], features };
}

function notOffered(connection: ResolvedConnection, app: OktaApp, name: FeatureName): PlanError {
  const block = FEATURE_BLOCKS[name];
  const kind = appKindLabel(app.name);
  const tab = block === 'to_app' ? 'To App' : 'To Okta';
  return {
    code: 'feature-not-offered',
    at: connection.definition.fields[block] ?? connection.definition.source,
    message: `app "${app.label}" (${kind}) does not offer "${tab}" provisioning (${name}); remove \`${block}\` from this definition.`,
  };
}
