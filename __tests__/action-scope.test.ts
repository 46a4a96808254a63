import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimApp } from '../sim/types.js';
import {
  expectNoSecrets,
  markerOf,
  planComments,
  PR_NUMBER,
  SECRET_ENV,
  startE2E,
  type E2E,
} from './helpers/e2e.js';
import { makeRepo, type Repo } from './helpers/git-repo.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

/** 300 connections in 10 files; the pull request changes one of them. */
const COUNT = 300;
const PER_FILE = 30;
const CHANGED = 42;
const TOKEN = 'scim-Tok3n-for-all-300-apps-5d4c3b2a19f8e7d6';

const id = (n: number) => `0oa${String(n).padStart(17, '0')}`;
const url = (n: number, version = 'v2') => `https://scim${n}.example.com/scim/${version}`;

function definitionFile(first: number, version: (n: number) => string = () => 'v2'): string {
  const lines = ['connections:'];
  for (let n = first; n < first + PER_FILE; n++) {
    lines.push(
      `  - id: ${id(n)}`,
      `    name: App ${n}`,
      `    action: activate`,
      `    base_url: ${url(n, version(n))}`,
      `    profile: { auth_scheme: TOKEN, token: { env: SCIM_TOKEN } }`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const fileOf = (n: number) =>
  `okta/connections/team-${String(Math.floor(n / PER_FILE)).padStart(2, '0')}.yaml`;

/** Okta as the base definitions describe it, except that someone disabled the changed app's connection. */
function org(): SimApp[] {
  return Array.from({ length: COUNT }, (_, n) =>
    zscalerToken(id(n), {
      label: `App ${n}`,
      connection: { status: n === CHANGED ? 'DISABLED' : 'ENABLED', baseUrl: url(n) },
    }),
  );
}

let repo: Repo;
const commits: Record<string, string> = {};
let e2e: E2E;

beforeAll(async () => {
  repo = await makeRepo();
  const files: Record<string, string> = {};
  for (let first = 0; first < COUNT; first += PER_FILE) files[fileOf(first)] = definitionFile(first);
  commits.base = await repo.commit(files, 'base: 300 connections');
  await repo.git('checkout', '-q', '-b', 'pr');
  const first = CHANGED - (CHANGED % PER_FILE);
  commits.head = await repo.commit(
    { [fileOf(CHANGED)]: definitionFile(first, (n) => (n === CHANGED ? 'v3' : 'v2')) },
    'move app 42 to SCIM v3',
  );
  // GitHub's refs/pull/N/merge, and the merge commit the merge button makes.
  await repo.git('checkout', '-q', '-b', 'pull-merge', commits.base);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'pr');
  commits.pullMerge = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '-q', 'main');
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'pr');
  commits.merged = await repo.git('rev-parse', 'HEAD');
}, 60_000);

afterAll(async () => repo?.cleanup());
afterEach(async () => e2e?.close());

const env = { ...SECRET_ENV, SCIM_TOKEN: TOKEN };

async function start(): Promise<E2E> {
  e2e = await startE2E({
    sim: {
      apps: org(),
      // Room for the fallback's full read; the targeted plan never comes near a limit.
      rateLimits: {
        'apps-id': { limit: 10_000, windowMs: 60_000 },
        'apps-star': { limit: 10_000, windowMs: 60_000 },
      },
    },
  });
  e2e.github.state.pull(PR_NUMBER)!.headSha = commits.head!;
  e2e.secrets.push(TOKEN);
  return e2e;
}

function pullRequest(workspace: string) {
  return e2e.pullRequest({
    workspace,
    sha: commits.pullMerge,
    env,
    payload: {
      action: 'synchronize',
      pull_request: { number: PR_NUMBER, head: { sha: commits.head }, base: { sha: commits.base } },
      repository: { default_branch: 'main', full_name: 'acme/okta-config' },
    },
  });
}

/** Okta requests other than for an OAuth token. */
const oktaRequests = () => e2e.sim.requests.filter((request) => request.bucket !== 'token');

describe('scope: auto in the action: a pull request that changes 1 of 300 connections', () => {
  it('reads only that connection, says where each change comes from, and the merge applies the reviewed plan', async () => {
    await start();
    const plan = await pullRequest(await repo.clone('pull-merge', 2));
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    // Two requests instead of 600: the changed app and its connection.
    expect(oktaRequests().map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /api/v1/apps/${id(CHANGED)}`,
      `GET /api/v1/apps/${id(CHANGED)}/connections/default`,
    ]);
    expect(plan.outputs).toMatchObject({
      changes: 'true',
      'to-configure': '1',
      'to-activate': '1',
      unchanged: '0',
    });

    const comment = planComments(e2e.github)[0]!.body;
    for (const report of [comment, plan.summary]) {
      expect(report).toContain(`299 unchanged definitions were not read`);
      // The pull request's change unmarked; the drift in its own section, marked.
      const [changes, drift] = report.split('#### Changes made in Okta outside this repository');
      expect(changes).toMatch(
        /base_url: .*scim42\.example\.com\/scim\/v2.*→.*scim42\.example\.com\/scim\/v3/,
      );
      expect(changes).not.toContain('from this pull request');
      expect(drift).toMatch(/status: .*DISABLED.*→.*ENABLED/);
    }
    const planFile = JSON.parse(await readFile(plan.outputs['plan-file']!, 'utf8'));
    expect(planFile.scope).toEqual({
      mode: 'changed',
      base: commits.base,
      head: commits.pullMerge,
      unread: 299,
    });

    // The merge: a push from the commit before (the base) to the merge commit, checked out with fetch-depth 2.
    const pull = e2e.github.state.pull(PR_NUMBER)!;
    pull.mergeCommitSha = commits.merged!;
    pull.mergedAt = e2e.github.state.now();
    e2e.github.state.issue(PR_NUMBER)!.state = 'closed';
    const before = e2e.sim.requests.length;
    const apply = await e2e.push({
      workspace: await repo.clone('main', 2),
      sha: commits.merged,
      env,
      payload: {
        before: commits.base,
        after: commits.merged,
        repository: { default_branch: 'main', full_name: 'acme/okta-config' },
      },
    });
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.outputs).toMatchObject({
      'plan-hash': plan.outputs['plan-hash'],
      applied: '1',
      failed: '0',
    });
    const applyRequests = e2e.sim.requests.slice(before).filter((request) => request.bucket !== 'token');
    // The same two reads, and one configure that also activates.
    expect(applyRequests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /api/v1/apps/${id(CHANGED)}`,
      `GET /api/v1/apps/${id(CHANGED)}/connections/default`,
      `POST /api/v1/apps/${id(CHANGED)}/connections/default`,
    ]);
    expect(e2e.sim.apps.get(id(CHANGED))!.connection).toMatchObject({
      status: 'ENABLED',
      baseUrl: url(CHANGED, 'v3'),
    });
    expect(markerOf(planComments(e2e.github)[0]!.body)).toMatchObject({
      state: 'applied',
      planHash: plan.outputs['plan-hash'],
    });
    for (const run of [plan, apply])
      await expectNoSecrets(run, e2e.secrets, [planComments(e2e.github)[0]!.body]);
  });

  it('reads all 300 and says why when the checkout lacks the base commit (fetch-depth 1)', async () => {
    await start();
    const plan = await pullRequest(await repo.clone('pull-merge', 1));
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    const reads = oktaRequests();
    expect(new Set(reads.map((request) => request.path.split('/')[4])).size).toBe(COUNT);
    const reason = `the pull request's base commit ${commits.base!.slice(0, 7)} is not in the checkout (set fetch-depth: 2 on actions/checkout)`;
    expect(plan.summary).toContain(reason);
    expect(planComments(e2e.github)[0]!.body).toContain(reason);
    // Without the base there is no telling where a change comes from.
    expect(plan.summary).not.toContain('outside this repository');
  });
});
