/**
 * Pacing over HTTP when clocks disagree or answers straddle window ends: the simulator's rate-limit clock
 * skewed against the host's, its `Date` ahead of that clock, and answers slow enough that the window ends
 * while every slot is busy (no timer armed: the window rolls when an answer comes, as on a loaded machine).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it, vi } from 'vitest';
import { startOktaSim, type SimApp, type SimOptions } from '../sim/server.js';
import { OktaClient } from '../src/okta/client.js';
import { SecretRegistry } from '../src/secrets.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

const SHARE = 50;

const apps: SimApp[] = Array.from({ length: 4 }, (_, i) =>
  zscalerToken(`0oaclocks000000${i}`, {
    label: `Zscaler ${i}`,
    connection: { baseUrl: `https://scim${i}.example.com` },
  }),
);

interface Case {
  name: string;
  limit: number;
  /** Default 1 s. */
  windowMs?: number;
  requests: number;
  maxConcurrency: number;
  sim: Partial<SimOptions>;
  /** Requests over the budget the client may put in one window; 0 = never over. */
  over: number;
  /** Start this many ms past a whole second (where windows end), so answers straddle the end. */
  startAtMs?: number;
}

const cases: Case[] = [
  {
    name: 'the limiter 2.3 s ahead of this host',
    limit: 20,
    requests: 30,
    maxConcurrency: 8,
    sim: { clock: { offsetMs: 2_300 } },
    over: 0,
  },
  {
    name: 'the limiter 1.7 s behind this host',
    limit: 20,
    requests: 30,
    maxConcurrency: 8,
    sim: { clock: { offsetMs: -1_700 } },
    over: 0,
  },
  {
    // A probe, then 4 that fill both the budget and the slots: the window (ending 2 s after the start)
    // is over, as far as Date can tell, before their answers come, and no timer is armed.
    name: 'answers taking 1.2 s, every slot busy when the window ends',
    limit: 10,
    requests: 15,
    maxConcurrency: 4,
    sim: { faults: { latencyMs: 1200 } },
    startAtMs: 10,
    over: 0,
  },
  {
    // Inconsistent server clocks: nothing can be exact, but the damage is one probe and it is learnt.
    name: 'the Date header 1.5 s ahead of the limiter',
    limit: 20,
    requests: 30,
    maxConcurrency: 8,
    sim: { clock: { dateAheadMs: 1_500 } },
    over: 2,
  },
];

vi.setConfig({ maxConcurrency: 4, testTimeout: 30_000 });

describe.concurrent('pacing with skewed clocks and slow answers', () => {
  it.for(cases)('$name', async (c, { expect, onTestFinished }) => {
    const budget = Math.floor((c.limit * SHARE) / 100);
    const sim = await startOktaSim({
      apps,
      rateLimits: { 'apps-star': { limit: c.limit, windowMs: c.windowMs ?? 1000 } },
      ...c.sim,
    });
    const client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
      rateLimitShare: SHARE,
      maxConcurrency: c.maxConcurrency,
    });
    onTestFinished(async () => {
      await client.close();
      await sim.close();
    });

    if (c.startAtMs !== undefined) await sleep((1000 + c.startAtMs - (Date.now() % 1000)) % 1000);
    const read = await Promise.all(
      Array.from({ length: c.requests }, (_, i) => client.getConnection(apps[i % apps.length]!.id)),
    );

    expect(read.map((connection) => connection.baseUrl)).toEqual(
      Array.from({ length: c.requests }, (_, i) => `https://scim${i % apps.length}.example.com`),
    );
    const counts = sim.windowCounts('apps-star');
    expect(counts.reduce((a, b) => a + b, 0)).toBe(c.requests);
    expect(sim.requests.filter((r) => r.status === 429)).toEqual([]);
    const overWindows = counts.filter((count) => count > budget);
    expect(overWindows.length).toBeLessThanOrEqual(c.over > 0 ? 1 : 0);
    expect(Math.max(...counts)).toBeLessThanOrEqual(budget + c.over);
    // The windows are used, not trickled through one request at a time.
    expect(counts.length).toBeLessThanOrEqual(Math.ceil(c.requests / budget) + 2);
  });
});
