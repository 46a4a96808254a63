import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimApp } from '../sim/types.js';
import { markerOf, planComments, SECRET_ENV, startE2E, type E2E } from './helpers/e2e.js';
import { makeRepo, type Repo } from './helpers/git-repo.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

/**
 * Real git histories (merge, squash, rebase of several commits) checked out at fetch-depth 2, pull requests
 * planned on GitHub's merge refs, then pushes to main as GitHub would run them: the apply ledger lets a
 * later apply catch up a cancelled one, and a push carrying several pull requests applies each.
 */
const TOKEN = 'scim-Tok3n-for-the-ledger-apps-5d4c3b2a19f8';
const COUNT = 6;
const id = (n: number) => `0oa${String(n).padStart(17, '0')}`;
const url = (n: number, version = 'v2') => `https://scim${n}.example.com/scim/${version}`;
const FILE = (n: number) => `okta/connections/app-${n}.yaml`;

function definition(n: number, change: { version?: string; action?: string } = {}): string {
  return [
    'connections:',
    `  - id: ${id(n)}`,
    `    name: App ${n}`,
    `    action: ${change.action ?? 'activate'}`,
    `    base_url: ${url(n, change.version)}`,
    '    profile: { auth_scheme: TOKEN, token: { env: SCIM_TOKEN } }',
    '',
  ].join('\n');
}

function org(): SimApp[] {
  return Array.from({ length: COUNT }, (_, n) =>
    zscalerToken(id(n), { label: `App ${n}`, connection: { baseUrl: url(n) } }),
  );
}

interface PullSpec {
  number: number;
  branch: string;
  /** GitHub's refs/pull/N/merge at planning time. */
  pullMerge: string;
  head: string;
  base: string;
}

let repo: Repo;
const sha: Record<string, string> = {};
const pulls: Record<string, PullSpec> = {};
let e2e: E2E;

/** A branch off `from` with one commit per change, and GitHub's merge ref for it. */
async function branch(
  name: string,
  number: number,
  from: string,
  changes: Record<string, string>[],
): Promise<PullSpec> {
  await repo.git('checkout', '-q', '-b', name, from);
  let head = from;
  for (const files of changes) head = await repo.commit(files, `${name}: change`);
  await repo.git('checkout', '-q', '-b', `${name}-merge`, from);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', name);
  const pullMerge = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '-q', 'main');
  return { number, branch: name, pullMerge, head, base: from };
}

beforeAll(async () => {
  repo = await makeRepo();
  const files: Record<string, string> = {};
  for (let n = 0; n < COUNT; n++) files[FILE(n)] = definition(n);
  sha.base = await repo.commit(files, 'base');
  // Three quick merges: A (merge commit), B (deactivation, merge commit), C (squash).
  pulls.a = await branch('a', 21, sha.base, [{ [FILE(1)]: definition(1, { version: 'v3' }) }]);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'a');
  sha.mergeA = await repo.git('rev-parse', 'HEAD');
  pulls.b = await branch('b', 22, sha.mergeA, [{ [FILE(2)]: definition(2, { action: 'deactivate' }) }]);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'b');
  sha.mergeB = await repo.git('rev-parse', 'HEAD');
  pulls.c = await branch('c', 23, sha.mergeB, [{ [FILE(3)]: definition(3, { version: 'v3' }) }]);
  await repo.git('merge', '-q', '--squash', 'c');
  sha.mergeC = await repo.commit({}, 'c (squashed)');
  // A merge queue pushes D (merge commit) and E (rebase of two commits) at once.
  pulls.d = await branch('d', 24, sha.mergeC, [{ [FILE(4)]: definition(4, { version: 'v3' }) }]);
  pulls.e = await branch('e', 25, sha.mergeC, [
    { [FILE(5)]: definition(5, { version: 'v3' }) },
    { [FILE(5)]: definition(5, { version: 'v4' }) },
  ]);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'd');
  sha.mergeD = await repo.git('rev-parse', 'HEAD');
  await repo.git('cherry-pick', `${pulls.e.base}..e`);
  sha.mergeE = await repo.git('rev-parse', 'HEAD');
  sha.rebasedE1 = await repo.git('rev-parse', 'HEAD~1');
}, 60_000);

afterAll(async () => repo?.cleanup());
afterEach(async () => e2e?.close());

const env = { ...SECRET_ENV, SCIM_TOKEN: TOKEN };
const repository = { default_branch: 'main', full_name: 'acme/okta-config' };

async function plan(pull: PullSpec) {
  const run = await e2e.pullRequest({
    workspace: await repo.clone(`${pull.branch}-merge`, 2),
    sha: pull.pullMerge,
    env,
    payload: {
      action: 'synchronize',
      pull_request: { number: pull.number, head: { sha: pull.head }, base: { sha: pull.base } },
      repository,
    },
  });
  expect(run.code, run.stdout + run.stderr).toBe(0);
  return run;
}

function merge(pull: PullSpec, mergeCommit: string, commitShas: string[] = []) {
  const fake = e2e.github.state.pull(pull.number)!;
  fake.mergeCommitSha = mergeCommit;
  fake.mergedAt = e2e.github.state.now();
  fake.commitShas.push(...commitShas);
  e2e.github.state.issue(pull.number)!.state = 'closed';
}

async function push(before: string, after: string) {
  return e2e.push({
    workspace: await repo.clone(`main-at-${after.slice(0, 7)}`, 2),
    sha: after,
    env,
    payload: { before, after, repository },
  });
}

const environment = () => `okta: ${new URL(e2e.sim.url).host}/okta/connections`;
const stateOf = (number: number) => markerOf(planComments(e2e.github, number)[0]!.body).state;

describe('the apply ledger: every reviewed merge reaches Okta exactly once', () => {
  it('catches up a cancelled apply, applies every pull request of a merge-queue push, and leaves drift alone', async () => {
    e2e = await startE2E({ sim: { apps: org() } });
    e2e.secrets.push(TOKEN);
    for (const name of Object.keys(sha)) {
      if (name.startsWith('merge'))
        await repo.git('branch', '-f', `main-at-${sha[name]!.slice(0, 7)}`, sha[name]!);
    }
    e2e.github.state.loadCommits(await repo.git('rev-list', '--parents', '--all'));
    for (const pull of Object.values(pulls)) {
      e2e.github.state.addPull({ number: pull.number, headSha: pull.head, headRef: pull.branch });
    }

    // A: reviewed, merged, applied. The first apply has no ledger yet: it covers its own push and says so.
    await plan(pulls.a!);
    merge(pulls.a!, sha.mergeA!);
    const first = await push(sha.base!, sha.mergeA!);
    expect(first.code, first.stdout).toBe(0);
    expect(first.stdout).toContain('No earlier apply is recorded for this org and folder (first apply)');
    expect(first.outputs.applied).toBe('1');
    const [deployment] = e2e.github.state.deployments;
    expect(deployment).toMatchObject({ sha: sha.mergeA, environment: environment() });
    expect(deployment!.body).toMatchObject({ auto_merge: false, required_contexts: [] });
    expect(deployment!.statuses.map((s) => s.state)).toEqual(['in_progress', 'success']);
    expect(deployment!.statuses[1]).toMatchObject({
      logUrl: expect.stringMatching(/\/actions\/runs\/\d+$/),
      environmentUrl: e2e.sim.url,
    });

    // B and C: reviewed and merged quickly; B's apply was cancelled by the concurrency group.
    await plan(pulls.b!);
    merge(pulls.b!, sha.mergeB!);
    await plan(pulls.c!);
    merge(pulls.c!, sha.mergeC!);
    const catchUp = await push(sha.mergeB!, sha.mergeC!);
    expect(catchUp.code, catchUp.stdout).toBe(0);
    expect(catchUp.outputs.applied).toBe('2');
    expect(e2e.sim.apps.get(id(2))!.connection!.status).toBe('DISABLED');
    expect(e2e.sim.apps.get(id(3))!.connection!.baseUrl).toBe(url(3, 'v3'));
    expect([stateOf(21), stateOf(22), stateOf(23)]).toEqual(['applied', 'applied', 'applied']);
    expect(planComments(e2e.github, 22)[0]!.body).toContain(sha.mergeB!.slice(0, 7));

    // D and E arrive in one push (E rebased as two commits, so fetch-depth 2 lacks the commit before the
    // push and the push plan reads everything); meanwhile app 0 drifted in Okta.
    await plan(pulls.d!);
    await plan(pulls.e!);
    merge(pulls.d!, sha.mergeD!);
    merge(pulls.e!, sha.mergeE!, [sha.rebasedE1!]);
    e2e.sim.apps.get(id(0))!.connection!.baseUrl = 'https://drifted.example.com/scim';
    const queue = await push(sha.mergeC!, sha.mergeE!);
    expect(queue.code, queue.stdout).toBe(0);
    expect(queue.outputs).toMatchObject({ applied: '2', 'failure-reason': '' });
    expect(e2e.sim.apps.get(id(4))!.connection!.baseUrl).toBe(url(4, 'v3'));
    expect(e2e.sim.apps.get(id(5))!.connection!.baseUrl).toBe(url(5, 'v4'));
    expect([stateOf(24), stateOf(25)]).toEqual(['applied', 'applied']);
    // Drift no reviewed pull request asked for is listed, never written.
    expect(queue.summary).toContain(`not written: ${id(0)}`);
    expect(e2e.sim.apps.get(id(0))!.connection!.baseUrl).toBe('https://drifted.example.com/scim');
    expect(e2e.github.state.deployments.map((d) => [d.sha, d.statuses.at(-1)!.state])).toEqual([
      [sha.mergeA, 'success'],
      [sha.mergeC, 'success'],
      [sha.mergeE, 'success'],
    ]);
  });

  it('without deployments permission: warns, covers this push, and still applies it', async () => {
    e2e = await startE2E({ sim: { apps: org() } });
    e2e.secrets.push(TOKEN);
    e2e.github.setMode({ deployments: 'forbidden' });
    await repo.git('branch', '-f', `main-at-${sha.mergeA!.slice(0, 7)}`, sha.mergeA!);
    e2e.github.state.addPull({ number: pulls.a!.number, headSha: pulls.a!.head, headRef: 'a' });
    await plan(pulls.a!);
    merge(pulls.a!, sha.mergeA!);
    const apply = await push(sha.base!, sha.mergeA!);
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs.applied).toBe('1');
    expect(apply.stdout).toContain('The apply ledger (deployments) could not be read');
    expect(
      apply.annotations.some((a) => a.level === 'warning' && a.message.includes('deployments: write')),
    ).toBe(true);
  });

  it('a re-run of an older apply after a newer one reached Okta writes nothing: the older definitions are stale', async () => {
    e2e = await startE2E({ sim: { apps: org() } });
    e2e.secrets.push(TOKEN);
    // X sets app 0 to v3, Y sets it back to v2: both reviewed, merged and applied in turn.
    const x = await branch('x', 31, sha.mergeE!, [{ [FILE(0)]: definition(0, { version: 'v3' }) }]);
    await repo.git('merge', '-q', '--no-ff', '--no-edit', 'x');
    const mergeX = await repo.git('rev-parse', 'HEAD');
    const y = await branch('y', 32, mergeX, [{ [FILE(0)]: definition(0) }]);
    await repo.git('merge', '-q', '--no-ff', '--no-edit', 'y');
    const mergeY = await repo.git('rev-parse', 'HEAD');
    for (const commit of [mergeX, mergeY])
      await repo.git('branch', '-f', `main-at-${commit.slice(0, 7)}`, commit);
    e2e.github.state.loadCommits(await repo.git('rev-list', '--parents', '--all'));
    e2e.github.state.addPull({ number: x.number, headSha: x.head, headRef: x.branch });
    e2e.github.state.addPull({ number: y.number, headSha: y.head, headRef: y.branch });
    await plan(x);
    merge(x, mergeX);
    const applyX = await push(sha.mergeE!, mergeX);
    expect(applyX.code, applyX.stdout).toBe(0);
    expect(e2e.sim.apps.get(id(0))!.connection!.baseUrl).toBe(url(0, 'v3'));
    await plan(y);
    merge(y, mergeY);
    expect((await push(mergeX, mergeY)).code).toBe(0);
    expect(e2e.sim.apps.get(id(0))!.connection!.baseUrl).toBe(url(0));
    const writes = e2e.sim.writes().length;

    // Someone re-runs X's apply: GitHub runs it again at X's commit, whose definitions say v3.
    const rerun = await push(sha.mergeE!, mergeX);
    expect(rerun.code, rerun.stdout).toBe(1);
    expect(rerun.outputs['failure-reason']).toBe('not-reviewed');
    expect(rerun.stdout).toContain(`older than the last applied commit ${mergeY.slice(0, 7)}`);
    expect(e2e.sim.writes()).toHaveLength(writes);
    expect(e2e.sim.apps.get(id(0))!.connection!.baseUrl).toBe(url(0));
    // The re-run is no apply: the ledger still ends at Y.
    const ledger = [
      [mergeX, 'success'],
      [mergeY, 'success'],
    ];
    expect(e2e.github.state.deployments.map((d) => [d.sha, d.statuses.at(-1)!.state])).toEqual(ledger);
    // Not even when X's definitions happen to match Okta (nothing to write): the ledger must not go back to X.
    e2e.sim.apps.get(id(0))!.connection!.baseUrl = url(0, 'v3');
    await push(sha.mergeE!, mergeX);
    expect(e2e.github.state.deployments.map((d) => [d.sha, d.statuses.at(-1)!.state])).toEqual(ledger);
  });

  it('when no apply has succeeded yet, a refused pull request stays in range: the next push covers it too', async () => {
    e2e = await startE2E({ sim: { apps: org() } });
    e2e.secrets.push(TOKEN);
    for (const commit of [sha.mergeB!, sha.mergeC!])
      await repo.git('branch', '-f', `main-at-${commit.slice(0, 7)}`, commit);
    e2e.github.state.loadCommits(await repo.git('rev-list', '--parents', '--all'));
    for (const pull of [pulls.b!, pulls.c!])
      e2e.github.state.addPull({ number: pull.number, headSha: pull.head, headRef: pull.branch });
    // B (deactivate app 2) is reviewed and merged, but app 2 changed in Okta: the first apply refuses it.
    await plan(pulls.b!);
    merge(pulls.b!, sha.mergeB!);
    e2e.sim.apps.get(id(2))!.connection!.baseUrl = 'https://console-edit.example.com/scim';
    const refused = await push(sha.mergeA!, sha.mergeB!);
    expect(refused.outputs['failure-reason']).toBe('plan-changed');
    // C is reviewed and merged: its apply must not pass over B as if B had reached Okta.
    await plan(pulls.c!);
    merge(pulls.c!, sha.mergeC!);
    const next = await push(sha.mergeB!, sha.mergeC!);
    expect(next.code, next.stdout).toBe(1);
    expect(next.outputs).toMatchObject({ applied: '1', 'failure-reason': 'plan-changed' });
    expect(next.stdout).toContain(`since the first recorded apply at ${sha.mergeB!.slice(0, 7)}`);
    expect(e2e.sim.apps.get(id(2))!.connection!.status).toBe('ENABLED');
    expect([stateOf(22), stateOf(23)]).toEqual(['plan-changed', 'applied']);
    expect(e2e.github.state.deployments.map((d) => d.statuses.at(-1)!.state)).toEqual(['failure', 'failure']);
  });

  it('a refused rebase merge of two commits stays refused on re-run: the refusal keeps the reviewed record', async () => {
    e2e = await startE2E({ sim: { apps: org() } });
    e2e.secrets.push(TOKEN);
    await repo.git('branch', '-f', `main-at-${sha.mergeE!.slice(0, 7)}`, sha.mergeE!);
    e2e.github.state.addPull({ number: pulls.e!.number, headSha: pulls.e!.head, headRef: 'e' });
    await plan(pulls.e!);
    merge(pulls.e!, sha.mergeE!, [sha.rebasedE1!]);
    // Someone set the connection the pull request changes to another URL in the console.
    e2e.sim.apps.get(id(5))!.connection!.baseUrl = 'https://console-edit.example.com/scim';
    for (const attempt of ['first run', 're-run']) {
      const apply = await push(sha.mergeD!, sha.mergeE!);
      expect(apply.code, attempt).toBe(1);
      expect(apply.outputs['failure-reason']).toBe('plan-changed');
      expect(e2e.sim.writes()).toEqual([]);
      expect(stateOf(25)).toBe('plan-changed');
      // The refusal shows the new plan but keeps the reviewed record.
      expect(markerOf(planComments(e2e.github, 25)[0]!.body).records).toHaveLength(1);
    }
  });
});
