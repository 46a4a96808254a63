/** Compact JWS (JWT) signing with node:crypto. */
import { createHash, sign, type KeyObject } from 'node:crypto';

export type JwsAlgorithm = 'RS256' | 'ES256';

export function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}

export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export function signJwt(
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  key: KeyObject,
  alg: JwsAlgorithm,
): string {
  const input = `${base64url(JSON.stringify({ ...header, alg }))}.${base64url(JSON.stringify(claims))}`;
  // JOSE wants ECDSA signatures as r||s, not DER.
  const signature =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key);
  return `${input}.${base64url(signature)}`;
}
