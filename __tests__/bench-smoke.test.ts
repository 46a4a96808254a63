/**
 * The bench's parts, fast and without timing: the bound arithmetic (bench/bound.ts), request counting
 * (bench/demand.ts), the scaling run's definitions and ratios (bench/scaling.ts), and the targeted plan's
 * request count (bench/targeted.ts) on a small org.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateApps } from '../sim/server.js';
import { registerWriteOnlySecrets, resolveDefinitions } from '../src/definitions/env.js';
import { loadDefinitions } from '../src/definitions/load.js';
import { SecretRegistry } from '../src/secrets.js';
import {
  budgetOf,
  bucketBound,
  cadenceMs,
  ceilToSecond,
  phaseBound,
  windowsNeeded,
  type BoundSettings,
} from '../bench/bound.js';
import { DEFAULT_CONFIG } from '../bench/config.js';
import { definitionEnv, writeDefinitionFiles } from '../bench/definitions.js';
import { applyDemand, applyRequestsOf, planDemand } from '../bench/demand.js';
import { ratioToLinear, type ScalingFigures } from '../bench/scaling.js';
import { scalingTable } from '../bench/table.js';
import { runTargetedPlan } from '../bench/targeted.js';

const settings: BoundSettings = { share: 50, maxConcurrency: 8, latencyMs: 30 };
/** 100 ms after a whole second. */
const START = 1_700_000_000_100;

describe('budget and windows', () => {
  it('takes floor(limit × share / 100), at least one', () => {
    expect(budgetOf(400, 50)).toBe(200);
    expect(budgetOf(199, 50)).toBe(99);
    expect(budgetOf(100, 33)).toBe(33);
    expect(budgetOf(1, 50)).toBe(1);
  });

  it('needs ceil(requests / budget) windows', () => {
    expect(windowsNeeded(0, 200)).toBe(0);
    expect(windowsNeeded(200, 200)).toBe(1);
    expect(windowsNeeded(201, 200)).toBe(2);
    expect(windowsNeeded(2000, 200)).toBe(10);
  });

  it('rounds window ends up to whole seconds', () => {
    expect(ceilToSecond(START)).toBe(1_700_000_001_000);
    expect(ceilToSecond(1_700_000_001_000)).toBe(1_700_000_001_000);
    expect(cadenceMs(1000)).toBe(2000);
  });
});

describe('bucketBound', () => {
  const star = { bucket: 'apps-star', limit: 400, windowMs: 1000 };

  it('is only the round trips when one window is enough', () => {
    // 100 requests through 8 slots: 13 round trips of 30 ms.
    expect(bucketBound({ ...star, requests: 100 }, START, settings)).toMatchObject({
      budget: 200,
      windows: 1,
      boundMs: 390,
      nominalMs: 390,
    });
  });

  it('is zero without requests', () => {
    expect(bucketBound({ ...star, requests: 0 }, START, settings).boundMs).toBe(0);
  });

  it('waits for the first window to end on a whole second, then a window + 1 s per window', () => {
    // 2000 requests at 200 per window: 10 windows. The first ends at the whole second >= start + 1 s
    // (1.9 s after the start), eight more take 2 s each, the last 200 need 25 round trips.
    const bound = bucketBound({ ...star, requests: 2000 }, START, settings);
    expect(bound.windows).toBe(10);
    expect(bound.boundMs).toBe(1900 + 8 * 2000 + 750);
    expect(bound.nominalMs).toBe(9 * 1000 + 750);
  });

  it('counts only the requests of the last window in its tail', () => {
    // 201 requests: the first window takes 200, the second only 1 (one round trip).
    expect(bucketBound({ ...star, requests: 201 }, START, settings).boundMs).toBe(1900 + 30);
  });

  it('has a first window of exactly windowMs when the phase starts on a whole second', () => {
    expect(bucketBound({ ...star, requests: 400 }, 1_700_000_001_000, settings).boundMs).toBe(1000 + 750);
  });
});

describe('phaseBound', () => {
  it('is limited by concurrency when every bucket fits in one window', () => {
    const bound = phaseBound(planDemand(100, DEFAULT_CONFIG), START, settings);
    // 200 requests through 8 slots: 25 round trips; each bucket alone needs 13.
    expect(bound.concurrencyMs).toBe(750);
    expect(bound.boundMs).toBe(750);
    expect(bound.limitedBy).toBe('concurrency');
  });

  it('is limited by the bucket that needs the most windows', () => {
    const bound = phaseBound(planDemand(2000, DEFAULT_CONFIG), START, settings);
    expect(bound.buckets.map((b) => [b.bucket, b.windows])).toEqual([
      ['apps-star', 10],
      ['apps-id', 4],
    ]);
    expect(bound.limitedBy).toBe('apps-star');
    expect(bound.boundMs).toBe(18_650);
    // Windows of exactly 1 s would leave concurrency as the limit: 4000 requests, 500 round trips.
    expect(bound.nominalMs).toBe(15_000);
  });

  it('puts all of apply in apps-star', () => {
    const bound = phaseBound(applyDemand(4000, DEFAULT_CONFIG), START, settings);
    expect(bound.buckets.find((b) => b.bucket === 'apps-id')?.boundMs).toBe(0);
    expect(bound.boundMs).toBe(1900 + 18 * 2000 + 750);
  });
});

describe('applyRequestsOf', () => {
  it('counts each write, configure+activate as one, and a re-read only after a lifecycle call', () => {
    expect(applyRequestsOf({ operations: ['configure', 'activate'] })).toBe(1);
    expect(applyRequestsOf({ operations: ['configure'] })).toBe(1);
    expect(applyRequestsOf({ operations: ['activate'] })).toBe(2);
    expect(applyRequestsOf({ operations: ['deactivate', 'configure'] })).toBe(2);
    expect(applyRequestsOf({ operations: ['configure', 'activate'], consentApp: true })).toBe(3);
  });

  it('adds the public key read after an Org2Org OAuth configure', () => {
    const desired = { status: 'ENABLED', authScheme: 'OAUTH2' } as const;
    expect(applyRequestsOf({ operations: ['configure'], appKind: 'okta_org2org', desired })).toBe(2);
    expect(applyRequestsOf({ operations: ['activate'], appKind: 'okta_org2org', desired })).toBe(2);
  });

  it('counts nothing for unchanged or failed connections', () => {
    expect(applyRequestsOf({ operations: [] })).toBe(0);
    expect(applyRequestsOf({ operations: ['configure'], error: { message: 'x' } })).toBe(0);
  });
});

describe('scaling run', () => {
  it('writes definitions that are valid and read a secret of their own', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'oac-bench-smoke-'));
    try {
      const apps = generateApps(20, { withConnections: 20, seed: 1 });
      const options = { secretPerConnection: true } as const;
      const written = await writeDefinitionFiles(apps, path.join(dir, 'okta/connections'), options);
      const loaded = await loadDefinitions('okta/connections', dir);
      expect(loaded.problems).toEqual([]);
      const env = definitionEnv(written, options);
      const resolved = resolveDefinitions(loaded.definitions, env);
      expect(resolved.problems).toEqual([]);
      const secrets = new SecretRegistry();
      registerWriteOnlySecrets(resolved.connections, env, secrets);
      const holders = resolved.connections.filter((c) => /token|admin_password/.test(JSON.stringify(c)));
      expect(holders.length).toBeGreaterThan(5);
      // Every holder's secret is its own: as many secrets as holders.
      const values = new Set(Object.values(env).filter((value) => secrets.has(value)));
      expect(values.size).toBe(holders.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  const step = (ms: number) => ({ wallMs: ms, cpuMs: ms });
  const row = (n: number, ms: number): ScalingFigures => ({
    n,
    connections: n,
    secrets: n,
    load: step(ms),
    plan: step(ms),
    render: step(ms),
    planFile: step(ms),
    startRss: 0,
    peakRss: ms * 1024 * 1024,
  });

  it('compares each size with the smallest: 1.00 is linear', () => {
    const rows = [row(10_000, 1000), row(1000, 100), row(20_000, 4000)];
    expect(ratioToLinear(rows, rows[0]!, (r) => r.plan.cpuMs)).toBe(1);
    expect(ratioToLinear(rows, rows[2]!, (r) => r.plan.cpuMs)).toBe(2);
    const table = scalingTable(rows).split('\n');
    const sizes = table.filter((_, i) => i !== 1).map((line) => line.split('|')[1]!.trim());
    expect(sizes).toEqual(['N', '1000', '10000', '20000']);
    expect(table.at(-1)).toMatch(/\|\s+2\.00 \|\s+2\.00 \|\s+2\.00 \|\s+2\.00 \|\s+2\.00 \|$/);
  });
});

describe('targeted plan', () => {
  it('reads only the connection a pull request changed', async () => {
    const figures = await runTargetedPlan(12, DEFAULT_CONFIG);
    expect(figures).toEqual({
      connections: 12,
      changed: 1,
      targetedRequests: 2,
      fullRequests: 24,
      planned: 1,
      unread: 11,
    });
  });
});
