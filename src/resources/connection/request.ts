import type { ResolvedConnection, SecretValues } from '../../definitions/env.js';
import { appKindOf } from '../../kinds/index.js';
import type { ConnectionRequest, OktaConnection } from './read.js';

/**
 * The POST body for a configure: exactly the OpenAPI request schema, with only the parts the app uses.
 * OAuth connections get no baseUrl. A kind with signing (Org2Org) over OAuth gets `signing.rotationMode`
 * only when the definition sets it or the live connection has one (kept, since Okta turns an omitted one
 * into MANUAL): Okta's spec marks `signing` as not generally available, and an org whose edition lacks it
 * refuses it.
 */
export function connectionRequest(
  connection: ResolvedConnection,
  appKind: string | undefined,
  secrets: SecretValues,
  live: OktaConnection | undefined,
): ConnectionRequest {
  if (connection.authScheme === 'TOKEN') {
    return {
      ...(connection.baseUrl !== undefined && { baseUrl: connection.baseUrl }),
      profile: { authScheme: 'TOKEN', token: secrets.token ?? '' },
    };
  }
  const rotationMode =
    connection.rotationMode ?? (live?.authScheme === 'OAUTH2' ? live.rotationMode : undefined);
  return {
    profile: {
      authScheme: 'OAUTH2',
      ...(connection.clientId !== undefined && { clientId: connection.clientId }),
      ...(appKindOf(appKind)?.signing && rotationMode && { signing: { rotationMode } }),
      ...(secrets.adminPassword !== undefined && {
        settings: { adminUsername: secrets.adminUsername ?? '', adminPassword: secrets.adminPassword },
      }),
    },
  };
}
