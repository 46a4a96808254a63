import type { ConnectionPublicKey } from './read.js';

/**
 * An Org2Org OAuth connection works only once the target org trusts its public key: the key Okta made for
 * the connection, to register with the service app `clientId` in the target org.
 */
export interface PublicKeyNotice {
  /** The service app in the target org that must hold the key. */
  clientId?: string;
  keys: ConnectionPublicKey[];
  /** Why the key could not be read (redacted); `keys` is then empty. */
  error?: string;
}

export interface PublicKeyReader {
  getConnectionJwks(appId: string): Promise<ConnectionPublicKey[]>;
}

/** One GET (…/connections/default/jwks); a failure is part of the notice, never thrown. */
export async function readPublicKey(
  reader: PublicKeyReader,
  appId: string,
  clientId: string | undefined,
  redact: (text: string) => string,
): Promise<PublicKeyNotice> {
  const base = clientId === undefined ? {} : { clientId };
  try {
    return { ...base, keys: await reader.getConnectionJwks(appId) };
  } catch (error) {
    return { ...base, keys: [], error: redact(error instanceof Error ? error.message : String(error)) };
  }
}
