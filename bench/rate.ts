/**
 * One org size: starts the sim with N connected apps, runs plan then apply in the client process, and
 * compares each phase's wall time with the bound its buckets allow. Each phase starts in fresh windows,
 * 100 ms after a whole second, so runs repeat.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { generateApps, startOktaSim, type OktaSim } from '../sim/server.js';
import { budgetOf, ceilToSecond, phaseBound, type BucketDemand, type PhaseBound } from './bound.js';
import type { BenchConfig, RateBucket } from './config.js';
import { writeDefinitionFiles } from './definitions.js';
import { applyDemand, planDemand } from './demand.js';
import type { ApplyResult, ChildMessage, ParentMessage, PlanResult } from './protocol.js';
import { bucketUse, type BucketUse } from './windows.js';

const PHASE_OFFSET_MS = 100;
const BUCKETS: RateBucket[] = ['apps-star', 'apps-id'];

export interface PhaseFigures {
  n: number;
  phase: 'plan' | 'apply';
  wallMs: number;
  bound: PhaseBound;
  /** wall / bound. */
  ratio: number;
  buckets: (BucketUse & { needed: number; budget: number; limit: number })[];
  /** Requests beyond what the phase needs, all buckets. */
  extraRequests: number;
  rateLimited: number;
  /** The client process's resident set size at the phase start, and its peak during the phase. */
  startRssBytes: number;
  peakRssBytes: number;
  /** Connections planned with changes (plan) or applied (apply), and failures. */
  done: number;
  failed: number;
}

/** `client`: the bundled bench/client.ts (see client-bundle.ts). */
export async function runRateScenario(
  n: number,
  config: BenchConfig,
  client: string,
): Promise<PhaseFigures[]> {
  const apps = generateApps(n, { withConnections: n, seed: 1 });
  const workspace = await mkdtemp(path.join(tmpdir(), 'oac-bench-'));
  const sim = await startOktaSim({
    apps,
    rateLimits: config.limits,
    faults: { latencyMs: config.latencyMs },
  });
  const child = fork(client, { execArgv: [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const written = await writeDefinitionFiles(apps, path.join(workspace, 'okta/connections'));
    const ready = await ask(child, {
      type: 'init',
      url: sim.url,
      apiToken: sim.apiToken,
      workspace,
      share: config.share,
      maxConcurrency: config.maxConcurrency,
    });
    if (ready.type !== 'ready' || ready.definitions !== written) {
      throw new Error(`client loaded ${JSON.stringify(ready)} of ${written} definitions`);
    }

    await sleep(nextPhaseStart([]) - Date.now());
    let from = sim.requests.length;
    const plan = (await ask(child, { type: 'plan' })) as PlanResult;
    const planFigures = figures(sim, from, n, 'plan', plan, planDemand(n, config), config);

    await sleep(nextPhaseStart(planFigures.buckets) - Date.now());
    from = sim.requests.length;
    const apply = (await ask(child, { type: 'apply' })) as ApplyResult;
    const applyDemands = applyDemand(plan.applyRequests, config);
    return [planFigures, figures(sim, from, n, 'apply', apply, applyDemands, config)];
  } finally {
    child.send({ type: 'exit' } satisfies ParentMessage);
    await sim.close();
    await rm(workspace, { recursive: true, force: true });
  }
}

function figures(
  sim: OktaSim,
  from: number,
  n: number,
  phase: PhaseFigures['phase'],
  result: PlanResult | ApplyResult,
  demands: BucketDemand[],
  config: BenchConfig,
): PhaseFigures {
  const records = sim.requests.slice(from);
  const wallMs = result.endedAt - result.startedAt;
  const bound = phaseBound(demands, result.startedAt, {
    share: config.share,
    maxConcurrency: config.maxConcurrency,
    latencyMs: config.latencyMs,
  });
  const buckets = BUCKETS.map((bucket) => {
    const { limit, windowMs } = config.limits[bucket];
    const needed = demands.find((demand) => demand.bucket === bucket)?.requests ?? 0;
    return {
      ...bucketUse(sim, records, bucket, windowMs),
      needed,
      limit,
      budget: budgetOf(limit, config.share),
    };
  });
  const answered = records.filter((record) => record.status !== 429).length;
  return {
    n,
    phase,
    wallMs,
    bound,
    ratio: wallMs / bound.boundMs,
    buckets,
    extraRequests: answered - demands.reduce((sum, demand) => sum + demand.requests, 0),
    rateLimited: records.filter((record) => record.status === 429).length,
    startRssBytes: result.startRss,
    peakRssBytes: result.peakRss,
    done: result.type === 'plan' ? result.changes : result.applied,
    failed: result.type === 'plan' ? result.errors : result.failed,
  };
}

/** After every window the last phase used has ended: PHASE_OFFSET_MS past the next whole second. */
function nextPhaseStart(used: readonly BucketUse[]): number {
  const ends = used.flatMap((bucket) => bucket.windows.map((window) => window.endsAt));
  return ceilToSecond(Math.max(Date.now(), ...ends)) + PHASE_OFFSET_MS;
}

/** Sends one message to the client and waits for its answer. */
function ask(child: ChildProcess, message: ParentMessage): Promise<ChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (answer: ChildMessage) => {
      child.off('exit', onExit);
      if (answer.type === 'error') reject(new Error(`bench client: ${answer.message}`));
      else resolve(answer);
    };
    const onExit = (code: number | null) => {
      child.off('message', onMessage);
      reject(new Error(`bench client exited (${code}) during ${message.type}`));
    };
    child.once('message', onMessage);
    child.once('exit', onExit);
    child.send(message);
  });
}
