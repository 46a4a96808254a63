import type { AuthScheme } from '../definitions/types.js';
import type { FeatureName } from '../resources/features/schema.js';

/**
 * Everything the action knows about one kind of Okta app (its `name` in Okta): one module per kind in this
 * folder, listed in ./index.ts. The plan checks a definition against its kind in one place
 * (`checkAppKind`); apply, export and the reports read the same object.
 */
export interface AppKind {
  /** Okta's app name, e.g. `okta_org2org`. */
  name: string;
  label: string;
  /** What a sentence calls it: `Org2Org connections`. */
  shortName: string;
  /** The `profile.auth_scheme` values Okta accepts for its connection. */
  schemes: readonly AuthScheme[];
  /** OAuth connections need a person's consent: configure answers an authorize link. */
  consent: boolean;
  /** The provisioning features Okta offers for it; read only while Okta cannot list them (not set up yet). */
  offers: readonly FeatureName[];
  /** `profile.client_id` is required over OAUTH2 (what to tell when it is missing or Okta does not return it). */
  clientId?: { missing: string; notReturned: string };
  /**
   * `profile.signing` (key rotation) is allowed, and an OAUTH2 connection has a public key (JWKS) that the
   * other side must trust.
   */
  signing: boolean;
  /**
   * `profile.settings`: admin credentials, required; both values are write-only (sent with a configure,
   * never returned by Okta), so export names a variable for each.
   */
  adminCredentials?: {
    missing: string;
    usernameVariable: string;
    passwordVariable: string;
  };
}

/** Both directions of provisioning: "To App" and "To Okta". */
export const TO_APP_AND_TO_OKTA: readonly FeatureName[] = ['USER_PROVISIONING', 'INBOUND_PROVISIONING'];
