/** What the sim knows about each kind of app (its Okta `name`). Any other name has no provisioning. */

export type ConfigurableScheme = 'TOKEN' | 'OAUTH2';

const SCHEMES = new Map<string, readonly ConfigurableScheme[]>([
  ['okta_org2org', ['TOKEN', 'OAUTH2']],
  ['zscalerbyz', ['TOKEN']],
  ['office365', ['OAUTH2']],
  ['google', ['OAUTH2']],
  ['slack', ['OAUTH2']],
  ['zoomus', ['OAUTH2']],
]);

/** OAuth connections of these apps need a person's consent: the configure answer carries an authorize link. */
const CONSENT_APPS = new Set(['office365', 'google', 'slack', 'zoomus']);

/**
 * Sign-on-only kinds with no provisioning at all: Okta answers 404 for their connection (seen on real orgs for
 * bookmark apps), while other kinds without provisioning answer a connection with status UNKNOWN.
 */
const NO_CONNECTION = new Set(['bookmark']);

const SIGN_ON_MODES = new Map<string, string>([
  ['office365', 'WS_FEDERATION'],
  ['bookmark', 'BOOKMARK'],
]);

export function supportedSchemes(name: string): readonly ConfigurableScheme[] {
  return SCHEMES.get(name) ?? [];
}

export function supportsProvisioning(name: string): boolean {
  return SCHEMES.has(name);
}

export function needsConsent(name: string): boolean {
  return CONSENT_APPS.has(name);
}

export function signOnMode(name: string): string {
  return SIGN_ON_MODES.get(name) ?? 'SAML_2_0';
}

export function hasNoConnection(name: string): boolean {
  return NO_CONNECTION.has(name);
}
