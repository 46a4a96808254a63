import { OktaApiError } from '../../okta/errors.js';
import type { ConnectionPublicKey, RotationMode } from './read.js';

/**
 * An Org2Org OAuth connection works only once the target org trusts its signing key: the key Okta made for the
 * connection, to register with the service app `clientId` in the target org. With `rotation_mode: AUTO` Okta
 * rotates that key, so the target org should fetch it from the JWKS URL (the spec: "can be used by the OAuth 2.0
 * app's jwk_uri property in the target org"); a fixed copy breaks at the first rotation. With MANUAL the key
 * changes only when someone rotates it.
 */
export interface PublicKeyNotice {
  /** The service app in the target org that must hold the key. */
  clientId?: string;
  /** As Okta answers it; a connection without `signing` is MANUAL (Okta's default). */
  rotationMode: RotationMode;
  /** Where Okta serves the connection's current public keys: …/api/v1/apps/{id}/connections/default/jwks. */
  jwksUrl: string;
  keys: ConnectionPublicKey[];
  /** Why the key could not be read (redacted); `keys` is then empty. */
  error?: string;
}

export interface PublicKeyReader {
  getConnectionJwks(appId: string): Promise<ConnectionPublicKey[]>;
  connectionJwksUrl(appId: string): string;
}

/** One GET (…/connections/default/jwks); a failure is part of the notice, never thrown. */
export async function readPublicKey(
  reader: PublicKeyReader,
  appId: string,
  connection: { clientId?: string; rotationMode?: RotationMode },
  redact: (text: string) => string,
): Promise<PublicKeyNotice> {
  const base = {
    ...(connection.clientId !== undefined && { clientId: connection.clientId }),
    rotationMode: connection.rotationMode ?? 'MANUAL',
    jwksUrl: reader.connectionJwksUrl(appId),
  };
  try {
    return { ...base, keys: await reader.getConnectionJwks(appId) };
  } catch (error) {
    return { ...base, keys: [], error: redact(jwksErrorText(error)) };
  }
}

/**
 * The app was just read, so a 404 here is about the key, not the app: Okta has none for this connection (yet).
 */
function jwksErrorText(error: unknown): string {
  if (error instanceof OktaApiError && error.status === 404) {
    return 'Okta has no signing key for this connection (404 on its JWKS; the app itself exists). Okta makes the key when the connection is configured with OAuth 2.0: check the connection in the Admin Console, then apply again';
  }
  return error instanceof Error ? error.message : String(error);
}
