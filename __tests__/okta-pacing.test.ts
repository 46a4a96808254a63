/**
 * Pacing over HTTP: under every injected fault the client never sends more than
 * floor(limit × share / 100) requests in any of the simulator's windows, and every call still succeeds.
 */
import { describe, it, vi } from 'vitest';
import { startOktaSim, type SimApp, type SimFaults, type SimOptions } from '../sim/server.js';
import { OktaClient } from '../src/okta/client.js';
import { SecretRegistry } from '../src/secrets.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

const LIMIT = 20;
const SHARE = 50;
const BUDGET = Math.floor((LIMIT * SHARE) / 100);
const REQUESTS = 30;

const apps: SimApp[] = Array.from({ length: 5 }, (_, i) =>
  zscalerToken(`0oapacing0000000${i}`, {
    label: `Zscaler ${i}`,
    connection: { baseUrl: `https://scim${i}.example.com` },
  }),
);

const cases: Array<[string, SimFaults, Partial<SimOptions>]> = [
  ['no fault', {}, {}],
  ['latency 150 ms', { latencyMs: 150 }, {}],
  ['20 % server errors', { serverErrorRate: 0.2 }, {}],
  ['five 503s', { failNext: { count: 5, status: 503 } }, {}],
  ['four connection resets', { resetNext: { count: 4 } }, {}],
  // One: two in a row with no answer between would open the circuit breaker (okta-bounded-run.test.ts).
  ['a hung request', { hangNext: { count: 1 } }, {}],
  ['five concurrency 429s', { burst429: { count: 5 } }, {}],
  ['a concurrency limit of 2', {}, { concurrencyLimit: 2 }],
];

// Every case waits for several windows: run them all at once.
vi.setConfig({ maxConcurrency: 8 });

describe.concurrent('pacing under faults', () => {
  it.for(cases)(`at most ${BUDGET} requests per window with %s`, async ([, faults, simOptions], context) => {
    const { expect } = context;
    const sim = await startOktaSim({
      apps,
      faults,
      seed: 3,
      rateLimits: {
        'apps-star': { limit: LIMIT, windowMs: 1000 },
        'apps-id': { limit: LIMIT, windowMs: 1000 },
      },
      ...simOptions,
    });
    const client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
      rateLimitShare: SHARE,
      maxRetries: 6,
      retryBaseMs: 20,
      // Long enough that a loaded machine does not miss it; the hung request costs one.
      timeoutMs: 1000,
    });
    context.onTestFinished(async () => {
      await client.close();
      await sim.close();
    });

    const connections = await Promise.all(
      Array.from({ length: REQUESTS }, (_, i) => client.getConnection(apps[i % apps.length]!.id)),
    );
    // A second bucket at the same time is paced on its own.
    const read = await Promise.all(apps.map((app) => client.getApp(app.id)));

    expect(connections.map((c) => c.baseUrl)).toEqual(
      Array.from({ length: REQUESTS }, (_, i) => `https://scim${i % apps.length}.example.com`),
    );
    expect(read.map((app) => app.id)).toEqual(apps.map((app) => app.id));
    const counts = sim.windowCounts('apps-star');
    expect(Math.max(...counts)).toBeLessThanOrEqual(BUDGET);
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(REQUESTS);
    expect(Math.max(...sim.windowCounts('apps-id'))).toBeLessThanOrEqual(BUDGET);
    // Pacing avoids the limit: no 429 except the injected ones.
    if (!faults.burst429 && !simOptions.concurrencyLimit) {
      expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    }
  });
});
