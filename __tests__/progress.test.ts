/**
 * Progress of long runs: the lines a plan prints while it waits for Okta's rate-limit windows (over HTTP to
 * the simulator, with 1 s windows and a small bucket), and the reporter's wording and pacing (pure).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateApps, startOktaSim, type OktaSim } from '../sim/server.js';
import { resolveDefinitions } from '../src/definitions/env.js';
import { loadDefinitions } from '../src/definitions/load.js';
import type { Logger } from '../src/log.js';
import { OktaClient } from '../src/okta/client.js';
import { applyPlan } from '../src/resources/connection/apply.js';
import { planConnections } from '../src/plan/plan.js';
import type { RateLimitWait } from '../src/progress.js';
import { describeRateLimitWait, formatDuration } from '../src/okta/wait-text.js';
import { createProgressReporter } from '../src/render/progress.js';
import { SecretRegistry } from '../src/secrets.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

const CONNECTIONS = 12;

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** An org of token apps and their definitions, each changing nothing but its base URL. */
async function orgWithDefinitions(limits: { star: number }) {
  const apps = generateApps(CONNECTIONS, { withConnections: CONNECTIONS, seed: 5 }).map(
    ({ id, label, status }, i) =>
      zscalerToken(id, { label, status, connection: { baseUrl: `https://old-${i}.example.com` } }),
  );
  const yaml = apps
    .map((app, i) =>
      [
        `  - id: ${app.id}`,
        `    name: App ${i}`,
        `    base_url: https://new-${i}.example.com`,
        '    action: activate',
        '    profile:',
        '      auth_scheme: TOKEN',
        '      token: { env: SCIM_TOKEN }',
      ].join('\n'),
    )
    .join('\n');
  const dir = await mkdtemp(path.join(tmpdir(), 'oac-progress-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'okta/connections'), { recursive: true });
  await writeFile(path.join(dir, 'okta/connections/apps.yaml'), `connections:\n${yaml}\n`);
  const loaded = await loadDefinitions('okta/connections', dir);
  expect(loaded.problems).toEqual([]);
  const { connections } = resolveDefinitions(loaded.definitions, { SCIM_TOKEN: 'not-a-secret' });
  const sim = await startOktaSim({
    apps,
    rateLimits: {
      'apps-star': { limit: limits.star, windowMs: 1000 },
      'apps-id': { limit: 1000, windowMs: 1000 },
    },
  });
  return { sim, connections };
}

function client(sim: OktaSim, extra: Partial<ConstructorParameters<typeof OktaClient>[0]> = {}) {
  return new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets: new SecretRegistry(),
    readOnly: true,
    // The sim's windows last a second: announce waits from 200 ms, as real ones from 5 s.
    rateLimitWaitNoticeMs: 200,
    ...extra,
  });
}

describe.concurrent('progress of a plan that waits for rate-limit windows', () => {
  it('prints how many connections are read and every wait with its reason, ending with all read', async () => {
    // 12 connection reads at 4 a window (limit 8, share 50 %): the plan waits for two more windows.
    const { sim, connections } = await orgWithDefinitions({ star: 8 });
    const lines: string[] = [];
    const reporter = createProgressReporter({ write: (text) => lines.push(text) });
    const okta = client(sim, { onRateLimitWait: (wait) => reporter.waiting(wait) });
    try {
      const plan = await planConnections(okta, connections, {
        orgUrl: sim.url,
        path: 'okta/connections',
        env: {},
        progress: reporter.step('read'),
      });
      expect(plan.counts.toConfigure).toBe(CONNECTIONS);
    } finally {
      await okta.close();
      await sim.close();
    }

    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    const text = lines.map((line) => line.trimEnd());
    const waits = text.filter((line) => line.includes('waiting'));
    expect(waits.length).toBeGreaterThanOrEqual(1);
    for (const line of waits) {
      expect(line).toMatch(
        /^read \d+ of 12 connections; waiting [123] s for Okta's rate-limit window \(\/api\/v1\/apps\/\*: 4 a second at share 50 %\)(; about \d+ s left)?$/,
      );
    }
    // Counts only go up, and the last line says all were read, with nothing left to wait for.
    const counts = text.map((line) => Number(/^read (\d+) of/.exec(line)?.[1]));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(text.at(-1)).toBe('read 12 of 12 connections');
  });

  it('without a progress reporter, the client logs each announced wait', async () => {
    const { sim, connections } = await orgWithDefinitions({ star: 8 });
    const info: string[] = [];
    const logger: Logger = { debug: () => {}, info: (m) => info.push(m), warning: () => {}, error: () => {} };
    const okta = client(sim, { logger });
    try {
      await planConnections(okta, connections, { orgUrl: sim.url, path: 'okta/connections', env: {} });
    } finally {
      await okta.close();
      await sim.close();
    }
    expect(info.length).toBeGreaterThanOrEqual(1);
    for (const line of info) {
      expect(line).toMatch(
        /^waiting [123] s for Okta's rate-limit window \(\/api\/v1\/apps\/\*: 4 a second at share 50 %\)$/,
      );
    }
  });

  it('apply reports how many of the connections to change are done', async () => {
    const { sim, connections } = await orgWithDefinitions({ star: 1000 });
    const okta = client(sim, { readOnly: false });
    const calls: [number, number][] = [];
    try {
      const env = { SCIM_TOKEN: 'not-a-secret' };
      const plan = await planConnections(okta, connections, {
        orgUrl: sim.url,
        path: 'okta/connections',
        env,
      });
      // Two of them changed in the meantime: nothing left to do there.
      const unchanged = {
        ...plan,
        connections: plan.connections.map((c, i) => (i < 2 ? { ...c, operations: [] } : c)),
      };
      const report = await applyPlan(okta, unchanged, connections, {
        env,
        secrets: new SecretRegistry(),
        progress: (done, total) => calls.push([done, total]),
      });
      expect(report.applied).toBe(CONNECTIONS - 2);
    } finally {
      await okta.close();
      await sim.close();
    }
    expect(calls).toEqual(Array.from({ length: CONNECTIONS - 1 }, (_, i) => [i, CONNECTIONS - 2]));
  });

  it('announces a wait after a 429 as Okta refusing, not as our share', async () => {
    const { sim, connections } = await orgWithDefinitions({ star: 100 });
    sim.setFaults({ burst429: { count: 1, path: /\/connections\/default$/ } });
    const waits: RateLimitWait[] = [];
    const okta = client(sim, { onRateLimitWait: (wait) => waits.push(wait) });
    try {
      await planConnections(okta, connections.slice(0, 1), {
        orgUrl: sim.url,
        path: 'okta/connections',
        env: {},
      });
    } finally {
      await okta.close();
      await sim.close();
    }
    expect(waits.map((wait) => [wait.bucket, wait.reason])).toEqual([['apps-star', 'rate-limited']]);
    expect(describeRateLimitWait(waits[0]!)).toMatch(
      /^waiting [123] s: Okta answered 429 Too Many Requests \(\/api\/v1\/apps\/\*, limit 100 a second; other clients of the org use it too\)$/,
    );
  });
});

describe('createProgressReporter', () => {
  const wait: RateLimitWait = {
    bucket: 'apps-star',
    waitMs: 41_000,
    untilMs: 100_000 + 41_000,
    reason: 'share',
    share: 50,
    limit: 100,
    budget: 50,
    windowMs: 61_000,
  };

  function reporter(isTTY = false) {
    let now = 0;
    const out: string[] = [];
    const progress = createProgressReporter({ write: (text) => out.push(text), now: () => now, isTTY });
    return { progress, out, at: (ms: number) => (now = ms) };
  }

  it('prints a log line at each tenth of the work or after 5 s, the wait at once, and the estimate', () => {
    const { progress, out, at } = reporter();
    const read = progress.step('read');
    read(0, 1000);
    at(1_000);
    read(50, 1000);
    expect(out).toEqual([]);
    at(2_000);
    read(100, 1000);
    at(3_000);
    read(150, 1000);
    at(8_000);
    read(151, 1000);
    at(100_000);
    progress.waiting(wait);
    at(141_000);
    read(1000, 1000);
    expect(out).toEqual([
      'read 100 of 1,000 connections; about 18 s left\n',
      'read 151 of 1,000 connections; about 45 s left\n',
      "read 151 of 1,000 connections; waiting 41 s for Okta's rate-limit window (/api/v1/apps/*: 50 a minute at share 50 %); about 10 min left\n",
      'read 1,000 of 1,000 connections\n',
    ]);
  });

  it('counts a wait going on in the estimate, and the pace outside waits for the rest', () => {
    const { progress, out, at } = reporter();
    const read = progress.step('read');
    read(0, 10);
    at(2_000);
    read(8, 10);
    // Two left, read at 4 a second so far, but nothing goes before the window ends in 7 s.
    progress.waiting({ ...wait, waitMs: 7_000, untilMs: 9_000, budget: 4, windowMs: 7_000 });
    at(9_100);
    read(9, 10);
    at(9_200);
    // A second wait: the first one (7 s) is not counted as time spent reading.
    progress.waiting({ ...wait, waitMs: 6_000, untilMs: 15_200, budget: 4, windowMs: 7_000 });
    expect(out).toEqual([
      'read 8 of 10 connections; about 1 s left\n',
      "read 8 of 10 connections; waiting 7 s for Okta's rate-limit window (/api/v1/apps/*: 4 per 7 s at share 50 %); about 8 s left\n",
      'read 9 of 10 connections; about 2 s left\n',
      "read 9 of 10 connections; waiting 6 s for Okta's rate-limit window (/api/v1/apps/*: 4 per 7 s at share 50 %); about 7 s left\n",
    ]);
  });

  it('starts over for the next step, with its own count and estimate', () => {
    const { progress, out, at } = reporter();
    progress.step('read')(10, 10);
    at(10_000);
    const applied = progress.step('applied');
    applied(0, 4);
    at(12_000);
    applied(1, 4);
    // The read ended at once: no line for it in a log.
    expect(out).toEqual(['applied 1 of 4 connections; about 6 s left\n']);
  });

  it('on a terminal, updates one line in place and ends it', () => {
    const { progress, out, at } = reporter(true);
    const read = progress.step('read');
    read(0, 3);
    at(50);
    read(1, 3);
    at(60);
    read(2, 3);
    at(200);
    read(3, 3);
    progress.end();
    expect(out).toEqual([
      '\r\x1b[Kread 1 of 3 connections; about 1 s left',
      '\r\x1b[Kread 2 of 3 connections; about 1 s left',
      '\r\x1b[Kread 3 of 3 connections',
      '\n',
    ]);
  });

  it('words durations in seconds, then minutes', () => {
    expect(formatDuration(0)).toBe('1 s');
    expect(formatDuration(41_000)).toBe('41 s');
    expect(formatDuration(89_000)).toBe('89 s');
    expect(formatDuration(90_000)).toBe('2 min');
    expect(formatDuration(17 * 60_000)).toBe('17 min');
  });
});
