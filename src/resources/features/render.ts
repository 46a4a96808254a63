import type { FeatureChange } from '../../plan/model.js';
import { changeLine } from '../../render/words.js';

/**
 * How the provisioning features read in plans and apply results; src/render/ lays them out. A connection to
 * deactivate has its features neither compared nor written: that warning is a finding of the definitions'
 * checks (`checkFeatureRules` in schema.ts), made without Okta, and is reported with the other warnings.
 */

/** `to_app.create_users: false → true`: a declared setting as Okta has it, then as the definition says. */
export function featureChangeText(
  change: FeatureChange,
  quote: (text: string) => string,
  markDrift = true,
): string {
  return changeLine(change, quote, markDrift);
}

/** The plan's count of connections whose features change: `2 to update features`. */
export function featuresToUpdateText(count: number): string {
  return `${count} to update features`;
}

/** `update-features` once apply did it (`configured + features updated`). */
export const FEATURES_UPDATED = 'features updated';
