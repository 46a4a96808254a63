/**
 * The client's work ends in bounded time, through the real client against the simulator: against a hung
 * Okta the org's circuit breaker stops queueing requests behind stalled ones (what was not read fails with
 * OktaUnreachableError), and closing the client ends every wait.
 */
import { describe, it, type TestContext } from 'vitest';
import { generateApps, startOktaSim, type OktaSim, type SimOptions } from '../sim/server.js';
import { OktaClient, type OktaClientOptions } from '../src/okta/client.js';
import { CircuitBreaker } from '../src/okta/breaker.js';
import { OktaUnreachableError } from '../src/okta/errors.js';
import type { Logger } from '../src/log.js';
import { SecretRegistry } from '../src/secrets.js';

// Long enough that a loaded machine answers within it.
const DEADLINE_MS = 1000;
const APPS = generateApps(40, { withConnections: 40, seed: 3 });
/** Every second app: the simulator never answers a request about it. */
const STALLED = APPS.filter((_, index) => index % 2 === 1).map((app) => app.id);
const stalledPath = new RegExp(`^/api/v1/apps/(${STALLED.join('|')})(/|$)`);

async function setup(
  context: TestContext,
  simOptions: SimOptions,
  clientOptions: Partial<OktaClientOptions> = {},
): Promise<{ sim: OktaSim; client: OktaClient; warnings: string[] }> {
  const sim = await startOktaSim({ apps: APPS, ...simOptions });
  const warnings: string[] = [];
  const logger: Logger = {
    debug: () => {},
    info: () => {},
    warning: (message) => warnings.push(message),
    error: () => {},
  };
  const client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets: new SecretRegistry(),
    logger,
    timeoutMs: DEADLINE_MS,
    retryBaseMs: 5,
    ...clientOptions,
  });
  context.onTestFinished(async () => {
    await client.close();
    await sim.close();
  });
  return { sim, client, warnings };
}

/** Reads every app and its connection as a plan does (all at once); each read's value or error. */
function readAll(client: OktaClient): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(APPS.flatMap((app) => [client.getApp(app.id), client.getConnection(app.id)]));
}

const unanswered = (sim: OktaSim) => sim.requests.filter((request) => request.status === 0);

describe.concurrent('circuit breaker', () => {
  it('an Okta that answers nothing: two deadlines missed in a row, then nothing more is sent', async (context) => {
    const { expect } = context;
    const { sim, client, warnings } = await setup(context, { faults: { hangNext: { count: Infinity } } });
    const results = await readAll(client);

    // The first request of each bucket (apps-id, apps-star) went, and at most one more after the first
    // miss (the bucket's next probe); the second miss opened the breaker.
    expect(sim.requests.length).toBeGreaterThanOrEqual(2);
    expect(sim.requests.length).toBeLessThanOrEqual(4);
    const errors = results.map((result) => (result.status === 'rejected' ? result.reason : result));
    expect(errors.every((error) => error instanceof OktaUnreachableError)).toBe(true);
    const messages = errors.map((error) => (error as Error).message);
    const notSent = messages.filter((message) => message.includes('was not sent'));
    expect(notSent.length).toBe(80 - sim.requests.length);
    expect(notSent[0]).toMatch(
      new RegExp(
        `^Okta did not answer within 1 s: GET /api/v1/apps/0oa\\w+(/connections/default)? was not sent ` +
          `\\(2 requests in a row passed their deadline; this run sends Okta no more requests\\)\\. ` +
          `Check Okta's status \\(status\\.okta\\.com\\) and the network between this runner and ` +
          `${sim.url.replace(/\./g, '\\.')}, then run again\\.$`,
      ),
    );
    expect(warnings).toEqual([
      'Okta did not answer within 1 s (2 requests in a row passed their deadline): no more requests are ' +
        'sent to Okta in this run, and what was not read or written yet fails (okta-unreachable).',
    ]);
    // Later requests fail at once too: the breaker does not close again within the run.
    const sent = sim.requests.length;
    await expect(client.getApp(APPS[0]!.id)).rejects.toThrow(/was not sent/);
    expect(sim.requests).toHaveLength(sent);
  });

  it('an Okta that hangs on half the apps: what was answered is read, the rest fails fast', async (context) => {
    const { expect } = context;
    const { sim, client } = await setup(context, {
      faults: { hangNext: { count: Infinity, path: stalledPath } },
    });
    const results = await readAll(client);

    const stalledIds = new Set(STALLED);
    for (const [index, result] of results.entries()) {
      const app = APPS[Math.floor(index / 2)]!;
      if (stalledIds.has(app.id)) {
        expect(result.status, app.id).toBe('rejected');
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(OktaUnreachableError);
      } else if (result.status === 'rejected') {
        // Queued behind the stalled ones when the breaker opened.
        expect(result.reason).toBeInstanceOf(OktaUnreachableError);
        expect((result.reason as Error).message).toContain('was not sent');
      }
    }
    expect(results.some((result) => result.status === 'fulfilled')).toBe(true);
    // At most 8 misses open the breaker, and then only requests already in flight (8) can still miss:
    // the wait is bounded by about two deadlines whatever the number of apps.
    expect(unanswered(sim).length).toBeGreaterThanOrEqual(2);
    expect(unanswered(sim).length).toBeLessThanOrEqual(8 + 8);
    expect(sim.requests.length).toBeLessThan(APPS.length * 2);
  });

  it('a single request that passes its deadline among answered ones is retried and the run goes on', async (context) => {
    const { expect } = context;
    const first = APPS[0]!.id;
    const { sim, client, warnings } = await setup(context, {
      faults: { hangNext: { count: 1, path: new RegExp(`^/api/v1/apps/${first}/connections/default$`) } },
    });
    // The hung request goes first (the bucket's probe); the others wait for it, then answer.
    const results = await readAll(client);

    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(unanswered(sim)).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('rate-limit waits longer than the deadline are not stalls', async (context) => {
    const { expect } = context;
    // 20 per 2 s window per bucket, and a 429 first: 40 reads of each bucket wait about 2 s for a window
    // to end, twice the deadline, and every wait ends in an answer.
    const { sim, client, warnings } = await setup(
      context,
      {
        rateLimits: { 'apps-star': { limit: 20, windowMs: 2000 }, 'apps-id': { limit: 20, windowMs: 2000 } },
        faults: { burst429: { count: 2 } },
      },
      { rateLimitShare: 100 },
    );
    const results = await readAll(client);

    expect(results.every((result) => result.status === 'fulfilled')).toBe(true);
    expect(sim.requests.filter((request) => request.status === 429)).toHaveLength(2);
    expect(unanswered(sim)).toHaveLength(0);
    expect(warnings).toEqual([]);
  });
});

describe('CircuitBreaker', () => {
  function breaker() {
    const opened: string[] = [];
    return { breaker: new CircuitBreaker((why) => opened.push(why)), opened };
  }

  it('opens at the second miss with no answer in between, once', ({ expect }) => {
    const { breaker: b, opened } = breaker();
    expect(b.missed()).toBe(false);
    expect(b.open).toBe(false);
    expect(b.missed()).toBe(true);
    expect(b.missed()).toBe(true);
    expect(opened).toEqual(['2 requests in a row passed their deadline']);
  });

  it('stays closed while answers come between misses, up to 8 misses in the run', ({ expect }) => {
    const { breaker: b, opened } = breaker();
    for (let miss = 1; miss < 8; miss++) {
      expect(b.missed()).toBe(false);
      b.answered();
    }
    expect(b.missed()).toBe(true);
    expect(opened).toEqual(['8 requests passed their deadline']);
  });
});

describe('closing the client', () => {
  it('fails the requests still waiting for a rate-limit window at once, so nothing outlives the run', async (context) => {
    const { expect } = context;
    // One request per 30 s window (limit 2, share 50 %): the second and third wait for the next window.
    const { sim, client } = await setup(context, {
      rateLimits: { 'apps-star': { limit: 2, windowMs: 30_000 } },
    });
    const [first, ...waiting] = APPS.slice(0, 3).map((app) => client.getConnection(app.id));
    await first;
    const settled = Promise.allSettled(waiting);
    await client.close();
    const results = await settled;
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe(
      'the Okta client was closed before this request was sent',
    );
    expect(sim.requests).toHaveLength(1);
  });
});
