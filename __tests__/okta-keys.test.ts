import { createPublicKey, generateKeyPairSync, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DpopKey } from '../src/okta/dpop.js';
import { OktaConfigError } from '../src/okta/errors.js';
import { sha256Base64url, signJwt } from '../src/okta/jwt.js';
import { parsePrivateKey } from '../src/okta/keys.js';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

const rsaPkcs8 = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const rsaPkcs1 = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
const ecPkcs8 = ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const ecSec1 = ec.privateKey.export({ format: 'pem', type: 'sec1' }).toString();

function decodeJwt(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(claims!, 'base64url').toString()),
  };
}

function verifies(jwt: string, publicKey: KeyObject, alg: 'RS256' | 'ES256'): boolean {
  const [header, claims, signature] = jwt.split('.');
  const data = Buffer.from(`${header}.${claims}`);
  const sig = Buffer.from(signature!, 'base64url');
  return alg === 'ES256'
    ? verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, sig)
    : verify('sha256', data, publicKey, sig);
}

describe('parsePrivateKey', () => {
  it.each([
    ['RSA PKCS#8 PEM', rsaPkcs8, 'RS256'],
    ['RSA PKCS#1 PEM', rsaPkcs1, 'RS256'],
    ['EC PKCS#8 PEM', ecPkcs8, 'ES256'],
    [
      'EC SEC1 PEM after an EC PARAMETERS block',
      `-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${ecSec1}`,
      'ES256',
    ],
    ['RSA PEM with escaped newlines', rsaPkcs8.replace(/\n/g, '\\n'), 'RS256'],
  ])('reads %s', (_what, text, alg) => {
    const parsed = parsePrivateKey(text);
    expect(parsed.alg).toBe(alg);
    expect(parsed.kid).toBeUndefined();
  });

  it('reads RSA and EC JWKs with their kid', () => {
    const rsaJwk = { ...rsa.privateKey.export({ format: 'jwk' }), kid: 'rsa-1' };
    const ecJwk = { ...ec.privateKey.export({ format: 'jwk' }), kid: 'ec-1' };
    expect(parsePrivateKey(JSON.stringify(rsaJwk))).toMatchObject({ alg: 'RS256', kid: 'rsa-1' });
    expect(parsePrivateKey(JSON.stringify(ecJwk))).toMatchObject({ alg: 'ES256', kid: 'ec-1' });
  });

  it('registers the key text, each PEM line and the JWK private members as secrets', () => {
    const added: string[] = [];
    const secrets = { add: (value: string | undefined) => void added.push(value!) };
    parsePrivateKey(rsaPkcs8, secrets);
    expect(added).toContain(rsaPkcs8);
    expect(added).toContain(rsaPkcs8.split('\n')[5]);
    expect(added).not.toContain('-----BEGIN PRIVATE KEY-----');
    added.length = 0;
    const jwk = ec.privateKey.export({ format: 'jwk' });
    parsePrivateKey(JSON.stringify(jwk), secrets);
    expect(added).toContain(jwk.d);
  });

  it('registers the secrets even when the key is refused', () => {
    const added: string[] = [];
    expect(() =>
      parsePrivateKey('{"kty":"EC","crv":"P-384","d":"c2VjcmV0LXByaXZhdGUtdmFsdWU"}', {
        add: (value) => void added.push(value!),
      }),
    ).toThrow(OktaConfigError);
    expect(added).toContain('c2VjcmV0LXByaXZhdGUtdmFsdWU');
  });

  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({
    format: 'pem',
    type: 'pkcs8',
  });
  const ed25519 = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' });
  const encrypted = rsa.privateKey
    .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pass-phrase' })
    .toString();
  const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const publicJwk = JSON.stringify(ec.publicKey.export({ format: 'jwk' }));
  const garbledPem = rsaPkcs8
    .replace(/[A-Za-z]{20}/, 'A'.repeat(20))
    .replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!!\n');

  it.each([
    ['garbage', 'not-a-key-at-all-but-long-enough', /neither PEM nor JSON/],
    ['empty', '   ', /empty/],
    ['a public key', publicPem, /public key/],
    ['a public JWK', publicJwk, /public key/],
    ['another curve', p384.toString(), /P-256/],
    ['Ed25519', ed25519.toString(), /ed25519 is not supported/],
    ['an encrypted PEM', encrypted, /encrypted/],
    ['a damaged PEM', garbledPem, /could not be decoded/],
    ['broken JSON', '{"kty": "RSA", "d": ', /does not parse/],
    ['a symmetric JWK', '{"kty":"oct","k":"c2VjcmV0LXZhbHVlLXRoYXQtaXMtbG9uZw"}', /"oct" is not supported/],
  ])('refuses %s with a clear message that does not quote the key', (_what, text, message) => {
    let error: unknown;
    try {
      parsePrivateKey(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(OktaConfigError);
    const text_ = (error as Error).message;
    expect(text_).toMatch(message);
    for (const line of text.split(/\n|\\n/)) {
      const body = line.trim();
      if (body.length >= 16 && !body.startsWith('-----')) expect(text_).not.toContain(body);
    }
  });
});

describe('JWT and DPoP', () => {
  it('signs RS256 and ES256 (JOSE r||s) JWTs that verify', () => {
    const rs = signJwt({ typ: 'JWT', kid: 'k1' }, { sub: 'x' }, rsa.privateKey, 'RS256');
    expect(decodeJwt(rs).header).toEqual({ typ: 'JWT', kid: 'k1', alg: 'RS256' });
    expect(verifies(rs, rsa.publicKey, 'RS256')).toBe(true);
    const es = signJwt({ typ: 'JWT' }, { sub: 'x' }, ec.privateKey, 'ES256');
    expect(Buffer.from(es.split('.')[2]!, 'base64url')).toHaveLength(64);
    expect(verifies(es, ec.publicKey, 'ES256')).toBe(true);
  });

  it('builds proofs with htm, htu without query, iat, fresh jti, nonce and ath, signed by the jwk in the header', () => {
    const dpop = new DpopKey(() => 1_700_000_000_500);
    const proof = dpop.proof({
      method: 'GET',
      url: 'https://org.okta.com/api/v1/apps/0oa1?limit=2#x',
      nonce: 'n-1',
      accessToken: 'token-value',
    });
    const { header, claims } = decodeJwt(proof);
    expect(header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256' } });
    expect((header.jwk as Record<string, unknown>).d).toBeUndefined();
    expect(claims).toMatchObject({
      htm: 'GET',
      htu: 'https://org.okta.com/api/v1/apps/0oa1',
      iat: 1_700_000_000,
      nonce: 'n-1',
      ath: sha256Base64url('token-value'),
    });
    const publicKey = createPublicKey({ key: header.jwk as JsonWebKey, format: 'jwk' });
    expect(verifies(proof, publicKey, 'ES256')).toBe(true);
    const again = decodeJwt(
      dpop.proof({ method: 'POST', url: 'https://org.okta.com/oauth2/v1/token' }),
    ).claims;
    expect(again.jti).not.toBe(claims.jti);
    expect(again.nonce).toBeUndefined();
    expect(again.ath).toBeUndefined();
  });
});
