import { createHash } from 'node:crypto';
import { simKindOf } from '../../kinds/index.js';
import { appNotFound, json, notFound, type SimResponse } from '../../responses.js';
import type { SimRequest, SimState } from '../../state.js';
import type { SimApp } from '../../types.js';

const MODULUS_BYTES = 256;

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/**
 * The public key Okta made for an Org2Org OAuth connection, shaped like Okta's JWKS example: derived from the
 * app id (a fixed key per connection, no key generation in the sim). The modulus has the RSA-2048 size and top
 * bit; nothing in the project verifies signatures with it.
 */
export function connectionJwk(appId: string): Record<string, string> {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < MODULUS_BYTES; i++) blocks.push(digest(`jwks:n:${appId}:${i}`));
  const modulus = Buffer.concat(blocks).subarray(0, MODULUS_BYTES);
  modulus[0] = modulus[0]! | 0x80;
  return {
    kid: digest(`jwks:kid:${appId}`).toString('base64url'),
    kty: 'RSA',
    alg: 'RS256',
    use: 'sig',
    e: 'AQAB',
    n: modulus.toString('base64url'),
  };
}

function hasKey(app: SimApp): boolean {
  const connection = app.connection;
  return (
    simKindOf(app.name)?.signing === true &&
    connection?.authScheme === 'OAUTH2' &&
    connection.status !== 'UNKNOWN'
  );
}

/** GET /api/v1/apps/{id}/connections/default/jwks: only Org2Org OAuth connections have a key. */
export function handleGetJwks(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  if (!hasKey(app)) return notFound(`${req.path} (ProvisioningConnectionJwks)`);
  return json(200, { jwks: { keys: [connectionJwk(app.id)] } });
}
