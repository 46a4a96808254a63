/** Test-side signing of private_key_jwt client assertions and DPoP proofs (RS256 / ES256, node:crypto). */
import {
  createHash,
  generateKeyPairSync,
  randomUUID,
  sign,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

export interface TestKey {
  alg: 'RS256' | 'ES256';
  privateKey: KeyObject;
  publicJwk: JsonWebKey;
}

export function generateTestKey(kind: 'RSA' | 'EC'): TestKey {
  const { privateKey, publicKey } =
    kind === 'RSA'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    alg: kind === 'RSA' ? 'RS256' : 'ES256',
    privateKey,
    publicJwk: publicKey.export({ format: 'jwk' }),
  };
}

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(
  key: TestKey,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): string {
  const input = `${encode({ alg: key.alg, ...header })}.${encode(payload)}`;
  const signer =
    key.alg === 'ES256' ? { key: key.privateKey, dsaEncoding: 'ieee-p1363' as const } : key.privateKey;
  return `${input}.${sign('sha256', Buffer.from(input), signer).toString('base64url')}`;
}

export function nowSec(): number {
  return Math.floor(Date.now() / 1000);
}

/** A fresh client assertion; `claims` override the defaults (iss = sub = clientId, aud, exp = now + 5 min, new jti). */
export function clientAssertion(
  key: TestKey,
  clientId: string,
  tokenUrl: string,
  claims: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
): string {
  const now = nowSec();
  return signJwt(
    key,
    { typ: 'JWT', ...header },
    { iss: clientId, sub: clientId, aud: tokenUrl, iat: now, exp: now + 300, jti: randomUUID(), ...claims },
  );
}

export interface ProofOptions {
  htm: string;
  htu: string;
  nonce?: string;
  accessToken?: string;
  iat?: number;
  jti?: string;
  /** The key put in the header; default the signing key's public JWK. */
  jwk?: JsonWebKey;
}

export function dpopProof(key: TestKey, options: ProofOptions): string {
  const payload: Record<string, unknown> = {
    htm: options.htm,
    htu: options.htu,
    iat: options.iat ?? nowSec(),
    jti: options.jti ?? randomUUID(),
  };
  if (options.nonce !== undefined) payload.nonce = options.nonce;
  if (options.accessToken !== undefined) {
    payload.ath = createHash('sha256').update(options.accessToken).digest('base64url');
  }
  return signJwt(key, { typ: 'dpop+jwt', jwk: options.jwk ?? key.publicJwk }, payload);
}
