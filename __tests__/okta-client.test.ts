import diagnostics from 'node:diagnostics_channel';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { describe, it, type TestContext } from 'vitest';
import { generateApps, startOktaSim, type OktaSim, type SimApp, type SimOptions } from '../sim/server.js';
import { OktaClient, type OktaClientOptions } from '../src/okta/client.js';
import { OktaApiError, OktaNetworkError, OktaUnreachableError } from '../src/okta/errors.js';
import { SecretRegistry } from '../src/secrets.js';
import { USER_AGENT } from '../src/version.js';
import { validateRequestBody } from './helpers/openapi.js';
import { caught } from './helpers/caught.js';
import { notSetUp } from './helpers/sim-fixtures.js';

const APPS: SimApp[] = [
  notSetUp('zscalerbyz', '0oazscaler00000001'),
  notSetUp('okta_org2org', '0oaorg2org00000001', { label: 'Hub' }),
  notSetUp('office365', '0oaoffice365000001'),
  notSetUp('google', '0oagoogle000000001'),
  notSetUp('bookmark', '0oabookmark0000001', { label: 'Intranet' }),
];
const [ZSCALER, ORG2ORG, OFFICE365, GOOGLE, BOOKMARK] = APPS.map((app) => app.id) as [
  string,
  string,
  string,
  string,
  string,
];
const FAST_WINDOWS: SimOptions['rateLimits'] = { 'apps-star': { limit: 100, windowMs: 1000 } };

// Tests run concurrently (each with its own simulator) to keep the file fast despite the reset waits.
async function setup(
  context: TestContext,
  simOptions: SimOptions = {},
  clientOptions: Partial<OktaClientOptions> = {},
): Promise<{ sim: OktaSim; client: OktaClient; secrets: SecretRegistry }> {
  const sim = await startOktaSim({ apps: APPS, rateLimits: FAST_WINDOWS, ...simOptions });
  const secrets = new SecretRegistry();
  const client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets,
    retryBaseMs: 5,
    ...clientOptions,
  });
  context.onTestFinished(async () => {
    await client.close();
    await sim.close();
  });
  return { sim, client, secrets };
}

/** Response headers of every request to `origin`, in order (undici's diagnostics channel). */
function watchAnswers(
  context: TestContext,
  origin: string,
): Array<{ status: number; headers: Record<string, string> }> {
  const answers: Array<{ status: number; headers: Record<string, string> }> = [];
  const listener = (message: unknown) => {
    const { request: sent, response } = message as {
      request: { origin: string };
      response: { statusCode: number; headers: Buffer[] };
    };
    if (sent.origin !== origin) return;
    const headers: Record<string, string> = {};
    for (let i = 0; i < response.headers.length; i += 2) {
      headers[response.headers[i]!.toString().toLowerCase()] = response.headers[i + 1]!.toString();
    }
    answers.push({ status: response.statusCode, headers });
  };
  diagnostics.subscribe('undici:request:headers', listener);
  context.onTestFinished(() => void diagnostics.unsubscribe('undici:request:headers', listener));
  return answers;
}

describe.concurrent('OktaClient against the simulator', () => {
  it('reads and sets up connections with bodies that match the OpenAPI request schemas', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context);
    expect(await client.getApp(ZSCALER)).toEqual({
      id: ZSCALER,
      name: 'zscalerbyz',
      label: 'Zscaler',
      status: 'ACTIVE',
    });
    expect(await client.getConnection(ZSCALER)).toEqual({ status: 'UNKNOWN', authScheme: 'UNKNOWN' });

    const token = await client.updateConnection(ZSCALER, {
      baseUrl: 'https://scim.zscaler.example.com/scim/v1',
      profile: { authScheme: 'TOKEN', token: 'zscaler-token-value' },
    });
    expect(token).toEqual({
      status: 'DISABLED',
      authScheme: 'TOKEN',
      baseUrl: 'https://scim.zscaler.example.com/scim/v1',
    });
    await client.activateConnection(ZSCALER);
    expect((await client.getConnection(ZSCALER)).status).toBe('ENABLED');
    await client.deactivateConnection(ZSCALER);
    expect((await client.getConnection(ZSCALER)).status).toBe('DISABLED');
    expect(sim.apps.get(ZSCALER)?.connection?.token).toBe('zscaler-token-value');

    const org2org = await client.updateConnection(
      ORG2ORG,
      {
        profile: { authScheme: 'OAUTH2', clientId: '0oahubclient000001', signing: { rotationMode: 'AUTO' } },
      },
      { activate: true },
    );
    expect(org2org).toMatchObject({
      status: 'ENABLED',
      authScheme: 'OAUTH2',
      clientId: '0oahubclient000001',
      rotationMode: 'AUTO',
    });
    await client.updateConnection(OFFICE365, {
      profile: {
        authScheme: 'OAUTH2',
        settings: { adminUsername: 'admin@example.com', adminPassword: 'pw-value-1' },
      },
    });
    const google = await client.updateConnection(GOOGLE, { profile: { authScheme: 'OAUTH2' } });
    expect(google.authorizeUrl).toMatch(/^http/);

    const writes = sim.writes();
    expect(writes.map((w) => `${w.method} ${w.path} ${JSON.stringify(w.query)}`)).toEqual([
      `POST /api/v1/apps/${ZSCALER}/connections/default {}`,
      `POST /api/v1/apps/${ZSCALER}/connections/default/lifecycle/activate {}`,
      `POST /api/v1/apps/${ZSCALER}/connections/default/lifecycle/deactivate {}`,
      `POST /api/v1/apps/${ORG2ORG}/connections/default {"activate":"true"}`,
      `POST /api/v1/apps/${OFFICE365}/connections/default {}`,
      `POST /api/v1/apps/${GOOGLE}/connections/default {}`,
    ]);
    for (const write of writes) {
      expect(validateRequestBody(write.path, write.method, write.body)).toEqual([]);
      if (write.body !== undefined) expect(write.headers['content-type']).toBe('application/json');
    }
    for (const recorded of sim.requests) {
      expect(recorded.headers['user-agent']).toBe(USER_AGENT);
      expect(recorded.headers.accept).toBe('application/json');
      expect(recorded.headers.authorization).toBe(`SSWS ${sim.apiToken}`);
    }
  });

  it('keeps connections alive across sequential requests', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context);
    const port = Number(new URL(sim.url).port);
    let connections = 0;
    const onConnect = (message: unknown) => {
      if (Number((message as { connectParams: { port: unknown } }).connectParams.port) === port)
        connections += 1;
    };
    diagnostics.subscribe('undici:client:connected', onConnect);
    context.onTestFinished(() => void diagnostics.unsubscribe('undici:client:connected', onConnect));
    for (let i = 0; i < 10; i += 1) await client.getConnection(ZSCALER);
    // undici may open a second socket while the first is being released; never one per request.
    expect(connections).toBeGreaterThanOrEqual(1);
    expect(connections).toBeLessThanOrEqual(2);
  });

  it('lists every app, following rel="next" links as opaque URLs', async (context) => {
    const { expect } = context;
    const apps = generateApps(45, { seed: 7 });
    const { sim, client } = await setup(context, { apps });
    const answers = watchAnswers(context, sim.url);
    const listed = [];
    for await (const app of client.listApps({ pageSize: 20 })) listed.push(app.id);
    expect(listed).toEqual(apps.map((app) => app.id).sort());
    const pages = sim.requests.filter((r) => r.bucket === 'apps-list');
    expect(pages).toHaveLength(3);
    expect(pages[0]!.query).toEqual({ limit: '20' });
    // Each next request is exactly the URL of the previous answer's next link.
    for (let i = 1; i < pages.length; i += 1) {
      const next = /<([^>]+)>;\s*rel="next"/.exec(answers[i - 1]!.headers.link ?? '')?.[1];
      const url = new URL(next!);
      expect(pages[i]!.path).toBe(url.pathname);
      expect(pages[i]!.query).toEqual(Object.fromEntries(url.searchParams));
    }
  });

  it('refuses a next link to another host instead of sending the token there', async (context) => {
    const { expect } = context;
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      res.writeHead(200, {
        'Content-Type': 'application/json',
        Link: '<https://evil.example.com/api/v1/apps?after=x>; rel="next"',
      });
      res.end(JSON.stringify([{ id: '0oa1', name: 'x', label: 'X', status: 'ACTIVE' }]));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    context.onTestFinished(() => new Promise((resolve) => server.close(() => resolve())));
    const client = new OktaClient({
      orgUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { kind: 'api-token', token: 'token-value-1' },
      secrets: new SecretRegistry(),
    });
    context.onTestFinished(() => client.close());
    const listed: string[] = [];
    const error = await caught(
      (async () => {
        for await (const app of client.listApps()) listed.push(app.id);
      })(),
    );
    expect(listed).toEqual(['0oa1']);
    expect(error.message).toMatch(/another host \(https:\/\/evil\.example\.com\)/);
    expect(seen).toHaveLength(1);
  });

  it('never follows a redirect: the Authorization header stays with the org', async (context) => {
    const { expect } = context;
    const elsewhere: (string | undefined)[] = [];
    const other = createServer((req, res) => {
      elsewhere.push(req.headers.authorization);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    context.onTestFinished(() => new Promise((resolve) => other.close(() => resolve())));
    const target = `http://127.0.0.1:${(other.address() as AddressInfo).port}/api/v1/apps/0oa1`;
    const server = createServer((_req, res) => res.writeHead(302, { Location: target }).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    context.onTestFinished(() => new Promise((resolve) => server.close(() => resolve())));
    const client = new OktaClient({
      orgUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { kind: 'api-token', token: 'token-value-1' },
      secrets: new SecretRegistry(),
    });
    context.onTestFinished(() => client.close());
    const error = await caught(client.getApp('0oa1'));
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error.message).toMatch(/^Okta answered 302 to GET \/api\/v1\/apps\/0oa1/);
    expect(elsewhere).toEqual([]);
  });

  it('stops with an error when a next link leads back to a page already read', async (context) => {
    const { expect } = context;
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(req.url ?? '');
      // Two pages that point at each other; a fifth request would end the loop with an empty page.
      const after = req.url?.includes('after=a') ? 'b' : 'a';
      const link = seen.length < 5 ? `</api/v1/apps?after=${after}&limit=200>; rel="next"` : '';
      res.writeHead(200, { 'Content-Type': 'application/json', ...(link && { Link: link }) });
      res.end(JSON.stringify(seen.length < 5 ? [{ id: `0oa${seen.length}`, status: 'ACTIVE' }] : []));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    context.onTestFinished(() => new Promise((resolve) => server.close(() => resolve())));
    const client = new OktaClient({
      orgUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      credentials: { kind: 'api-token', token: 'token-value-1' },
      secrets: new SecretRegistry(),
    });
    context.onTestFinished(() => client.close());
    const listed: string[] = [];
    const error = await caught(
      (async () => {
        for await (const app of client.listApps()) listed.push(app.id);
      })(),
    );
    expect(error.message).toMatch(/next-page link for GET \/api\/v1\/apps repeats a page already read/);
    expect(listed).toEqual(['0oa1', '0oa2', '0oa3']);
    expect(seen).toEqual([
      '/api/v1/apps?limit=200',
      '/api/v1/apps?after=a&limit=200',
      '/api/v1/apps?after=b&limit=200',
    ]);
  });
});

describe.concurrent('429 handling', () => {
  it('retries after the reset with X-Okta-Retry-For/Count naming the 429', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, { faults: { burst429: { count: 2, path: /connections/ } } });
    const answers = watchAnswers(context, sim.url);
    expect((await client.getConnection(ZSCALER)).status).toBe('UNKNOWN');
    const recorded = sim.requests.filter((r) => r.bucket === 'apps-star');
    expect(recorded.map((r) => r.status)).toEqual([429, 429, 200]);
    expect(recorded[0]!.headers['x-okta-retry-for']).toBeUndefined();
    for (const n of [1, 2]) {
      const limited = answers[n - 1]!;
      expect(limited.status).toBe(429);
      const retry = recorded[n]!;
      expect(retry.headers['x-okta-retry-for']).toBe(limited.headers['x-okta-request-id']);
      expect(retry.headers['x-okta-retry-count']).toBe(String(n));
      expect(retry.receivedAt).toBeGreaterThanOrEqual(Number(limited.headers['x-rate-limit-reset']) * 1000);
    }
    expect(client.stats()['apps-star']).toEqual({ requests: 3, rateLimited: 2, retries: 2 });
  });

  it('waits for the reset when another client used up the window', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, {
      rateLimits: { 'apps-star': { limit: 3, windowMs: 1000 } },
    });
    for (let i = 0; i < 3; i += 1) {
      const answer = await request(`${sim.url}/api/v1/apps/${ZSCALER}/connections/default`, {
        headers: { authorization: `SSWS ${sim.apiToken}` },
      });
      await answer.body.dump();
    }
    await client.getConnection(ZSCALER);
    const ours = sim.requests.slice(3);
    expect(ours.map((r) => r.status)).toEqual([429, 200]);
    expect(ours[1]!.windowIndex).toBe(ours[0]!.windowIndex + 1);
    expect(Math.max(...sim.windowCounts('apps-star'))).toBeLessThanOrEqual(3);
  });

  it('gives up after the 429 bound with a clear error', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(
      context,
      { faults: { burst429: { count: 50 } } },
      { maxRateLimitRetries: 1 },
    );
    const error = await caught(client.getConnection(ZSCALER));
    expect(error).toBeInstanceOf(OktaApiError);
    expect((error as OktaApiError).status).toBe(429);
    expect(error.message).toMatch(/429 E0000047 .*Still rate limited after 2 attempts/);
    expect(sim.requests).toHaveLength(2);
  });
});

describe.concurrent('bounded retries', () => {
  it('retries 5xx, then throws OktaApiError with the status', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(
      context,
      { faults: { failNext: { count: 2, status: 503 } } },
      { maxRetries: 2 },
    );
    expect(await client.getApp(ZSCALER)).toMatchObject({ id: ZSCALER });
    expect(sim.requests.map((r) => r.status)).toEqual([503, 503, 200]);

    sim.setFaults({ failNext: { count: 10, status: 500 } });
    const error = await caught(client.getApp(ZSCALER));
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({
      status: 500,
      errorCode: 'E0000009',
      method: 'GET',
      path: `/api/v1/apps/${ZSCALER}`,
    });
    expect(error.message).toMatch(/failed 3 times/);
    expect(sim.requests).toHaveLength(6);
  });

  it('retries POSTs after resets, then throws OktaNetworkError', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, { faults: { resetNext: { count: 1 } } }, { maxRetries: 2 });
    await client.activateConnection(ZSCALER).catch(() => undefined);
    expect(sim.requests.map((r) => r.status)).toEqual([0, 400]);

    sim.setFaults({ resetNext: { count: 10 } });
    const error = await caught(client.getConnection(ZSCALER));
    expect(error).toBeInstanceOf(OktaNetworkError);
    expect(error).toMatchObject({
      attempts: 3,
      method: 'GET',
      path: `/api/v1/apps/${ZSCALER}/connections/default`,
    });
    expect(error.message).toMatch(/after 3 attempts \(connection reset\)/);
  });

  it('times out a request that never gets an answer, retries once, then throws OktaUnreachableError', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(
      context,
      { faults: { hangNext: { count: 10 } } },
      { maxRetries: 1, timeoutMs: 200 },
    );
    const error = await caught(client.getApp(ZSCALER));
    expect(error).toBeInstanceOf(OktaUnreachableError);
    expect(error.message).toContain(
      `Okta did not answer within 0.2 s: GET /api/v1/apps/${ZSCALER} got no answer and was not retried (2 requests in a row passed their deadline`,
    );
    expect(sim.requests).toHaveLength(2);
  });

  it('throws other 4xx at once', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context);
    const missing = await caught(client.getConnection('0oamissing00000001'));
    expect(missing).toMatchObject({ status: 404, errorCode: 'E0000007' });
    expect(missing.message).toMatch(/Check the app id/);
    const noProvisioning = await caught(
      client.updateConnection(BOOKMARK, { profile: { authScheme: 'TOKEN', token: 'bookmark-token-1' } }),
    );
    expect(noProvisioning).toMatchObject({ status: 400, errorCode: 'E0000001' });
    expect((noProvisioning as OktaApiError).causes).toEqual([
      'Provisioning is not enabled for the app instance.',
    ]);
    expect(noProvisioning.message).toContain('Provisioning is not enabled for the app instance.');
    expect(sim.requests).toHaveLength(2);
  });
});

describe.concurrent('errors and secrets', () => {
  it('never repeats a secret Okta echoes back', async (context) => {
    const { expect } = context;
    const { client, secrets } = await setup(context, { faults: { echoSecretInError: true } });
    const token = 'zscaler-api-token-f81d4fae7dec11d0';
    const password = 'office-admin-password-a765';
    secrets.add(token);
    secrets.add(password);
    const tokenError = (await caught(
      client.updateConnection(ZSCALER, { profile: { authScheme: 'TOKEN', token } }),
    )) as OktaApiError;
    const passwordError = (await caught(
      client.updateConnection(OFFICE365, {
        profile: {
          authScheme: 'OAUTH2',
          settings: { adminUsername: 'admin@example.com', adminPassword: password },
        },
      }),
    )) as OktaApiError;
    for (const [error, secret] of [
      [tokenError, token],
      [passwordError, password],
    ] as const) {
      expect(error).toMatchObject({ status: 400, errorCode: 'E0000001' });
      const everything = JSON.stringify([
        error.message,
        error.errorSummary,
        error.causes,
        String(error.stack),
      ]);
      expect(everything).not.toContain(secret);
      expect(error.message).toContain('***');
    }
  });

  it('explains a 401 for a bad API token, without retrying and without the token', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(
      context,
      {},
      { credentials: { kind: 'api-token', token: '00wrong-token-value-000000' } },
    );
    const error = await caught(client.getApp(ZSCALER));
    expect(error).toMatchObject({ status: 401, errorCode: 'E0000011', requestId: expect.any(String) });
    expect(error.message).toMatch(
      /Okta answered 401 E0000011 to GET \/api\/v1\/apps\/\S+: Invalid token provided/,
    );
    expect(error.message).toMatch(
      /rejected the API token: check that it is complete, not expired or revoked/,
    );
    expect(error.message).not.toContain('00wrong-token-value-000000');
    expect(sim.requests).toHaveLength(1);
  });

  it('refuses an org URL that is not https', (context) => {
    const { expect } = context;
    expect(
      () =>
        new OktaClient({
          orgUrl: 'http://example.okta.com',
          credentials: { kind: 'api-token', token: 'token-value-1' },
          secrets: new SecretRegistry(),
        }),
    ).toThrow(/must use https/);
  });
});
