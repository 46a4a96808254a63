/** DPoP (RFC 9449) proofs, signed by one ephemeral EC P-256 key per client. */
import { generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';
import { sha256Base64url, signJwt } from './jwt.js';

export interface ProofRequest {
  method: string;
  url: string;
  nonce?: string;
  /** Binds the proof to this access token (`ath`). */
  accessToken?: string;
}

export class DpopKey {
  private readonly privateKey: KeyObject;
  private readonly publicJwk: JsonWebKey;

  constructor(private readonly now: () => number = Date.now) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = privateKey;
    const { kty, crv, x, y } = publicKey.export({ format: 'jwk' });
    this.publicJwk = { kty, crv, x, y };
  }

  proof(request: ProofRequest): string {
    const url = new URL(request.url);
    const claims: Record<string, unknown> = {
      htm: request.method,
      htu: `${url.origin}${url.pathname}`,
      iat: Math.floor(this.now() / 1000),
      jti: randomUUID(),
    };
    if (request.nonce !== undefined) claims.nonce = request.nonce;
    if (request.accessToken !== undefined) claims.ath = sha256Base64url(request.accessToken);
    return signJwt({ typ: 'dpop+jwt', jwk: this.publicJwk }, claims, this.privateKey, 'ES256');
  }
}
