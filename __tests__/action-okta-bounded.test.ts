/**
 * The action as the runner starts it ends in bounded time: against an Okta that hangs, and right after its
 * last answer (no timer, socket or pacer keeps it alive).
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it, type TestContext } from 'vitest';
import { DEFINITION_ENV, writeDefinitionFiles } from '../bench/definitions.js';
import { generateApps, startOktaSim, type OktaSim, type SimApp, type SimOptions } from '../sim/server.js';
import { REQUEST_DEADLINE_ENV } from '../src/run/okta.js';
import { runAction, type ActionRun } from './helpers/run-action.js';

async function planAgainst(
  context: TestContext,
  apps: SimApp[],
  simOptions: SimOptions,
  env: Record<string, string> = {},
): Promise<{ sim: OktaSim; run: ActionRun; exitedAt: number }> {
  const sim = await startOktaSim({ apps, ...simOptions });
  context.onTestFinished(() => sim.close());
  const workspace = await mkdtemp(path.join(tmpdir(), 'oac-bounded-'));
  await writeDefinitionFiles(apps, path.join(workspace, 'okta/connections'));
  const run = await runAction({
    workspace,
    inputs: { command: 'plan', 'okta-org-url': sim.url, 'okta-api-token': sim.apiToken },
    env: { ...DEFINITION_ENV, ...env },
  });
  return { sim, run, exitedAt: Date.now() };
}

describe.concurrent('the action ends in bounded time', () => {
  it('a plan against an Okta that never answers about half the connections fails within minutes and says why', async (context) => {
    const { expect } = context;
    const apps = generateApps(30, { withConnections: 30, seed: 4 });
    const stalled = apps.filter((_, index) => index % 2 === 1).map((app) => app.id);
    const started = Date.now();
    const { sim, run, exitedAt } = await planAgainst(
      context,
      apps,
      {
        faults: {
          hangNext: { count: Infinity, path: new RegExp(`^/api/v1/apps/(${stalled.join('|')})(/|$)`) },
        },
      },
      // Production waits 60 s for an answer; the test waits 1 s.
      { [REQUEST_DEADLINE_ENV]: '1000' },
    );

    expect(exitedAt - started).toBeLessThan(180_000);
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs['failure-reason']).toBe('okta-unreachable');
    const plan = JSON.parse(await readFile(run.outputs['plan-file']!, 'utf8')) as {
      connections: { appId: string; error?: { code?: string; message: string } }[];
    };
    const notRead = plan.connections.filter((connection) => connection.error?.code === 'okta-unreachable');
    // Every stalled connection, and whatever was queued behind them when the breaker opened.
    expect(notRead.map((connection) => connection.appId)).toEqual(expect.arrayContaining(stalled));
    expect(
      plan.connections.filter((connection) => connection.error && !notRead.includes(connection)),
    ).toEqual([]);
    expect(run.outputs.errors).toBe(String(notRead.length));
    const errors = run.annotations.filter((annotation) => annotation.level === 'error');
    expect(errors.map((annotation) => annotation.message)).toContain(
      `Okta did not answer within 1 s; ${notRead.length} connections were not read`,
    );
    expect(run.stdout).toContain('Okta did not answer within 1 s (');
    expect(notRead[0]!.error!.message).toMatch(/^Okta did not answer within 1 s: GET \/api\/v1\/apps\/0oa/);
    // Bounded by the breaker, not by the number of connections: few requests went unanswered.
    expect(sim.requests.filter((request) => request.status === 0).length).toBeLessThanOrEqual(16);
  });

  it('the process exits within seconds of its last answer, however long the rate-limit window', async (context) => {
    const { expect } = context;
    // 6 connection reads at 4 per 10 s window (share 50 %): the second window serves the last two.
    const apps = generateApps(6, { withConnections: 6, seed: 5 });
    const { sim, run, exitedAt } = await planAgainst(context, apps, {
      rateLimits: { 'apps-star': { limit: 8, windowMs: 10_000 } },
    });

    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs.errors).toBe('0');
    expect(sim.requests.every((request) => request.answeredAt !== undefined)).toBe(true);
    const lastAnswer = Math.max(...sim.requests.map((request) => request.answeredAt!));
    // Before the fix it idled until its window timer fired, a whole window (10 s) after the last answer.
    expect(exitedAt - lastAnswer).toBeLessThan(3_000);
  });
});
