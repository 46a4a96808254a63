/**
 * Okta's Application Features API (sim/contract/app-features.openapi.yaml): the provisioning features of an
 * app, "To App" (USER_PROVISIONING) and "To Okta" (INBOUND_PROVISIONING). Parsed leniently like the rest.
 */
import { OktaApiError } from '../../okta/errors.js';
import { asObject, UnexpectedBodyError } from '../../okta/types.js';
import { FEATURE_NAMES, type FeatureName } from './schema.js';

/** A feature's `capabilities` (CapabilitiesObject / CapabilitiesInboundProvisioningObject) as JSON. */
export interface Capabilities {
  [key: string]: Capabilities | string | boolean;
}

export interface OktaFeature {
  name: FeatureName;
  status: 'ENABLED' | 'DISABLED' | 'UNKNOWN';
  /** As Okta returns it (`null`s dropped: not set), the username format always under `userNameFormat`. */
  capabilities: Capabilities;
}

/** Only JSON objects, strings and booleans are kept: the settings this project reads are nothing else. */
function capabilitiesOf(value: unknown): Capabilities {
  const object = asObject(value);
  if (!object) return {};
  const out: Capabilities = {};
  for (const [key, inner] of Object.entries(object)) {
    if (typeof inner === 'string' || typeof inner === 'boolean') out[key] = inner;
    else if (asObject(inner)) out[key] = capabilitiesOf(inner);
  }
  return out;
}

export function parseFeature(body: unknown): OktaFeature {
  const feature = asObject(body);
  const name = FEATURE_NAMES.find((known) => known === feature?.name);
  if (!feature || !name)
    throw new UnexpectedBodyError(
      'expected a feature object named USER_PROVISIONING or INBOUND_PROVISIONING',
    );
  const capabilities = capabilitiesOf(feature.capabilities);
  // Real Okta answers `userNameFormat`; one schema of the spec says `usernameFormat`: read either.
  const username = asObject(asObject(capabilities.importSettings)?.username) as Capabilities | undefined;
  if (username && username.userNameFormat === undefined && username.usernameFormat !== undefined) {
    username.userNameFormat = username.usernameFormat;
  }
  if (username) delete username.usernameFormat;
  const status = feature.status === 'ENABLED' || feature.status === 'DISABLED' ? feature.status : 'UNKNOWN';
  return { name, status, capabilities };
}

/** The app's features; names this project does not know (Okta may add some) are left out. */
export function parseFeatureList(body: unknown): OktaFeature[] {
  if (!Array.isArray(body)) throw new UnexpectedBodyError('expected a JSON array of features');
  return body.filter((item) => FEATURE_NAMES.includes(asObject(item)?.name as FeatureName)).map(parseFeature);
}

/**
 * Okta's answer to a read of an app's features while its provisioning is not enabled: 400 E0000001 on a
 * `/features` path (the spec's and the real answer's cause reads "Provisioning is not enabled for the app
 * instance."; any other wording counts the same, since a read has no body whose validation could fail).
 */
export function isProvisioningNotEnabled(error: unknown): boolean {
  return (
    error instanceof OktaApiError &&
    error.status === 400 &&
    error.errorCode === 'E0000001' &&
    error.method === 'GET' &&
    /^\/api\/v1\/apps\/[^/]+\/features(\/[^/]+)?$/.test(error.path)
  );
}
