import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { CONNECTIONS_OPENAPI_FILE } from './helpers/okta-reference.js';
import { validateRequestBody, validateResponseBody } from './helpers/openapi.js';
import { notSetUp, org2orgOAuthHub, slack, zoom, zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath, postToken } from './helpers/sim-http.js';
import { clientAssertion, generateTestKey } from './helpers/sim-jwt.js';

const TEMPLATE = '/api/v1/apps/{appId}/connections/default';

const apps: SimApp[] = [
  notSetUp('bookmark', '0oaBookmark000000001'),
  notSetUp('okta_org2org', '0oaOrg2orgNew0000001', { label: 'Org2Org new' }),
  zscalerToken('0oaZscaler0000000001', { connection: { baseUrl: 'https://scim.example.com/v1' } }),
  notSetUp('zscalerbyz', '0oaZscalerNew0000001', { label: 'Zscaler new' }),
  org2orgOAuthHub('0oaOrg2orgOauth00001', { label: 'Org2Org OAuth', connection: { clientId: '0oahub1' } }),
  notSetUp('office365', '0oaOffice3650000001'),
  notSetUp('google', '0oaGoogle00000000001'),
  slack('0oaSlack000000000001'),
  zoom('0oaZoom0000000000001', { connection: { status: 'DISABLED' } }),
];

describe('the OpenAPI helper', () => {
  const spec = parse(readFileSync(CONNECTIONS_OPENAPI_FILE, 'utf8')) as {
    components: { examples: Record<string, { value: unknown }> };
  };
  const example = (name: string) => spec.components.examples[name]?.value;

  it("accepts Okta's own request examples for TOKEN and OAuth 2.0 (oneOf)", () => {
    for (const name of [
      'ProvisioningConnectionTokenRequestEx',
      'ProvisioningConnectionTokenOrg2OrgRequestEx',
      'ProvisioningConnectionOauthO365RequestEx',
    ]) {
      expect(example(name), name).toBeDefined();
      expect(validateRequestBody(TEMPLATE, 'POST', example(name)), name).toEqual([]);
    }
    const concrete = '/api/v1/apps/0oa123/connections/default?activate=true';
    expect(
      validateRequestBody(concrete, 'post', { profile: { authScheme: 'OAUTH2', clientId: 'x' } }),
    ).toEqual([]);
  });

  it('reports request bodies that match neither schema', () => {
    // Okta's Org2Org OAuth example says `OAUTH`, which the enum does not allow.
    expect(
      validateRequestBody(
        TEMPLATE,
        'POST',
        example('ProvisioningConnectionOAuthOrg2OrgWithRotationRequestEx'),
      ),
    ).not.toEqual([]);
    expect(validateRequestBody(TEMPLATE, 'POST', { baseUrl: 'https://x' })).not.toEqual([]);
    expect(
      validateRequestBody(TEMPLATE, 'POST', { profile: { authScheme: 'OAUTH2', signing: {} } }),
    ).not.toEqual([]);
    expect(validateRequestBody(TEMPLATE, 'POST', undefined)).toEqual([
      `POST ${TEMPLATE} requires a request body`,
    ]);
    expect(validateRequestBody('/api/v1/users', 'POST', {})[0]).toMatch(/no operation/);
  });

  it('reports response bodies that break the schema and undocumented statuses', () => {
    const linkless = { status: 'ENABLED', profile: { authScheme: 'TOKEN' } };
    expect(validateResponseBody(TEMPLATE, 'GET', 200, linkless)).toEqual([]);
    expect(validateResponseBody(TEMPLATE, 'GET', 200, { ...linkless, authScheme: 'OAUTH2' })).not.toEqual([]);
    expect(validateResponseBody(TEMPLATE, 'GET', 200, { profile: { authScheme: 'TOKEN' } })).not.toEqual([]);
    expect(validateResponseBody(TEMPLATE, 'GET', 200, { ...linkless, status: 'ON' })).not.toEqual([]);
    expect(validateResponseBody(`${TEMPLATE}/lifecycle/activate`, 'POST', 204, { x: 1 })).not.toEqual([]);
    expect(validateResponseBody(`${TEMPLATE}/lifecycle/activate`, 'POST', 204, undefined)).toEqual([]);
    expect(validateResponseBody(TEMPLATE, 'GET', 418, {})).toEqual([
      `status 418 is not documented for GET ${TEMPLATE}`,
    ]);
  });
});

describe('sim answers on the connection endpoints conform to the OpenAPI schemas', () => {
  let sim: OktaSim;
  const key = generateTestKey('EC');

  beforeAll(async () => {
    sim = await startOktaSim({
      apps,
      serviceApps: [{ clientId: '0oaReader', publicJwk: key.publicJwk, scopes: ['okta.apps.read'] }],
    });
  });
  afterAll(() => sim.close());

  async function expectConforms(method: string, path: string, expectedStatus: number, body?: unknown) {
    if (method === 'POST' && body !== undefined && typeof body !== 'string') {
      expect(validateRequestBody(path, method, body), `request ${method} ${path}`).toEqual([]);
    }
    const answer = await call(sim, method, path, { body });
    expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(expectedStatus);
    expect(
      validateResponseBody(path, method, answer.status, answer.body),
      `${method} ${path}: ${answer.text}`,
    ).toEqual([]);
    return answer;
  }

  const expectedGet = (app: SimApp) => (app.name === 'bookmark' ? 404 : 200);

  it('GET: not set up, no provisioning, TOKEN, Org2Org OAuth, consent apps', async () => {
    for (const app of apps) await expectConforms('GET', connectionPath(app.id), expectedGet(app));
  });

  it('GET jwks: an Org2Org OAuth connection, and 404 for the others', async () => {
    await expectConforms('GET', connectionPath('0oaOrg2orgOauth00001', '/jwks'), 200);
    await expectConforms('GET', connectionPath('0oaZscaler0000000001', '/jwks'), 404);
  });

  it('POST: TOKEN and OAuth 2.0 for each kind of app, with and without activate', async () => {
    await expectConforms('POST', connectionPath('0oaZscalerNew0000001'), 200, {
      baseUrl: 'https://scim.example.com/v2',
      profile: { authScheme: 'TOKEN', token: 'zscaler-token-1' },
    });
    await expectConforms('POST', connectionPath('0oaOrg2orgNew0000001', '?activate=true'), 200, {
      profile: { authScheme: 'OAUTH2', clientId: '0oahub2', signing: { rotationMode: 'AUTO' } },
    });
    await expectConforms('POST', connectionPath('0oaOffice3650000001'), 200, {
      profile: {
        authScheme: 'OAUTH2',
        settings: { adminUsername: 'admin@example.com', adminPassword: 'pw-1' },
      },
    });
    const google = await expectConforms(
      'POST',
      connectionPath('0oaGoogle00000000001', '?activate=true'),
      200,
      {
        profile: { authScheme: 'OAUTH2' },
      },
    );
    expect(google.body).toMatchObject({ _links: { authorize: { href: expect.any(String) } } });
    for (const app of apps) await expectConforms('GET', connectionPath(app.id), expectedGet(app));
  });

  it('errors: 400 (validation, bad JSON, no provisioning), 404, 403, 429', async () => {
    await expectConforms('POST', connectionPath('0oaZscalerNew0000001'), 400, '{"profile":');
    await expectConforms('POST', connectionPath('0oaZscalerNew0000001'), 400, {
      profile: { authScheme: 'OAUTH2' },
    });
    await expectConforms('POST', connectionPath('0oaBookmark000000001'), 400, {
      profile: { authScheme: 'TOKEN', token: 't' },
    });
    await expectConforms('GET', connectionPath('0oaMissing0000000001'), 404);
    await expectConforms('POST', connectionPath('0oaMissing0000000001', '/lifecycle/activate'), 404);

    const token = await postToken(sim, {
      grant_type: 'client_credentials',
      scope: 'okta.apps.read',
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: clientAssertion(key, '0oaReader', `${sim.url}/oauth2/v1/token`),
    });
    const accessToken = (token.body as { access_token: string }).access_token;
    for (const [method, path] of [
      ['POST', connectionPath('0oaZscaler0000000001')],
      ['POST', connectionPath('0oaZscaler0000000001', '/lifecycle/deactivate')],
    ] as const) {
      const denied = await call(sim, method, path, { authorization: `Bearer ${accessToken}`, body: {} });
      expect(denied.status).toBe(403);
      expect(validateResponseBody(path, method, 403, denied.body)).toEqual([]);
    }

    sim.setRateLimit('apps-star', { limit: 1, windowMs: 60_000 });
    await expectConforms('GET', connectionPath('0oaZscaler0000000001'), 200);
    await expectConforms('GET', connectionPath('0oaZscaler0000000001'), 429);
    sim.setRateLimit('apps-star', { limit: 100, windowMs: 60_000 });
  });

  it('lifecycle answers 204 with no body', async () => {
    const id = '0oaZscaler0000000001';
    const deactivated = await expectConforms('POST', connectionPath(id, '/lifecycle/deactivate'), 204);
    expect(deactivated.text).toBe('');
    await expectConforms('GET', connectionPath(id), 200);
    await expectConforms('POST', connectionPath(id, '/lifecycle/activate'), 204);
    await expectConforms('GET', connectionPath(id), 200);
  });
});
