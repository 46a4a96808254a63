/** OAuth 2.0 service-app auth against the simulator: private_key_jwt, DPoP with nonce, token cache, scopes. */
import { generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { describe, it, type TestContext } from 'vitest';
import { startOktaSim, type OktaSim, type SimOptions, type SimServiceApp } from '../sim/server.js';
import { OktaClient, type OktaClientOptions } from '../src/okta/client.js';
import { OktaApiError, OktaConfigError } from '../src/okta/errors.js';
import { parsePrivateKey } from '../src/okta/keys.js';
import { OAuthAuth } from '../src/okta/oauth.js';
import type { OktaRequester } from '../src/okta/requester.js';
import { SecretRegistry } from '../src/secrets.js';
import { caught } from './helpers/caught.js';
import { notSetUp } from './helpers/sim-fixtures.js';

const APP = '0oazscaler00000001';
const READ_AND_MANAGE = ['okta.apps.read', 'okta.apps.manage'];

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const rsaPkcs8 = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const rsaPkcs1 = rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }).toString();
const ecJwk = JSON.stringify({ ...ec.privateKey.export({ format: 'jwk' }), kid: 'ec-key-1' });
const rsaPublic = rsa.publicKey.export({ format: 'jwk' }) as JsonWebKey;
const ecPublic = ec.publicKey.export({ format: 'jwk' }) as JsonWebKey;

const SERVICE_APPS: SimServiceApp[] = [
  {
    clientId: '0oarsadpop00000001',
    publicJwk: rsaPublic,
    kid: 'rsa-key-1',
    scopes: READ_AND_MANAGE,
    dpop: true,
  },
  { clientId: '0oaecbearer0000001', publicJwk: ecPublic, kid: 'ec-key-1', scopes: READ_AND_MANAGE },
  { clientId: '0oareadonly0000001', publicJwk: ecPublic, scopes: ['okta.apps.read'] },
];

interface Setup {
  sim: OktaSim;
  client: OktaClient;
  secrets: SecretRegistry;
}

async function setup(
  context: TestContext,
  credentials: Omit<Extract<OktaClientOptions['credentials'], { kind: 'oauth' }>, 'kind'>,
  simOptions: SimOptions = {},
): Promise<Setup> {
  const sim = await startOktaSim({
    apps: [notSetUp('zscalerbyz', APP)],
    serviceApps: SERVICE_APPS,
    ...simOptions,
  });
  const secrets = new SecretRegistry();
  const client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'oauth', ...credentials },
    secrets,
    retryBaseMs: 5,
  });
  context.onTestFinished(async () => {
    await client.close();
    await sim.close();
  });
  return { sim, client, secrets };
}

function decode(jwt: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(header!, 'base64url').toString()),
    claims: JSON.parse(Buffer.from(claims!, 'base64url').toString()),
  };
}

describe.concurrent('OAuth service app', () => {
  it.for([
    ['PKCS#8', rsaPkcs8],
    ['PKCS#1', rsaPkcs1],
  ])('RSA %s PEM with DPoP and the nonce dance', async ([, privateKey], context) => {
    const { expect } = context;
    const { sim, client, secrets } = await setup(context, {
      clientId: '0oarsadpop00000001',
      privateKey: privateKey!,
      keyId: 'rsa-key-1',
      scopes: READ_AND_MANAGE,
    });
    for (let i = 0; i < 10; i += 1) await client.getConnection(APP);
    await client.updateConnection(APP, { profile: { authScheme: 'TOKEN', token: 'zscaler-token-value' } });

    const tokenRequests = sim.requests.filter((r) => r.bucket === 'token');
    // One token for the whole run: the first try only fetches the DPoP nonce.
    expect(tokenRequests.map((r) => r.status)).toEqual([400, 200]);
    const [first, second] = tokenRequests.map((r) => r.body as Record<string, string>);
    expect(second).toMatchObject({
      grant_type: 'client_credentials',
      scope: 'okta.apps.read okta.apps.manage',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    });
    const assertion = decode(second!.client_assertion!);
    expect(assertion.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'rsa-key-1' });
    expect(assertion.claims).toMatchObject({
      iss: '0oarsadpop00000001',
      sub: '0oarsadpop00000001',
      aud: `${sim.url}/oauth2/v1/token`,
    });
    const { iat, exp, jti } = assertion.claims as { iat: number; exp: number; jti: string };
    expect(exp - iat).toBe(300);
    expect(decode(first!.client_assertion!).claims.jti).not.toBe(jti);
    const proofs = tokenRequests.map((r) => decode(r.headers.dpop!));
    expect(proofs[0]!.claims.nonce).toBeUndefined();
    expect(proofs[1]!.claims).toMatchObject({
      htm: 'POST',
      htu: `${sim.url}/oauth2/v1/token`,
      nonce: expect.any(String),
    });

    const apiCalls = sim.requests.filter((r) => r.bucket !== 'token');
    expect(apiCalls.map((r) => r.status)).toEqual([...Array(10).fill(200), 200]);
    for (const call of apiCalls) {
      expect(call.headers.authorization).toMatch(/^DPoP /);
      expect(secrets.has(call.headers.authorization!.slice(5))).toBe(true);
      expect(decode(call.headers.dpop!).header).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256' });
    }
    expect(new Set(apiCalls.map((r) => decode(r.headers.dpop!).claims.jti)).size).toBe(apiCalls.length);
    expect(client.stats().token).toEqual({ requests: 2, rateLimited: 0, retries: 0 });
  });

  it('EC JWK with Bearer tokens; the kid comes from the JWK', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, {
      clientId: '0oaecbearer0000001',
      privateKey: ecJwk,
      scopes: READ_AND_MANAGE,
    });
    await Promise.all(Array.from({ length: 12 }, () => client.getConnection(APP)));
    const tokenRequests = sim.requests.filter((r) => r.bucket === 'token');
    expect(tokenRequests.map((r) => r.status)).toEqual([200]);
    const assertion = decode((tokenRequests[0]!.body as Record<string, string>).client_assertion!);
    expect(assertion.header).toEqual({ alg: 'ES256', typ: 'JWT', kid: 'ec-key-1' });
    const apiCalls = sim.requests.filter((r) => r.bucket !== 'token');
    expect(apiCalls).toHaveLength(12);
    for (const call of apiCalls) {
      expect(call.status).toBe(200);
      expect(call.headers.authorization).toMatch(/^Bearer /);
      expect(call.headers.dpop).toBeUndefined();
    }
  });

  it('renews the token once after a 401 (token unknown to a restarted org)', async (context) => {
    const { expect } = context;
    const first = await startOktaSim({
      apps: [notSetUp('zscalerbyz', APP, { label: 'Z' })],
      serviceApps: SERVICE_APPS,
    });
    const port = Number(new URL(first.url).port);
    const client = new OktaClient({
      orgUrl: first.url,
      credentials: {
        kind: 'oauth',
        clientId: '0oarsadpop00000001',
        privateKey: rsaPkcs8,
        scopes: READ_AND_MANAGE,
      },
      secrets: new SecretRegistry(),
      retryBaseMs: 5,
    });
    await client.getApp(APP);
    await first.close();
    const second = await startOktaSim({
      apps: [notSetUp('zscalerbyz', APP, { label: 'Z' })],
      serviceApps: SERVICE_APPS,
      port,
    });
    context.onTestFinished(async () => {
      await client.close();
      await second.close();
    });
    expect(await client.getApp(APP)).toMatchObject({ id: APP });
    expect(second.requests.map((r) => `${r.bucket} ${r.status}`)).toEqual([
      'apps-id 401',
      'token 400',
      'token 200',
      'apps-id 200',
    ]);
  });

  it('read-only scopes: GET works, POST fails naming okta.apps.manage', async (context) => {
    const { expect } = context;
    const { client } = await setup(context, {
      clientId: '0oareadonly0000001',
      privateKey: ec.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
      scopes: ['okta.apps.read'],
    });
    expect((await client.getConnection(APP)).status).toBe('UNKNOWN');
    const error = await caught(client.activateConnection(APP));
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({ status: 403, errorCode: 'E0000006' });
    expect(error.message).toMatch(
      /lacks the scope okta\.apps\.manage: grant okta\.apps\.manage to the service app/,
    );
  });

  it('explains token endpoint refusals: unknown client, scope not granted', async (context) => {
    const { expect } = context;
    const { client } = await setup(context, {
      clientId: '0oaunknown00000001',
      privateKey: rsaPkcs8,
      scopes: READ_AND_MANAGE,
    });
    const unknown = await caught(client.getApp(APP));
    expect(unknown).toMatchObject({ status: 401, errorCode: 'invalid_client' });
    expect(unknown.message).toMatch(/check the client id 0oaunknown00000001/);

    const { sim, client: readOnly } = await setup(context, {
      clientId: '0oareadonly0000001',
      privateKey: ecJwk,
      scopes: READ_AND_MANAGE,
    });
    const scope = await caught(readOnly.getApp(APP));
    expect(scope).toMatchObject({ status: 400, errorCode: 'invalid_scope' });
    expect(scope.message).toMatch(/grant the scopes okta\.apps\.read, okta\.apps\.manage to the service app/);
    // A refused token request is not retried.
    expect(sim.requests.filter((r) => r.bucket === 'token')).toHaveLength(1);
  });

  const garbled = rsaPkcs8.replace(/\n([A-Za-z0-9+/]{64})\n/, '\n$1$1\n');
  const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  it.for([
    ['a damaged PEM', garbled, /could not be decoded/],
    ['a public key', publicPem, /public key/],
    [
      'an encrypted key',
      rsa.privateKey
        .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-128-cbc', passphrase: 'p4ss' })
        .toString(),
      /encrypted/,
    ],
  ] as const)('refuses %s without quoting it', ([, privateKey, message], { expect }) => {
    let error: unknown;
    const secrets = new SecretRegistry();
    try {
      new OktaClient({
        orgUrl: 'https://example.okta.com',
        credentials: { kind: 'oauth', clientId: '0oa1', privateKey, scopes: READ_AND_MANAGE },
        secrets,
      });
    } catch (caughtError) {
      error = caughtError;
    }
    expect(error).toBeInstanceOf(OktaConfigError);
    expect((error as Error).message).toMatch(message);
    for (const line of privateKey.split('\n').filter((l) => l.length > 20 && !l.startsWith('-----'))) {
      expect((error as Error).message).not.toContain(line);
      // Registered even though refused: a later log line quoting it is redacted.
      expect(secrets.redact(`key: ${line}`)).toBe('key: ***');
    }
  });
});

describe('OAuthAuth without a server', () => {
  function auth(answers: Array<{ status: number; body: unknown; headers?: Record<string, string> }>) {
    const sent: unknown[] = [];
    const requester = {
      send: async (request: unknown) => {
        sent.push(request);
        const answer = answers.shift()!;
        return {
          status: answer.status,
          headers: answer.headers ?? {},
          text: JSON.stringify(answer.body),
          receivedAt: 0,
        };
      },
    } as unknown as OktaRequester;
    const oauth = new OAuthAuth({
      clientId: '0oa1',
      signingKey: parsePrivateKey(ecJwk),
      scopes: READ_AND_MANAGE,
      origin: 'https://example.okta.com',
      secrets: new SecretRegistry(),
      requester,
    });
    return { oauth, sent };
  }
  const dpopToken = (value: string) => ({
    status: 200,
    body: { token_type: 'DPoP', access_token: value, expires_in: 3600 },
  });
  const request = { method: 'GET', url: 'https://example.okta.com/api/v1/apps/0oa1?x=1' };

  it('caches the token and renews only the one a 401 rejected', async ({ expect }) => {
    const { oauth, sent } = auth([dpopToken('token-one'), dpopToken('token-two')]);
    const first = await oauth.headers(request);
    await oauth.headers(request);
    expect(sent).toHaveLength(1);
    expect(first.Authorization).toBe('DPoP token-one');
    expect(oauth.invalidate({ Authorization: 'DPoP stale-token' })).toBe(true);
    expect((await oauth.headers(request)).Authorization).toBe('DPoP token-one');
    expect(oauth.invalidate(first)).toBe(true);
    expect((await oauth.headers(request)).Authorization).toBe('DPoP token-two');
    expect(sent).toHaveLength(2);
  });

  it('answers a resource server use_dpop_nonce challenge with the nonce in the next proofs', async ({
    expect,
  }) => {
    const { oauth } = auth([dpopToken('token-one')]);
    const before = decode((await oauth.headers(request)).DPoP!).claims;
    expect(before.nonce).toBeUndefined();
    expect(before.htu).toBe('https://example.okta.com/api/v1/apps/0oa1');
    expect(oauth.challenged({ status: 200, headers: {} })).toBe(false);
    const challenge = {
      status: 401,
      headers: { 'dpop-nonce': 'resource-nonce-1', 'www-authenticate': 'DPoP error="use_dpop_nonce"' },
    };
    expect(oauth.challenged(challenge)).toBe(true);
    expect(decode((await oauth.headers(request)).DPoP!).claims.nonce).toBe('resource-nonce-1');
  });

  it('refuses a token answer without an access token', async ({ expect }) => {
    const { oauth } = auth([{ status: 200, body: { token_type: 'Bearer' } }]);
    const error = await caught(oauth.headers(request));
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error.message).toMatch(/no access_token/);
  });
});
