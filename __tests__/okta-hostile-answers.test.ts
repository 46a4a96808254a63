import { describe, it, type TestContext } from 'vitest';
import { startOktaSim, type OktaSim, type SimApp, type SimOptions } from '../sim/server.js';
import { OktaClient, type OktaClientOptions } from '../src/okta/client.js';
import { OktaApiError, OktaNetworkError, OktaUnreachableError } from '../src/okta/errors.js';
import { SecretRegistry } from '../src/secrets.js';
import { caught } from './helpers/caught.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

const ZSCALER = '0oazscaler00000001';
const APPS: SimApp[] = [zscalerToken(ZSCALER, { connection: { baseUrl: 'https://scim.example.com/v2' } })];
const CONNECTION = new RegExp(`/apps/${ZSCALER}/connections/default$`);
const MiB = 1024 * 1024;

async function setup(
  context: TestContext,
  simOptions: SimOptions = {},
  clientOptions: Partial<OktaClientOptions> = {},
): Promise<{ sim: OktaSim; client: OktaClient; secrets: SecretRegistry }> {
  const sim = await startOktaSim({ apps: APPS, ...simOptions });
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

/** Runs `work` while sampling the process's resident memory; the growth over the start, in MiB. */
async function rssGrowth<T>(work: () => Promise<T>): Promise<{ result: T; growthMiB: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 2);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, growthMiB: (peak - start) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

describe('hostile Okta answers', () => {
  it('a body trickled a byte at a time fails at the overall deadline, retried a bounded number of times', async (context) => {
    const { expect } = context;
    // ~300 bytes at one per 20 ms take ~6 s; the deadline is 0.3 s, and every byte arrives well within it.
    const { sim, client } = await setup(
      context,
      { faults: { trickleNext: { count: 10, path: CONNECTION, intervalMs: 20 } } },
      { timeoutMs: 300, maxRetries: 1 },
    );
    const error = await caught(client.getConnection(ZSCALER));
    // Two attempts in a row without a complete answer: the org's circuit breaker opened.
    expect(error).toBeInstanceOf(OktaUnreachableError);
    expect(error.message).toBe(
      `Okta did not answer within 0.3 s: GET /api/v1/apps/${ZSCALER}/connections/default got no answer and was ` +
        `not retried (2 requests in a row passed their deadline; this run sends Okta no more requests). ` +
        `Check Okta's status (status.okta.com) and the network between this runner and ${sim.url}, then run again.`,
    );
    expect(error).toMatchObject({ attempts: 2, method: 'GET', deadlineMs: 300 });
    expect(sim.requests).toHaveLength(2);
  });

  it('a trickled answer is retried and the next, prompt answer is used', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(
      context,
      { faults: { trickleNext: { count: 1, path: CONNECTION, intervalMs: 20 } } },
      { timeoutMs: 300, maxRetries: 1 },
    );
    const connection = await client.getConnection(ZSCALER);
    expect(connection).toMatchObject({ status: 'ENABLED', baseUrl: 'https://scim.example.com/v2' });
    expect(sim.requests).toHaveLength(2);
    expect(client.stats()['apps-star']).toMatchObject({ requests: 2, retries: 1 });
  });

  it('a trickle that completes within the deadline is an ordinary answer', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(
      context,
      { faults: { trickleNext: { count: 1, path: CONNECTION, intervalMs: 1 } } },
      { timeoutMs: 20_000, maxRetries: 0 },
    );
    expect(await client.getConnection(ZSCALER)).toMatchObject({ status: 'ENABLED' });
    expect(sim.requests).toHaveLength(1);
  });

  it('a streamed 50 MB answer is abandoned after 4 MiB, not retried, in bounded memory', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, {
      faults: { hugeNext: { count: 5, path: /^\/api\/v1\/apps$/, bytes: 50 * 1000 * 1000 } },
    });
    const { result: error, growthMiB } = await rssGrowth(() => caught(client.listApps().next()));
    expect(error).toBeInstanceOf(OktaNetworkError);
    expect(error.message).toBe(
      `Gave up on GET /api/v1/apps: Okta's answer exceeded 4 MiB (not retried). ` +
        `Check that the org URL ${sim.url} reaches Okta directly.`,
    );
    expect(error).toMatchObject({ attempts: 1 });
    expect(sim.requests).toHaveLength(1);
    // Reading the whole body would hold 50 MB of chunks plus its text; the cap keeps it to a few MiB.
    expect(growthMiB).toBeLessThan(32);
    context.annotate(`RSS growth while refusing a 50 MB answer: ${growthMiB.toFixed(1)} MiB`);
  });

  it('a declared Content-Length over the cap is refused before the body is read', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, {
      faults: {
        hugeNext: { count: 1, path: CONNECTION, bytes: 50 * 1000 * 1000, declareLength: true },
      },
    });
    const error = await caught(client.getConnection(ZSCALER));
    expect(error).toBeInstanceOf(OktaNetworkError);
    expect(error.message).toMatch(/^Gave up on GET \S+: Okta's answer exceeded 4 MiB \(not retried\)/);
    expect(sim.requests).toHaveLength(1);
    // The same client goes on working after the abandoned answer.
    expect(await client.getConnection(ZSCALER)).toMatchObject({ status: 'ENABLED' });
  });

  it('the cap is a client option', async (context) => {
    const { expect } = context;
    const { client } = await setup(context, {}, { maxResponseBytes: 64 });
    const error = await caught(client.getConnection(ZSCALER));
    expect(error.message).toMatch(/Okta's answer exceeded 64 bytes \(not retried\)/);
  });

  it("Okta's error fields set by the simulator reach the error, with the token redacted", async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context);
    sim.setFaults({
      failNext: {
        count: 1,
        status: 400,
        path: CONNECTION,
        errorSummary: `[Approve merge](https://evil.example/a) ${sim.apiToken}`,
        causes: ['::error::owned', '@octocat'],
      },
    });
    const error = await caught(client.getConnection(ZSCALER));
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error).toMatchObject({
      status: 400,
      errorCode: 'E0000001',
      errorSummary: '[Approve merge](https://evil.example/a) ***',
      causes: ['::error::owned', '@octocat'],
    });
    expect(error.message).not.toContain(sim.apiToken);
  });

  it("an errorCode echoing the token is redacted too (it becomes a problem's code)", async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context);
    sim.setFaults({
      failNext: { count: 1, status: 400, path: CONNECTION, errorCode: `E${sim.apiToken}`, errorSummary: 'x' },
    });
    const error = (await caught(client.getConnection(ZSCALER))) as OktaApiError;
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error.errorCode).toBe('E***');
    expect(error.message).not.toContain(sim.apiToken);
  });
});
