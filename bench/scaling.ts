/**
 * The scaling run: what `plan` costs per connection as the org grows, with the rate limit out of the way
 * (unlimited simulator buckets, no added latency) and one secret per connection that holds one. Each size
 * runs in a fresh client process (the bundled bench/client.ts) so its peak memory is its own.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApps, startOktaSim } from '../sim/server.js';
import type { BenchConfig } from './config.js';
import { definitionEnv, writeDefinitionFiles } from './definitions.js';
import type { ChildMessage, ParentMessage, ScaleResult, StepTime } from './protocol.js';

const UNLIMITED = { limit: 1_000_000_000, windowMs: 1000 };

export type ScalingFigures = Omit<ScaleResult, 'type'> & { n: number };

export async function runScalingScenario(
  n: number,
  config: BenchConfig,
  client: string,
): Promise<ScalingFigures> {
  const apps = generateApps(n, { withConnections: n, seed: 1 });
  const workspace = await mkdtemp(path.join(tmpdir(), 'oac-bench-scale-'));
  const sim = await startOktaSim({ apps, rateLimits: { 'apps-star': UNLIMITED, 'apps-id': UNLIMITED } });
  const child = fork(client, { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const options = { secretPerConnection: true } as const;
    const written = await writeDefinitionFiles(apps, path.join(workspace, 'okta/connections'), options);
    const answer = await new Promise<ChildMessage>((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', (code) => reject(new Error(`bench client exited (${code}) during the scaling run`)));
      child.send({
        type: 'scale',
        url: sim.url,
        apiToken: sim.apiToken,
        workspace,
        env: definitionEnv(written, options),
        maxConcurrency: config.maxConcurrency,
      } satisfies ParentMessage);
    });
    if (answer.type === 'error') throw new Error(`bench client: ${answer.message}`);
    if (answer.type !== 'scaled' || answer.connections !== written) {
      throw new Error(`bench client planned ${JSON.stringify(answer)} of ${written} definitions`);
    }
    const { type: _type, ...figures } = answer;
    return { n, ...figures };
  } finally {
    child.send({ type: 'exit' } satisfies ParentMessage);
    await sim.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

/** Wall time of the whole run (load, plan, reports, plan file). */
export function totalMs(figures: ScalingFigures): number {
  return sum([figures.load, figures.plan, figures.render, figures.planFile], 'wallMs');
}

/** CPU time of the whole run. */
export function totalCpuMs(figures: ScalingFigures): number {
  return sum([figures.load, figures.plan, figures.render, figures.planFile], 'cpuMs');
}

function sum(steps: StepTime[], field: keyof StepTime): number {
  return steps.reduce((total, time) => total + time[field], 0);
}

/**
 * How much worse than linear `value` grows from the smallest run to this one: 1 = linear (10 times the
 * connections, 10 times the time), 2 = twice what linear growth would give.
 */
export function ratioToLinear(
  rows: readonly ScalingFigures[],
  row: ScalingFigures,
  value: (row: ScalingFigures) => number,
): number {
  const base = rows.reduce((smallest, other) => (other.n < smallest.n ? other : smallest));
  return value(row) / value(base) / (row.n / base.n);
}
