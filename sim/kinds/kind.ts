import type { SimFeatureName } from '../types.js';

export type ConfigurableScheme = 'TOKEN' | 'OAUTH2';

/**
 * How the simulated org treats apps of one kind (their Okta `name`): one module per kind in this folder,
 * listed in ./index.ts. The simulator keeps its own copy of what `src/kinds/` says: it imports nothing of
 * `src/`, so it can disagree with the action the way real Okta could.
 */
export interface SimKind {
  name: string;
  signOnMode: string;
  /** The schemes its connection accepts; none: no provisioning (its connection answers status UNKNOWN). */
  schemes: readonly ConfigurableScheme[];
  /** OAuth connections need a person's consent: the configure answer carries an authorize link. */
  consent: boolean;
  /**
   * From Okta's Application Features API reference ("The following available provisioning features are
   * supported by the indicated apps").
   */
  offers: readonly SimFeatureName[];
  /** OAUTH2 needs `clientId`, and Okta returns it. */
  clientId: boolean;
  /** OAUTH2 has signing key rotation (`signing.rotationMode`, unless the org lacks it) and a public key. */
  signing: boolean;
  /** OAUTH2 needs `settings` (admin credentials, never returned). */
  adminSettings: boolean;
  /** Okta answers 404 for its connection (seen on real orgs for bookmark apps). */
  noConnection?: boolean;
}

export const BOTH_DIRECTIONS: readonly SimFeatureName[] = ['USER_PROVISIONING', 'INBOUND_PROVISIONING'];
