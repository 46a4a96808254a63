import { createHash, createPublicKey, verify, type JsonWebKey } from 'node:crypto';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

function parseJsonSegment(segment: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseJsonSegment(headerPart);
  const payload = parseJsonSegment(payloadPart);
  if (!header || !payload) return null;
  return {
    header,
    payload,
    signingInput: `${headerPart}.${payloadPart}`,
    signature: Buffer.from(signaturePart, 'base64url'),
  };
}

/** RS256 with an RSA key, ES256 with an EC P-256 key; anything else (incl. `none`) fails. */
export function verifyJwtSignature(jwt: DecodedJwt, jwk: JsonWebKey): boolean {
  const alg = jwt.header.alg;
  const fitsKey =
    (alg === 'RS256' && jwk.kty === 'RSA') || (alg === 'ES256' && jwk.kty === 'EC' && jwk.crv === 'P-256');
  if (!fitsKey || jwk.d !== undefined) return false;
  try {
    const key = createPublicKey({ key: jwk, format: 'jwk' });
    const data = Buffer.from(jwt.signingInput);
    if (alg === 'ES256') return verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature);
    return verify('sha256', data, key, jwt.signature);
  } catch {
    return false;
  }
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url) of an RSA or EC public key. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'EC'
      ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
      : { e: jwk.e, kty: jwk.kty, n: jwk.n };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}

export function sha256Base64url(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

export function nowSeconds(now: number): number {
  return Math.floor(now / 1000);
}
