import { randomBytes } from 'node:crypto';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Deterministic PRNG (mulberry32) so faults and generated orgs repeat with the same seed. */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function alphanumeric(length: number, rng: () => number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHANUMERIC[Math.floor(rng() * ALPHANUMERIC.length)];
  return out;
}

/** Unpredictable values (tokens, request ids, nonces) come from the crypto RNG, never the seeded one. */
export function randomString(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

export function requestId(): string {
  return randomString(20).slice(0, 27);
}

export function errorId(): string {
  return `oae${randomString(18).slice(0, 22)}`;
}
