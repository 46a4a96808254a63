import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { notSetUp, org2orgToken, slack, zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath, type SimAnswer } from './helpers/sim-http.js';

const ids = {
  bookmark: '0oaBookmark000000001',
  org2orgNew: '0oaOrg2orgNew0000001',
  org2org: '0oaOrg2org0000000001',
  zscalerNew: '0oaZscalerNew0000001',
  zscaler: '0oaZscaler0000000001',
  zscalerOff: '0oaZscalerOff0000001',
  office: '0oaOffice3650000001',
  google: '0oaGoogle00000000001',
  slack: '0oaSlack000000000001',
};

const apps: SimApp[] = [
  notSetUp('bookmark', ids.bookmark),
  notSetUp('okta_org2org', ids.org2orgNew, { label: 'Org2Org new' }),
  org2orgToken(ids.org2org, { label: 'Org2Org', connection: { baseUrl: 'https://partner.okta.com' } }),
  notSetUp('zscalerbyz', ids.zscalerNew, { label: 'Zscaler new' }),
  zscalerToken(ids.zscaler),
  zscalerToken(ids.zscalerOff, { label: 'Zscaler off', connection: { status: 'DISABLED' } }),
  notSetUp('office365', ids.office),
  notSetUp('google', ids.google),
  slack(ids.slack),
];

const token = (value: string, baseUrl?: string) => ({
  ...(baseUrl && { baseUrl }),
  profile: { authScheme: 'TOKEN', token: value },
});

describe('connections', () => {
  let sim: OktaSim;
  const get = (id: string) => call(sim, 'GET', connectionPath(id));
  const post = (id: string, body: unknown, query = '') =>
    call(sim, 'POST', connectionPath(id, query), { body });
  const causes = (answer: SimAnswer) =>
    (answer.body as { errorCauses: { errorSummary: string }[] }).errorCauses.map((c) => c.errorSummary);

  beforeEach(async () => {
    sim = await startOktaSim({ apps });
  });
  afterEach(() => sim.close());

  it('answers UNKNOWN for connections never set up, and 404 for a bookmark app (no provisioning at all)', async () => {
    const bookmark = await get(ids.bookmark);
    expect(bookmark.status).toBe(404);
    expect(bookmark.body).toMatchObject({ errorCode: 'E0000007' });
    expect((await call(sim, 'GET', `/api/v1/apps/${ids.bookmark}`)).status).toBe(200);
    for (const id of [ids.org2orgNew, ids.google]) {
      const answer = await get(id);
      expect(answer.status).toBe(200);
      expect(answer.body).toStrictEqual({
        status: 'UNKNOWN',
        profile: { authScheme: 'UNKNOWN' },
        _links: { self: { href: `${sim.url}${connectionPath(id)}`, hints: { allow: ['POST', 'GET'] } } },
      });
    }
    expect((await get('0oaMissing')).status).toBe(404);
  });

  it('refuses to set up apps without provisioning', async () => {
    const answer = await post(ids.bookmark, token('t-1'));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      errorCode: 'E0000001',
      errorSummary: expect.stringMatching(/^Api validation failed/),
    });
    expect(causes(answer)).toEqual(['Provisioning is not enabled for the app instance.']);
    for (const action of ['activate', 'deactivate']) {
      const lifecycle = await call(sim, 'POST', connectionPath(ids.bookmark, `/lifecycle/${action}`));
      expect(lifecycle.status).toBe(400);
      expect(lifecycle.body).toMatchObject({ errorCode: 'E0000001' });
    }
  });

  it('never returns write-only secrets, but stores them', async () => {
    const secrets = ['zs-SECRET-token-111', 'o365-SECRET-password-222', 'o365-admin@example.com'];
    const answers = [
      await post(ids.zscalerNew, token(secrets[0]!, 'https://scim.example.com/v1')),
      await post(ids.office, {
        profile: { authScheme: 'OAUTH2', settings: { adminUsername: secrets[2], adminPassword: secrets[1] } },
      }),
      await get(ids.zscalerNew),
      await get(ids.office),
      await call(sim, 'GET', `/api/v1/apps/${ids.office}`),
      await call(sim, 'GET', '/api/v1/apps?limit=200'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
    for (const answer of answers) for (const secret of secrets) expect(answer.text).not.toContain(secret);
    expect(sim.apps.get(ids.zscalerNew)?.connection).toMatchObject({ token: secrets[0] });
    expect(sim.apps.get(ids.office)?.connection).toMatchObject({
      adminUsername: secrets[2],
      adminPassword: secrets[1],
    });
  });

  it('a POST without activate answers DISABLED (as recorded from real Okta), with ?activate=true ENABLED', async () => {
    const created = await post(ids.zscalerNew, token('t-1', 'https://scim.example.com/v1'));
    expect(created.body).toStrictEqual({
      authScheme: 'TOKEN',
      status: 'DISABLED',
      baseUrl: 'https://scim.example.com/v1',
      profile: { authScheme: 'TOKEN' },
      _links: {
        activate: {
          href: `${sim.url}${connectionPath(ids.zscalerNew, '/lifecycle/activate')}`,
          hints: { allow: ['POST'] },
        },
        self: { href: `${sim.url}${connectionPath(ids.zscalerNew)}`, hints: { allow: ['POST', 'GET'] } },
      },
    });
    expect((await post(ids.org2orgNew, token('t-2'), '?activate=true')).body).toMatchObject({
      status: 'ENABLED',
    });
    // Also a connection that was enabled: the one real recording of a POST without activate answered DISABLED.
    expect((await post(ids.zscaler, token('t-3'))).body).toMatchObject({ status: 'DISABLED' });
    expect((await post(ids.zscaler, token('t-3'), '?activate=TRUE')).body).toMatchObject({
      status: 'ENABLED',
    });
    expect((await post(ids.zscalerOff, token('t-4'))).body).toMatchObject({ status: 'DISABLED' });
    // POST replaces the connection: a baseUrl left out is gone.
    const replaced = await post(ids.org2org, token('t-5'));
    expect(replaced.body).not.toHaveProperty('baseUrl');
    expect(sim.writes().map((w) => [w.method, w.path, w.query])).toEqual([
      ['POST', connectionPath(ids.zscalerNew), {}],
      ['POST', connectionPath(ids.org2orgNew), { activate: 'true' }],
      ['POST', connectionPath(ids.zscaler), {}],
      ['POST', connectionPath(ids.zscaler), { activate: 'TRUE' }],
      ['POST', connectionPath(ids.zscalerOff), {}],
      ['POST', connectionPath(ids.org2org), {}],
    ]);
  });

  it('lifecycle activate/deactivate answer 204 and flip the status', async () => {
    const deactivated = await call(sim, 'POST', connectionPath(ids.zscaler, '/lifecycle/deactivate'));
    expect(deactivated.status).toBe(204);
    expect(deactivated.text).toBe('');
    expect((await get(ids.zscaler)).body).toMatchObject({ status: 'DISABLED', _links: { activate: {} } });
    expect((await call(sim, 'POST', connectionPath(ids.zscaler, '/lifecycle/activate'))).status).toBe(204);
    const enabled = (await get(ids.zscaler)).body as { status: string; _links: Record<string, unknown> };
    expect(enabled.status).toBe('ENABLED');
    expect(Object.keys(enabled._links)).toEqual(['self', 'deactivate']);

    expect((await call(sim, 'POST', connectionPath('0oaMissing', '/lifecycle/activate'))).status).toBe(404);
    const notSetUp = await call(sim, 'POST', connectionPath(ids.zscalerNew, '/lifecycle/activate'));
    expect(notSetUp.status).toBe(400);
    expect(notSetUp.body).toMatchObject({ errorCode: 'E0000001' });
    expect((await call(sim, 'GET', connectionPath(ids.zscaler, '/lifecycle/activate'))).status).toBe(405);
  });

  it('Org2Org OAuth: clientId at the top and in the profile, rotationMode defaults to MANUAL', async () => {
    const manual = await post(ids.org2orgNew, { profile: { authScheme: 'OAUTH2', clientId: '0oahub1' } });
    expect(manual.body).toMatchObject({
      clientId: '0oahub1',
      status: 'DISABLED',
      profile: { authScheme: 'OAUTH2', clientId: '0oahub1', signing: { rotationMode: 'MANUAL' } },
    });
    expect(manual.body).not.toHaveProperty('authScheme');
    expect(manual.body).not.toHaveProperty('_links.authorize');
    const auto = await post(ids.org2orgNew, {
      profile: { authScheme: 'OAUTH2', clientId: '0oahub2', signing: { rotationMode: 'AUTO' } },
    });
    expect(auto.body).toMatchObject({ clientId: '0oahub2', profile: { signing: { rotationMode: 'AUTO' } } });
    const missing = await post(ids.org2orgNew, { profile: { authScheme: 'OAUTH2' } });
    expect(missing.status).toBe(400);
    expect(causes(missing)[0]).toMatch(/clientId/);
  });

  it("accepts the connection requests of Okta's guide as printed, `?activate=TRUE` included", async () => {
    // "Set up an app provisioning connection" (developer.okta.com), step 1 of each flow.
    const zscaler = await post(
      ids.zscalerNew,
      {
        baseUrl: 'https://scim.zscalerbeta.net/1111111/222/scim',
        profile: { authScheme: 'TOKEN', token: 'zs-token-1' },
      },
      '?activate=TRUE',
    );
    expect(zscaler.body).toMatchObject({
      status: 'ENABLED',
      baseUrl: 'https://scim.zscalerbeta.net/1111111/222/scim',
    });
    const org2org = await post(
      ids.org2orgNew,
      { profile: { authScheme: 'TOKEN', token: 'target-org-token' } },
      '?activate=TRUE',
    );
    expect(org2org.body).toMatchObject({ status: 'ENABLED', profile: { authScheme: 'TOKEN' } });
    const google = await post(ids.google, { profile: { authScheme: 'OAUTH2' } });
    expect(google.body).toMatchObject({
      status: 'DISABLED',
      _links: { authorize: { href: expect.any(String) } },
    });
    const office = await post(ids.office, {
      profile: {
        authScheme: 'OAUTH2',
        settings: { adminUsername: 'admin@example.com', adminPassword: 'pw-12345678' },
      },
    });
    expect(office.body).toMatchObject({
      status: 'DISABLED',
      _links: { authorize: { href: expect.any(String) } },
    });
  });

  it("models the consent flow of Okta's guide: authorize link, the browser's continue URL, its POST, activation", async () => {
    const configured = await post(ids.google, { profile: { authScheme: 'OAUTH2' } });
    const authorize = (configured.body as { _links: { authorize: { href: string } } })._links.authorize.href;
    const authorizePath = authorize.slice(sim.url.length);
    // The admin's browser (no Okta credentials) consents at the app; Okta answers where to complete the flow.
    const browser = await call(sim, 'GET', authorizePath, { authorization: null });
    expect(browser.status).toBe(200);
    const { href, method } = (browser.body as { continue_oauth_flow_url: { href: string; method: string } })
      .continue_oauth_flow_url;
    expect(method).toBe('POST');
    expect(href).toMatch(
      new RegExp(
        `^${sim.url}/api/v1/apps/google/${ids.google}/oauth2/callback\\?code=[\\w-]+&state=[\\w-]+$`,
      ),
    );
    const continuePath = href.slice(sim.url.length);
    // Consent alone is not enough: until the continue URL is POSTed, activation is refused.
    expect((await call(sim, 'POST', connectionPath(ids.google, '/lifecycle/activate'))).status).toBe(400);
    expect((await call(sim, 'POST', continuePath, { authorization: null })).status).toBe(401);
    const wrongApp = continuePath.replace('/apps/google/', '/apps/slack/');
    expect((await call(sim, 'POST', wrongApp)).status).toBe(404);
    const verified = await call(sim, 'POST', continuePath);
    expect(verified.status).toBe(204);
    expect(verified.text).toBe('');
    expect((await call(sim, 'POST', continuePath)).status).toBe(400); // the code is used up
    expect((await get(ids.google)).body).not.toHaveProperty('_links.authorize');
    expect((await call(sim, 'POST', connectionPath(ids.google, '/lifecycle/activate'))).status).toBe(204);
    expect((await get(ids.google)).body).toMatchObject({ status: 'ENABLED' });
    expect(sim.requests.find((r) => r.path.endsWith('/oauth2/callback'))?.bucket).toBe('apps-star');
  });

  it('an org that asks for consent again on a re-configure: DISABLED with the link, activation refused', async () => {
    await sim.close();
    sim = await startOktaSim({ apps, consentOnReconfigure: 'revoked' });
    const again = await post(ids.slack, { profile: { authScheme: 'OAUTH2' } });
    expect(again.body).toMatchObject({
      status: 'DISABLED',
      _links: { authorize: { href: expect.any(String) } },
    });
    expect((await call(sim, 'POST', connectionPath(ids.slack, '/lifecycle/activate'))).status).toBe(400);
  });

  it('consent apps answer an authorize link and stay DISABLED until consent', async () => {
    const configured = await post(ids.google, { profile: { authScheme: 'OAUTH2' } }, '?activate=true');
    expect(configured.status).toBe(200);
    const body = configured.body as { status: string; _links: { authorize?: { href: string } } };
    expect(body.status).toBe('DISABLED');
    expect(body._links.authorize?.href).toMatch(
      new RegExp(`^${sim.url}/consent/${ids.google}\\?state=\\S+$`),
    );
    expect((await get(ids.google)).body).toMatchObject({
      _links: { authorize: { href: body._links.authorize?.href } },
    });

    // Activation before consent is refused (the default); after consent it takes and the link is gone.
    const early = await call(sim, 'POST', connectionPath(ids.google, '/lifecycle/activate'));
    expect(early.status).toBe(400);
    expect(causes(early)[0]).toMatch(/[Cc]onsent/);
    expect((await get(ids.google)).body).toMatchObject({ status: 'DISABLED' });
    sim.grantConsent(ids.google);
    expect((await get(ids.google)).body).not.toHaveProperty('_links.authorize');
    expect((await call(sim, 'POST', connectionPath(ids.google, '/lifecycle/activate'))).status).toBe(204);
    const consented = (await get(ids.google)).body as { status: string; _links: Record<string, unknown> };
    expect(consented.status).toBe('ENABLED');
    expect(Object.keys(consented._links)).toEqual(['self', 'deactivate']);
    expect(() => sim.grantConsent(ids.zscaler)).toThrow(/not a consent app/);

    // A consented connection re-configured without activate is DISABLED; its consent holds, so activation takes.
    const again = await post(ids.slack, { profile: { authScheme: 'OAUTH2' } });
    expect(again.body).toMatchObject({
      status: 'DISABLED',
      _links: { authorize: { href: expect.any(String) } },
    });
    expect((await call(sim, 'POST', connectionPath(ids.slack, '/lifecycle/activate'))).status).toBe(204);
    expect((await get(ids.slack)).body).toMatchObject({ status: 'ENABLED' });
  });

  it('an org that lets an activation before consent pass: 204, and the connection stays DISABLED', async () => {
    await sim.close();
    sim = await startOktaSim({ apps, activateBeforeConsent: 'stay-disabled' });
    await post(ids.google, { profile: { authScheme: 'OAUTH2' } });
    expect((await call(sim, 'POST', connectionPath(ids.google, '/lifecycle/activate'))).status).toBe(204);
    expect((await get(ids.google)).body).toMatchObject({
      status: 'DISABLED',
      _links: { authorize: { href: expect.any(String) } },
    });
  });

  it('serves the JWKS of Org2Org OAuth connections only', async () => {
    const jwks = (id: string) => call(sim, 'GET', connectionPath(id, '/jwks'));
    expect((await jwks(ids.org2orgNew)).status).toBe(404);
    await post(ids.org2orgNew, { profile: { authScheme: 'OAUTH2', clientId: '0oahub1' } });
    const answer = await jwks(ids.org2orgNew);
    expect(answer.status).toBe(200);
    const [key, ...others] = (answer.body as { jwks: { keys: Record<string, string>[] } }).jwks.keys;
    expect(others).toEqual([]);
    expect(key).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', e: 'AQAB', kid: expect.any(String) });
    expect(Buffer.from(key!.n!, 'base64url')).toHaveLength(256);
    expect((await jwks(ids.org2orgNew)).body).toEqual(answer.body);
    for (const id of [ids.org2org, ids.slack, ids.bookmark]) expect((await jwks(id)).status, id).toBe(404);
    expect((await jwks('0oaMissing')).status).toBe(404);
    expect(sim.requests.at(-1)!.bucket).toBe('apps-star');
  });

  it('an org without signing key rotation refuses `signing` and never returns it', async () => {
    await sim.close();
    sim = await startOktaSim({ apps, signingUnsupported: true });
    const refused = await post(ids.org2orgNew, {
      profile: { authScheme: 'OAUTH2', clientId: '0oahub1', signing: { rotationMode: 'MANUAL' } },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      errorCode: 'E0000001',
      errorSummary: expect.stringMatching(/signing/),
    });
    expect(causes(refused)[0]).toMatch(/^signing\.rotationMode: /);
    const plain = await post(ids.org2orgNew, { profile: { authScheme: 'OAUTH2', clientId: '0oahub1' } });
    expect(plain.status).toBe(200);
    expect(plain.body).not.toHaveProperty('profile.signing');
    expect((await get(ids.org2orgNew)).body).not.toHaveProperty('profile.signing');
  });

  it('checks which scheme and settings each app takes', async () => {
    const office = await post(ids.office, { profile: { authScheme: 'OAUTH2' } });
    expect(office.status).toBe(400);
    expect(causes(office)[0]).toMatch(/settings/);
    const tokenToOffice = await post(ids.office, token('t'));
    expect(tokenToOffice.status).toBe(400);
    expect(causes(tokenToOffice)[0]).toMatch(/TOKEN is not supported/);
    const oauthToZscaler = await post(ids.zscalerNew, { profile: { authScheme: 'OAUTH2' } });
    expect(causes(oauthToZscaler)[0]).toMatch(/OAUTH2 is not supported/);
    const noToken = await post(ids.zscalerNew, { profile: { authScheme: 'TOKEN' } });
    expect(causes(noToken)[0]).toMatch(/token/);
    expect(sim.apps.get(ids.office)?.connection).toBeUndefined();
    expect(sim.apps.get(ids.zscalerNew)?.connection).toBeUndefined();
  });

  it('answers 400 E0000003 for bad JSON and E0000001 for bodies outside the schema', async () => {
    const badJson = await call(sim, 'POST', connectionPath(ids.zscaler), { body: '{"profile": ' });
    expect(badJson.status).toBe(400);
    expect(badJson.body).toMatchObject({ errorCode: 'E0000003' });
    const cases: Array<[unknown, RegExp]> = [
      [[], /JSON object/],
      [{ baseUrl: 'https://x' }, /profile/],
      [{ profile: { authScheme: 'BASIC' } }, /authScheme/],
      [{ profile: { authScheme: 'TOKEN', token: 42 } }, /token/],
      [
        { profile: { authScheme: 'OAUTH2', clientId: 'c', signing: { rotationMode: 'SOMETIMES' } } },
        /rotationMode/,
      ],
      [{ profile: { authScheme: 'OAUTH2', settings: { adminUsername: 'a' } } }, /adminPassword/],
    ];
    for (const [body, cause] of cases) {
      const id = JSON.stringify(body).includes('OAUTH2') ? ids.org2orgNew : ids.zscaler;
      const answer = await post(id, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body, JSON.stringify(body)).toMatchObject({ errorCode: 'E0000001' });
      expect(causes(answer).join(' '), JSON.stringify(body)).toMatch(cause);
    }
    expect(sim.apps.get(ids.zscaler)?.connection).toEqual({ authScheme: 'TOKEN', status: 'ENABLED' });
  });

  it('unknown routes answer 404 E0000007 JSON', async () => {
    for (const path of ['/api/v1/users', '/consent/x', `/api/v1/apps/${ids.zscaler}/connections/other`]) {
      const answer = await call(sim, 'GET', path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).toMatchObject({ errorCode: 'E0000007' });
    }
  });
});
