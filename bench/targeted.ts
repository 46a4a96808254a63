/**
 * The targeted plan: a pull request that changes 1 of 300 connections, planned through the real use case
 * (src/run/plan.ts runPlan, `scope: auto` on `pull_request`) in a git checkout of GitHub's merge commit.
 * Counts the Okta requests the simulator saw, against a plan of everything (`scope: all`).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateApps, startOktaSim, type OktaSim } from '../sim/server.js';
import { scopeOfEvent } from '../src/github/scope.js';
import { silentLogger } from '../src/log.js';
import { runPlan } from '../src/run/plan.js';
import type { PlanSettings, ScopeSetting } from '../src/run/settings.js';
import { SecretRegistry } from '../src/secrets.js';
import type { BenchConfig } from './config.js';
import { DEFINITION_ENV, writeDefinitionFiles } from './definitions.js';

const PATH = 'okta/connections';
const UNLIMITED = { limit: 1_000_000_000, windowMs: 1000 };

export interface TargetedFigures {
  /** Connections defined, and changed by the pull request. */
  connections: number;
  changed: number;
  /** Okta requests (token requests excluded) of the targeted plan, and of a plan of everything. */
  targetedRequests: number;
  fullRequests: number;
  /** Connections the targeted plan read, and those it left to the scheduled drift check. */
  planned: number;
  unread: number;
}

const run = promisify(execFile);

/** git with a fixed identity and no user or system configuration. */
async function git(cwd: string, ...args: string[]): Promise<string> {
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: cwd,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
  };
  return (await run('git', args, { cwd, env })).stdout.trim();
}

/**
 * A checkout as actions/checkout makes it for a pull request: GitHub's merge commit, whose first parent is
 * the base branch and second the pull request's head, where the head changed one definition's base URL.
 */
async function pullRequestCheckout(dir: string, n: number): Promise<{ base: string; head: string }> {
  const apps = generateApps(n, { withConnections: n, seed: 1 });
  await writeDefinitionFiles(apps, path.join(dir, PATH));
  await git(dir, 'init', '-q', '-b', 'main');
  await git(dir, 'add', '-A', '.');
  await git(dir, 'commit', '-q', '-m', 'base');
  const base = await git(dir, 'rev-parse', 'HEAD');
  await git(dir, 'checkout', '-q', '-b', 'change-one');
  const file = path.join(dir, PATH, 'bench-000.yaml');
  const text = await readFile(file, 'utf8');
  const changed = text.replace('https://scim-0.bench.example.com/', 'https://scim-0.changed.example.com/');
  if (changed === text) throw new Error('bench: the first definition has no base URL to change');
  await writeFile(file, changed);
  await git(dir, 'commit', '-q', '-am', 'change one connection');
  const head = await git(dir, 'rev-parse', 'HEAD');
  await git(dir, 'checkout', '-q', '--detach', base);
  await git(dir, 'merge', '-q', '--no-ff', '-m', 'Merge change-one into main', head);
  return { base, head };
}

async function countPlanRequests(
  sim: OktaSim,
  workspace: string,
  scope: ScopeSetting,
  payload: { pull_request: { base: { sha: string }; head: { sha: string } } },
  config: BenchConfig,
) {
  const settings: PlanSettings = {
    path: PATH,
    workspace,
    visibleEnv: [],
    okta: {
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      rateLimitShare: config.share,
      maxConcurrency: config.maxConcurrency,
    },
    scope: await scopeOfEvent(scope, { name: 'pull_request', payload }, workspace),
    rotateSecrets: [],
  };
  const from = sim.requests.length;
  const ports = { env: DEFINITION_ENV, secrets: new SecretRegistry(), logger: silentLogger };
  const outcome = await runPlan(settings, ports);
  if (outcome.kind !== 'planned') throw new Error('bench: the definitions of the targeted plan are invalid');
  const requests = sim.requests.slice(from).filter((request) => request.bucket !== 'token').length;
  return { requests, plan: outcome.plan };
}

export async function runTargetedPlan(n: number, config: BenchConfig): Promise<TargetedFigures> {
  const workspace = await mkdtemp(path.join(tmpdir(), 'oac-bench-targeted-'));
  const apps = generateApps(n, { withConnections: n, seed: 1 });
  const sim = await startOktaSim({ apps, rateLimits: { 'apps-star': UNLIMITED, 'apps-id': UNLIMITED } });
  try {
    const { base, head } = await pullRequestCheckout(workspace, n);
    const payload = { pull_request: { base: { sha: base }, head: { sha: head } } };
    const targeted = await countPlanRequests(sim, workspace, 'auto', payload, config);
    const full = await countPlanRequests(sim, workspace, 'all', payload, config);
    if (targeted.plan.scope?.mode !== 'changed') {
      throw new Error(
        `bench: the targeted plan read everything (${targeted.plan.scope?.fallback ?? 'no scope'})`,
      );
    }
    return {
      connections: n,
      changed: targeted.plan.connections.filter((c) => c.operations.length > 0).length,
      targetedRequests: targeted.requests,
      fullRequests: full.requests,
      planned: targeted.plan.connections.length,
      unread: targeted.plan.scope.unread,
    };
  } finally {
    await sim.close();
    await rm(workspace, { recursive: true, force: true });
  }
}
