/**
 * The provisioning connection as Okta answers it (`…/connections/default` and its JWKS), and the body of a
 * configure. Parsed leniently like every answer: unknown fields are ignored, unexpected values are UNKNOWN.
 */
import { asObject, asString, oneOf, UnexpectedBodyError } from '../../okta/types.js';

export type LiveStatus = 'ENABLED' | 'DISABLED' | 'UNKNOWN';
export type LiveAuthScheme = 'TOKEN' | 'OAUTH2' | 'UNKNOWN';
export type RotationMode = 'AUTO' | 'MANUAL';

export interface OktaConnection {
  status: LiveStatus;
  authScheme: LiveAuthScheme;
  baseUrl?: string;
  clientId?: string;
  rotationMode?: RotationMode;
  /** `_links.authorize.href`: where a person grants consent (Google, Office 365, Slack, Zoom). */
  authorizeUrl?: string;
}

/** A public key of a connection's JWKS (Org2Org OAuth): only the public members, all strings. */
export interface ConnectionPublicKey {
  kid?: string;
  /** `kty`, `kid`, `use`, `alg` and the key's public parameters (`e`, `n`; `crv`, `x`, `y`), as Okta sent them. */
  jwk: Record<string, string>;
}

/** Body of POST /api/v1/apps/{appId}/connections/default, exactly the OpenAPI request schemas. */
export interface ConnectionRequest {
  baseUrl?: string;
  profile:
    | { authScheme: 'TOKEN'; token: string }
    | {
        authScheme: 'OAUTH2';
        clientId?: string;
        signing?: { rotationMode: RotationMode };
        settings?: { adminUsername: string; adminPassword: string };
      };
}

export function parseConnection(body: unknown): OktaConnection {
  const connection = asObject(body);
  if (!connection) throw new UnexpectedBodyError('expected a connection object');
  const profile = asObject(connection.profile);
  const authorize = asObject(asObject(connection._links)?.authorize);
  const parsed: OktaConnection = {
    status: oneOf(connection.status, ['ENABLED', 'DISABLED'] as const) ?? 'UNKNOWN',
    // profile.authScheme is the documented one; the top-level copy is only sent for TOKEN.
    authScheme:
      oneOf(profile?.authScheme ?? connection.authScheme, ['TOKEN', 'OAUTH2'] as const) ?? 'UNKNOWN',
  };
  const baseUrl = asString(connection.baseUrl);
  // Org2Org OAuth answers carry clientId both at the top and in the profile.
  const clientId = asString(profile?.clientId) ?? asString(connection.clientId);
  const rotationMode = oneOf(asObject(profile?.signing)?.rotationMode, ['AUTO', 'MANUAL'] as const);
  const authorizeUrl = asString(authorize?.href);
  if (baseUrl) parsed.baseUrl = baseUrl;
  if (clientId) parsed.clientId = clientId;
  if (rotationMode) parsed.rotationMode = rotationMode;
  if (authorizeUrl) parsed.authorizeUrl = authorizeUrl;
  return parsed;
}

const PUBLIC_JWK_MEMBERS = ['kty', 'kid', 'use', 'alg', 'e', 'n', 'crv', 'x', 'y'] as const;
/** Keys beyond this are ignored: Okta holds one, two while it rotates. */
const MAX_PUBLIC_KEYS = 5;

/** `{ jwks: { keys: [...] } }` of GET …/connections/default/jwks; private members are never kept. */
export function parseConnectionJwks(body: unknown): ConnectionPublicKey[] {
  const keys = asObject(asObject(body)?.jwks)?.keys;
  if (!Array.isArray(keys)) throw new UnexpectedBodyError('expected {"jwks": {"keys": [...]}}');
  return keys.slice(0, MAX_PUBLIC_KEYS).flatMap((key) => {
    const object = asObject(key);
    if (!object || !asString(object.kty)) return [];
    const jwk: Record<string, string> = {};
    for (const member of PUBLIC_JWK_MEMBERS) {
      const value = asString(object[member]);
      if (value) jwk[member] = value;
    }
    return [{ ...(jwk.kid && { kid: jwk.kid }), jwk }];
  });
}

/** Okta's error body `{errorCode, errorSummary, errorCauses, errorId}` or OAuth's `{error, error_description}`. */
