import type { JsonWebKey } from 'node:crypto';
import { decodeJwt, jwkThumbprint, nowSeconds, sha256Base64url, verifyJwtSignature } from './jwt.js';
import { randomString } from './random.js';

/** Proofs older (or further in the future) than this are refused. */
const PROOF_MAX_AGE_SEC = 300;
const NONCE_LIFETIME_MS = 5 * 60_000;

export interface ProofExpectation {
  htm: string;
  /** The request URL without query. */
  htu: string;
  now: number;
  /** For resource requests: the access token the proof must hash into `ath`. */
  accessToken?: string;
  /** For DPoP-bound tokens: the thumbprint the proof key must have. */
  jkt?: string;
  /** When set, the proof must carry a nonce this store issued. */
  nonces?: NonceStore;
}

export type ProofOutcome =
  { kind: 'ok'; jkt: string } | { kind: 'invalid'; reason: string } | { kind: 'use_nonce'; reason: string };

function stripQuery(url: string): string {
  return url.split(/[?#]/, 1)[0] ?? url;
}

/** Nonces the server handed out in `DPoP-Nonce`; each is good for a few minutes. */
export class NonceStore {
  private readonly issued = new Map<string, number>();

  issue(now: number): string {
    for (const [nonce, expiresAt] of this.issued) if (expiresAt <= now) this.issued.delete(nonce);
    const nonce = randomString(24);
    this.issued.set(nonce, now + NONCE_LIFETIME_MS);
    return nonce;
  }

  isValid(nonce: unknown, now: number): boolean {
    if (typeof nonce !== 'string') return false;
    const expiresAt = this.issued.get(nonce);
    return expiresAt !== undefined && expiresAt > now;
  }
}

/** Checks DPoP proofs (RFC 9449) and remembers their `jti`s so none is accepted twice. */
export class DpopVerifier {
  private readonly seenJti = new Set<string>();

  verify(proof: string, expect: ProofExpectation): ProofOutcome {
    const jwt = decodeJwt(proof);
    if (!jwt) return { kind: 'invalid', reason: 'The DPoP proof is not a well-formed JWT.' };
    const { header, payload } = jwt;
    if (header.typ !== 'dpop+jwt')
      return { kind: 'invalid', reason: "The DPoP proof 'typ' must be 'dpop+jwt'." };
    const jwk = header.jwk;
    if (!jwk || typeof jwk !== 'object')
      return { kind: 'invalid', reason: "The DPoP proof has no 'jwk' header." };
    if (!verifyJwtSignature(jwt, jwk as JsonWebKey)) {
      return {
        kind: 'invalid',
        reason: 'The DPoP proof signature is invalid or its algorithm is not supported.',
      };
    }
    if (payload.htm !== expect.htm)
      return { kind: 'invalid', reason: "The DPoP proof 'htm' does not match." };
    if (typeof payload.htu !== 'string' || stripQuery(payload.htu) !== expect.htu) {
      return { kind: 'invalid', reason: "The DPoP proof 'htu' does not match." };
    }
    const iat = payload.iat;
    if (typeof iat !== 'number' || Math.abs(nowSeconds(expect.now) - iat) > PROOF_MAX_AGE_SEC) {
      return { kind: 'invalid', reason: "The DPoP proof 'iat' is missing or outside the allowed time." };
    }
    const jti = payload.jti;
    if (typeof jti !== 'string' || jti === '')
      return { kind: 'invalid', reason: "The DPoP proof has no 'jti'." };
    if (this.seenJti.has(jti)) return { kind: 'invalid', reason: "The DPoP proof 'jti' was already used." };
    if (expect.accessToken !== undefined && payload.ath !== sha256Base64url(expect.accessToken)) {
      return { kind: 'invalid', reason: "The DPoP proof 'ath' does not match the access token." };
    }
    const jkt = jwkThumbprint(jwk as JsonWebKey);
    if (expect.jkt !== undefined && jkt !== expect.jkt) {
      return {
        kind: 'invalid',
        reason: 'The DPoP proof key does not match the key the access token is bound to.',
      };
    }
    if (expect.nonces && !expect.nonces.isValid(payload.nonce, expect.now)) {
      return { kind: 'use_nonce', reason: 'Authorization server requires nonce in DPoP proof.' };
    }
    this.seenJti.add(jti);
    return { kind: 'ok', jkt };
  }
}
