/**
 * Provisioning features in an export: every current setting of a set-up connection, as
 * `to_app` / `to_okta` values that validate and plan back to no change.
 */
import type { FeatureValues } from '../../definitions/types.js';
import { featureSetting, parseSettingText, usernamePairProblem } from './schema.js';
import { isProvisioningNotEnabled, type OktaFeature } from './read.js';
import { featureValues } from './compare.js';

/** The read an export needs for features; the Okta client provides it. */
interface ExportFeatureReader {
  listFeatures(appId: string): Promise<OktaFeature[]>;
}

type ExportedFeatures = { values: FeatureValues; notes: string[] } | { error: unknown };

/**
 * The features of a connection that is set up: one GET. Okta's 400 for a connection without provisioning
 * (e.g. a consent app still waiting for consent) means there is nothing to export.
 */
export async function readExportedFeatures(
  reader: ExportFeatureReader,
  appId: string,
): Promise<ExportedFeatures> {
  try {
    return exportableValues(featureValues(await reader.listFeatures(appId)));
  } catch (error) {
    if (isProvisioningNotEnabled(error)) return { values: {}, notes: [] };
    return { error };
  }
}

/** Okta's values minus any that would not pass validation (the file must validate); each one left out gets a note. */
export function exportableValues(okta: FeatureValues): { values: FeatureValues; notes: string[] } {
  const values: FeatureValues = {};
  const notes: string[] = [];
  for (const [path, value] of Object.entries(okta)) {
    const setting = featureSetting(path);
    const checked = setting && typeof value === 'string' ? parseSettingText(setting, value) : { value };
    if ('problem' in checked) notes.push(`${path} is left out: Okta's value ${checked.problem}`);
    else values[path] = value;
  }
  // A schedule item without a cron cannot be written (cron is required).
  for (const item of ['full_import', 'incremental_import']) {
    const prefix = `to_okta.schedule.${item}`;
    if (values[`${prefix}.cron`] === undefined && values[`${prefix}.timezone`] !== undefined) {
      delete values[`${prefix}.timezone`];
      notes.push(`${prefix}.timezone is left out: Okta has no cron for that schedule.`);
    }
  }
  const pair = usernamePairProblem(values['to_okta.username_format'], values['to_okta.username_expression']);
  if (pair) {
    // An expression Okta keeps beside EMAIL does nothing; CUSTOM without one cannot be written as it is.
    delete values[`to_okta.${pair.field}`];
    notes.push(
      `to_okta.${pair.field} (${String(okta[`to_okta.${pair.field}`])}) is left out: ${pair.message}`,
    );
  }
  return { values, notes };
}
