/**
 * How long the action process lives after its last Okta answer: the bundled action (from the sources) runs
 * a plan against the simulator as the runner starts it, and the time from the sim's last answer to the
 * process's exit is measured. Once with windows that never make the plan wait, and once with a window the
 * plan must wait for (its pacer's timer must not outlive the work).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateApps, startOktaSim, type BucketLimit } from '../sim/server.js';
import { DEFINITION_ENV, writeDefinitionFiles } from './definitions.js';
import { actionEnv } from './startup.js';

export interface ExitRow {
  name: string;
  connections: number;
  /** The process's whole run, start to exit. */
  runMs: number;
  /** From the simulator's last answer to the process's exit. */
  afterLastAnswerMs: number;
}

interface ExitCase {
  name: string;
  connections: number;
  starLimit: BucketLimit;
}

/** 12 connection reads: at 4 per 6 s window (limit 8, share 50 %) the plan waits for two windows. */
const CASES: ExitCase[] = [
  { name: 'plan, no rate-limit wait', connections: 12, starLimit: { limit: 100, windowMs: 60_000 } },
  { name: 'plan, waits for 6 s windows', connections: 12, starLimit: { limit: 8, windowMs: 6_000 } },
];

/** `action`: the bundled action (client-bundle.ts bundleAction). */
export async function runExitBench(action: string): Promise<ExitRow[]> {
  const rows: ExitRow[] = [];
  for (const exitCase of CASES) rows.push(await runCase(action, exitCase));
  return rows;
}

async function runCase(action: string, { name, connections, starLimit }: ExitCase): Promise<ExitRow> {
  const apps = generateApps(connections, { withConnections: connections, seed: 6 });
  const sim = await startOktaSim({ apps, rateLimits: { 'apps-star': starLimit } });
  const dir = await mkdtemp(path.join(tmpdir(), 'oac-bench-exit-'));
  try {
    await writeDefinitionFiles(apps, path.join(dir, 'okta/connections'));
    const env = {
      ...(await actionEnv(dir, { command: 'plan', 'okta-org-url': sim.url, 'okta-api-token': sim.apiToken })),
      ...DEFINITION_ENV,
    };
    const started = Date.now();
    const { code, exitedAt, output } = await run(action, env, dir);
    if (code !== 0) throw new Error(`${name}: the action failed (${code}):\n${output}`);
    const answers = sim.requests.map((request) => request.answeredAt);
    if (answers.some((at) => at === undefined)) throw new Error(`${name}: a request got no answer`);
    const lastAnswer = Math.max(...(answers as number[]));
    return { name, connections, runMs: exitedAt - started, afterLastAnswerMs: exitedAt - lastAnswer };
  } finally {
    await sim.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs `node action` and notes when the process exited (not when its output was read). */
function run(
  action: string,
  env: Record<string, string>,
  cwd: string,
): Promise<{ code: number | null; exitedAt: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [action], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer) => {
      // The tail is enough to say why a run failed.
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => {
      const exitedAt = Date.now();
      child.once('close', () => resolve({ code, exitedAt, output }));
    });
  });
}
