import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimServiceApp } from '../sim/server.js';
import { zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath, postToken } from './helpers/sim-http.js';
import { clientAssertion, dpopProof, generateTestKey, nowSec, type TestKey } from './helpers/sim-jwt.js';

const APP = '0oaZscaler0000000001';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const BOTH = 'okta.apps.read okta.apps.manage';

const rsa = generateTestKey('RSA');
const ec = generateTestKey('EC');
const dpopKey = generateTestKey('EC');
const otherKey = generateTestKey('EC');

const serviceApps: SimServiceApp[] = [
  {
    clientId: '0oaRsaClient',
    publicJwk: rsa.publicJwk,
    kid: 'rsa-1',
    scopes: ['okta.apps.read', 'okta.apps.manage'],
  },
  { clientId: '0oaEcClient', publicJwk: ec.publicJwk, scopes: ['okta.apps.read', 'okta.apps.manage'] },
  {
    clientId: '0oaDpopClient',
    publicJwk: ec.publicJwk,
    scopes: ['okta.apps.read', 'okta.apps.manage'],
    dpop: true,
  },
];

describe('auth', () => {
  let sim: OktaSim;
  let tokenUrl: string;
  const form = (key: TestKey, clientId: string, scope = BOTH, claims: Record<string, unknown> = {}) => ({
    grant_type: 'client_credentials',
    scope,
    client_assertion_type: JWT_BEARER,
    client_assertion: clientAssertion(key, clientId, tokenUrl, claims),
  });
  const accessToken = async (key: TestKey, clientId: string, scope = BOTH) => {
    const answer = await postToken(sim, form(key, clientId, scope));
    expect(answer.status, answer.text).toBe(200);
    return (answer.body as { access_token: string }).access_token;
  };

  beforeAll(async () => {
    sim = await startOktaSim({
      apps: [zscalerToken(APP)],
      serviceApps,
    });
    tokenUrl = `${sim.url}/oauth2/v1/token`;
  });
  afterAll(() => sim.close());

  describe('API token (SSWS)', () => {
    it('accepts the org token with all rights', async () => {
      expect((await call(sim, 'GET', connectionPath(APP))).status).toBe(200);
      const write = await call(sim, 'POST', connectionPath(APP, '/lifecycle/activate'));
      expect(write.status).toBe(204);
    });

    it.each([['SSWS not-the-token'], ['SSWS'], [null], ['Basic abc'], ['Bearer made-up']])(
      'refuses %s with 401 E0000011 and WWW-Authenticate',
      async (authorization) => {
        const answer = await call(sim, 'GET', connectionPath(APP), { authorization });
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided' });
        expect(answer.headers.get('www-authenticate')).toMatch(/error="invalid_token"/);
      },
    );
  });

  describe('OAuth 2.0 token endpoint (private_key_jwt)', () => {
    it.each([
      ['RS256 (RSA)', rsa, '0oaRsaClient'],
      ['ES256 (EC P-256)', ec, '0oaEcClient'],
    ] as const)('issues a Bearer token for an assertion signed with %s', async (_name, key, clientId) => {
      const answer = await postToken(sim, form(key, clientId));
      expect(answer.status, answer.text).toBe(200);
      expect(answer.headers.get('cache-control')).toBe('no-store');
      const body = answer.body as Record<string, unknown>;
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: BOTH });
      expect(typeof body.access_token).toBe('string');
      const bearer = `Bearer ${String(body.access_token)}`;
      expect((await call(sim, 'GET', connectionPath(APP), { authorization: bearer })).status).toBe(200);
      const write = await call(sim, 'POST', connectionPath(APP, '/lifecycle/activate'), {
        authorization: bearer,
      });
      expect(write.status).toBe(204);
    });

    it('accepts a kid header that matches the registered key', async () => {
      const assertion = clientAssertion(rsa, '0oaRsaClient', tokenUrl, {}, { kid: 'rsa-1' });
      const answer = await postToken(sim, { ...form(rsa, '0oaRsaClient'), client_assertion: assertion });
      expect(answer.status).toBe(200);
    });

    it.each([
      ['signed by another key', () => form(otherKey, '0oaEcClient')],
      ['for an unknown client', () => form(ec, '0oaNobody')],
      [
        'with another audience',
        () => form(ec, '0oaEcClient', BOTH, { aud: 'https://elsewhere.okta.com/oauth2/v1/token' }),
      ],
      ['expired', () => form(ec, '0oaEcClient', BOTH, { exp: nowSec() - 5 })],
      ['expiring more than 1 h ahead', () => form(ec, '0oaEcClient', BOTH, { exp: nowSec() + 3700 })],
      ['with sub other than iss', () => form(ec, '0oaEcClient', BOTH, { sub: 'someone' })],
      [
        'with another kid',
        () => ({
          ...form(rsa, '0oaRsaClient'),
          client_assertion: clientAssertion(rsa, '0oaRsaClient', tokenUrl, {}, { kid: 'rsa-2' }),
        }),
      ],
      ['without an assertion', () => ({ grant_type: 'client_credentials', scope: BOTH })],
    ])('refuses an assertion %s: 401 invalid_client', async (_name, fields) => {
      const answer = await postToken(sim, fields());
      expect(answer.status).toBe(401);
      expect(answer.body).toMatchObject({ error: 'invalid_client', error_description: expect.any(String) });
    });

    it('refuses a replayed assertion (same jti)', async () => {
      const fields = form(ec, '0oaEcClient');
      expect((await postToken(sim, fields)).status).toBe(200);
      expect((await postToken(sim, fields)).body).toMatchObject({ error: 'invalid_client' });
    });

    it('refuses scopes that are not granted, and other grant types', async () => {
      const answer = await postToken(sim, form(ec, '0oaEcClient', 'okta.apps.read okta.users.manage'));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ error: 'invalid_scope' });
      expect(answer.text).toContain('okta.users.manage');
      const noScope = await postToken(sim, form(ec, '0oaEcClient', ''));
      expect(noScope.body).toMatchObject({ error: 'invalid_scope' });
      const grant = await postToken(sim, { ...form(ec, '0oaEcClient'), grant_type: 'password' });
      expect(grant.body).toMatchObject({ error: 'unsupported_grant_type' });
    });

    it('counts token calls in the token bucket, not in writes()', async () => {
      const before = sim.writes().length;
      await postToken(sim, form(ec, '0oaEcClient'));
      expect(sim.writes().length).toBe(before);
      const last = sim.requests.at(-1);
      expect(last).toMatchObject({ bucket: 'token', path: '/oauth2/v1/token', status: 200 });
      expect(last?.body).toMatchObject({ grant_type: 'client_credentials', scope: BOTH });
    });
  });

  describe('scopes', () => {
    it('read-only token: GET yes, POST 403 E0000006 with insufficient_scope', async () => {
      const bearer = `Bearer ${await accessToken(ec, '0oaEcClient', 'okta.apps.read')}`;
      expect((await call(sim, 'GET', connectionPath(APP), { authorization: bearer })).status).toBe(200);
      for (const path of [connectionPath(APP), connectionPath(APP, '/lifecycle/deactivate')]) {
        const answer = await call(sim, 'POST', path, { authorization: bearer, body: {} });
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ errorCode: 'E0000006' });
        expect(answer.headers.get('www-authenticate')).toBe(
          `Bearer error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="${path}"`,
        );
      }
      expect(sim.apps.get(APP)?.connection?.status).toBe('ENABLED');
    });

    it('manage-only token cannot read', async () => {
      const bearer = `Bearer ${await accessToken(ec, '0oaEcClient', 'okta.apps.manage')}`;
      expect((await call(sim, 'GET', '/api/v1/apps', { authorization: bearer })).status).toBe(403);
      expect((await call(sim, 'GET', connectionPath(APP), { authorization: bearer })).status).toBe(403);
    });
  });

  it('expired access tokens get 401', async () => {
    const short = await startOktaSim({ apps: [], serviceApps, tokenLifetimeSec: 1 });
    try {
      const answer = await postToken(short, {
        ...form(ec, '0oaEcClient'),
        client_assertion: clientAssertion(ec, '0oaEcClient', `${short.url}/oauth2/v1/token`),
      });
      const body = answer.body as { access_token: string; expires_in: number };
      expect(body.expires_in).toBe(1);
      const bearer = `Bearer ${body.access_token}`;
      expect((await call(short, 'GET', '/api/v1/apps', { authorization: bearer })).status).toBe(200);
      await sleep(1100);
      expect((await call(short, 'GET', '/api/v1/apps', { authorization: bearer })).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  describe('DPoP', () => {
    const tokenProof = (nonce?: string) => dpopProof(dpopKey, { htm: 'POST', htu: tokenUrl, nonce });

    it('ignores a proof for apps that do not demand DPoP (Bearer token)', async () => {
      const answer = await postToken(sim, form(ec, '0oaEcClient'), { DPoP: tokenProof() });
      expect(answer.body).toMatchObject({ token_type: 'Bearer' });
    });

    it('the nonce dance: no proof → invalid_dpop_proof, no nonce → use_dpop_nonce, with nonce → DPoP token', async () => {
      const missing = await postToken(sim, form(ec, '0oaDpopClient'));
      expect(missing.status).toBe(400);
      expect(missing.body).toMatchObject({ error: 'invalid_dpop_proof' });

      const first = form(ec, '0oaDpopClient');
      const noNonce = await postToken(sim, first, { DPoP: tokenProof() });
      expect(noNonce.status).toBe(400);
      expect(noNonce.body).toMatchObject({ error: 'use_dpop_nonce' });
      const nonce = noNonce.headers.get('dpop-nonce');
      expect(nonce).toBeTruthy();

      const staleNonce = await postToken(sim, form(ec, '0oaDpopClient'), {
        DPoP: tokenProof('made-up-nonce'),
      });
      expect(staleNonce.body).toMatchObject({ error: 'use_dpop_nonce' });

      const wrongHtu = dpopProof(dpopKey, { htm: 'POST', htu: `${sim.url}/oauth2/v1/other`, nonce: nonce! });
      expect((await postToken(sim, form(ec, '0oaDpopClient'), { DPoP: wrongHtu })).body).toMatchObject({
        error: 'invalid_dpop_proof',
      });

      // The same assertion may be resent after use_dpop_nonce.
      const granted = await postToken(sim, first, { DPoP: tokenProof(nonce!) });
      expect(granted.status, granted.text).toBe(200);
      expect(granted.body).toMatchObject({ token_type: 'DPoP', scope: BOTH });
    });

    it('a DPoP-bound token needs the DPoP scheme and a fresh proof of the same key with ath', async () => {
      const nonce = (await postToken(sim, form(ec, '0oaDpopClient'), { DPoP: tokenProof() })).headers.get(
        'dpop-nonce',
      )!;
      const granted = await postToken(sim, form(ec, '0oaDpopClient'), { DPoP: tokenProof(nonce) });
      const token = (granted.body as { access_token: string }).access_token;
      const path = connectionPath(APP);
      const htu = `${sim.url}${path}`;
      const proof = (key: TestKey, extra: Partial<Parameters<typeof dpopProof>[1]> = {}) =>
        dpopProof(key, { htm: 'GET', htu, accessToken: token, ...extra });
      const get = (authorization: string, dpop?: string) =>
        call(sim, 'GET', path, { authorization, headers: dpop ? { DPoP: dpop } : {} });

      const ok = await get(`DPoP ${token}`, proof(dpopKey));
      expect(ok.status, ok.text).toBe(200);
      const reused = proof(dpopKey, { jti: 'fixed-jti-1' });
      expect((await get(`DPoP ${token}`, reused)).status).toBe(200);

      const refusals: Array<[string, string, string | undefined]> = [
        ['Bearer scheme', `Bearer ${token}`, proof(dpopKey)],
        ['no proof', `DPoP ${token}`, undefined],
        ['replayed proof', `DPoP ${token}`, reused],
        ['other key', `DPoP ${token}`, proof(otherKey)],
        ['header jwk not the signer', `DPoP ${token}`, proof(otherKey, { jwk: dpopKey.publicJwk })],
        ['no ath', `DPoP ${token}`, dpopProof(dpopKey, { htm: 'GET', htu })],
        ['wrong htm', `DPoP ${token}`, proof(dpopKey, { htm: 'POST' })],
        ['wrong htu', `DPoP ${token}`, proof(dpopKey, { htu: `${sim.url}/api/v1/apps` })],
        ['old iat', `DPoP ${token}`, proof(dpopKey, { iat: nowSec() - 600 })],
      ];
      for (const [name, authorization, dpop] of refusals) {
        const answer = await get(authorization, dpop);
        expect(answer.status, name).toBe(401);
        expect(answer.body, name).toMatchObject({ errorCode: 'E0000011' });
        expect(answer.headers.get('www-authenticate'), name).toMatch(/^(DPoP|Bearer) /);
      }
      // A query string is not part of htu.
      const listProof = dpopProof(dpopKey, { htm: 'GET', htu: `${sim.url}/api/v1/apps`, accessToken: token });
      const list = await call(sim, 'GET', '/api/v1/apps?limit=5', {
        authorization: `DPoP ${token}`,
        headers: { DPoP: listProof },
      });
      expect(list.status).toBe(200);
    });
  });
});
