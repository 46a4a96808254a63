import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveDefinitions } from '../src/definitions/env.js';
import { hasErrors, loadDefinitions } from '../src/definitions/load.js';
import type { OktaConnection } from '../src/resources/connection/read.js';
import { planConnections, type ConnectionReader } from '../src/plan/plan.js';
import { scopeOfEvent, type ScopeEvent } from '../src/github/scope.js';
import { resolvePlanScope, type ScopedConnections } from '../src/plan/scope.js';
import type { ScopeSetting } from '../src/run/settings.js';
import { makeRepo, type Repo } from './helpers/git-repo.js';
import { app, live } from './helpers/plan-fixtures.js';
import { makeWorkspace } from './helpers/run-action.js';

/** The definitions folder, minus a parking folder the path input excludes. */
const PATH = 'okta/connections\n!okta/connections/parked/**';
const ENV = {};

const id = (n: number) => `0oa${String(n).padStart(17, '0')}`;
const url = (n: number, version = 'v2') => `https://scim${n}.example.com/scim/${version}`;

function connection(n: number, options: { version?: string; tokenEnv?: string } = {}): string {
  return [
    `  - id: ${id(n)}`,
    `    action: activate`,
    `    base_url: ${url(n, options.version)}`,
    `    profile:`,
    `      auth_scheme: TOKEN`,
    `      token: { env: ${options.tokenEnv ?? `SCIM_TOKEN_${n}`} }`,
  ].join('\n');
}

const file = (...connections: string[]) => `connections:\n${connections.join('\n')}\n`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** Connection 8, reformatted: other key order, flow style, comments. Its definition is unchanged. */
const reformatted8 = `  # owned by the identity team
  - action: activate
    id: ${id(8)}
    profile: { token: { env: SCIM_TOKEN_8 }, auth_scheme: TOKEN }
    base_url: "${url(8)}"`;

/** What the pull request changes: 3 (base_url), 7 (the variable its token comes from), 13 (new), 14 (moved in from an excluded folder). */
const CHANGED = [3, 7, 13, 14].map(id).sort();

let repo: Repo;
const commits: Record<string, string> = {};

beforeAll(async () => {
  repo = await makeRepo();
  commits.base = await repo.commit(
    {
      'README.md': '# okta config\n',
      'okta/connections/team-a.yaml': file(...range(1, 5).map((n) => connection(n))),
      'okta/connections/team-b.yaml': file(...range(6, 10).map((n) => connection(n))),
      'okta/connections/old-name.yaml': file(connection(11), connection(12)),
      'okta/connections/parked/parked.yaml': file(connection(14)),
    },
    'base',
  );
  await repo.git('checkout', '-q', '-b', 'pr');
  commits.pr1 = await repo.commit(
    {
      // 3 changes, 5 is removed (removing a definition touches nothing in Okta).
      'okta/connections/team-a.yaml': file(
        connection(1),
        connection(2),
        connection(3, { version: 'v3' }),
        connection(4),
      ),
      // 7 reads its token from another variable, 8 is only reformatted, 9 moves to another file.
      'okta/connections/team-b.yaml': file(
        connection(6),
        connection(7, { tokenEnv: 'SCIM_TOKEN_7_ROTATED' }),
        reformatted8,
        connection(10),
      ),
      'okta/connections/team-c.yaml': file(connection(9)),
    },
    'pr: first commit',
  );
  commits.pr2 = await repo.commit(
    {
      'okta/connections/old-name.yaml': null,
      'okta/connections/sub/new-name.yaml': file(connection(11), connection(12)),
      'okta/connections/parked/parked.yaml': null,
      'okta/connections/new-team.yaml': file(connection(13), connection(14)),
      'README.md': '# okta config\n\nNow with more teams.\n',
      'docs/example.yaml': file(connection(99)),
    },
    'pr: second commit',
  );
  // Meanwhile another pull request is merged into main: connection 1 changes there.
  await repo.git('checkout', '-q', 'main');
  commits.movedBase = await repo.commit(
    {
      'okta/connections/team-a.yaml': file(
        connection(1, { version: 'v9' }),
        ...range(2, 5).map((n) => connection(n)),
      ),
    },
    'another pull request',
  );

  // GitHub's refs/pull/N/merge at the time of the pull request: the base tip merged with the head.
  await repo.git('checkout', '-q', '-b', 'pull-merge', commits.base);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'pr');
  commits.pullMerge = await repo.git('rev-parse', 'HEAD');
  // The three ways GitHub merges, each into the base as it is at merge time.
  await repo.git('checkout', '-q', '-b', 'merged', commits.movedBase);
  await repo.git('merge', '-q', '--no-ff', '--no-edit', 'pr');
  commits.merged = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '-q', '-b', 'squashed', commits.base);
  await repo.git('merge', '-q', '--squash', 'pr');
  await repo.git('commit', '-q', '-m', 'squash merge');
  commits.squashed = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '-q', '-b', 'rebased', commits.movedBase);
  await repo.git('cherry-pick', commits.pr1, commits.pr2);
  commits.rebased = await repo.git('rev-parse', 'HEAD');
  await repo.git('checkout', '-q', 'main');
}, 60_000);

afterAll(async () => repo?.cleanup());

async function scopeOf(
  workspace: string,
  event: ScopeEvent,
  scope: ScopeSetting = 'auto',
): Promise<ScopedConnections> {
  const loaded = await loadDefinitions(PATH, workspace);
  expect(hasErrors(loaded.problems), JSON.stringify(loaded.problems)).toBe(false);
  const resolved = resolveDefinitions(loaded.definitions, ENV);
  expect(resolved.problems).toEqual([]);
  return resolvePlanScope({
    scope: await scopeOfEvent(scope, event, workspace),
    workspace,
    path: PATH,
    files: loaded.files,
    connections: resolved.connections,
    env: ENV,
  });
}

const ids = (scoped: ScopedConnections) => scoped.connections.map((connection) => connection.id).sort();

function pullRequest(extra: { head?: string; base?: string } = {}): ScopeEvent {
  return {
    name: 'pull_request',
    payload: {
      pull_request: { head: { sha: extra.head ?? commits.pr2! }, base: { sha: extra.base ?? commits.base! } },
    },
  };
}

const push = (before: string, after: string): ScopeEvent => ({
  name: 'push',
  payload: { before, after },
});

describe('scope: changed on a real git checkout', () => {
  it('on a pull request plans only the connections whose definitions the pull request changes', async () => {
    const workspace = await repo.clone('pull-merge', 2);
    const scoped = await scopeOf(workspace, pullRequest());
    expect(ids(scoped)).toEqual(CHANGED);
    expect(scoped.scope).toEqual({ mode: 'changed', base: commits.base, head: commits.pullMerge, unread: 9 });
    // The base versions of the changed connections that existed there (13 is new, 14 was excluded).
    expect([...scoped.base!.keys()].sort()).toEqual([3, 7].map(id));
    expect(scoped.base!.get(id(7))!.writeOnly.token).toEqual({ env: 'SCIM_TOKEN_7' });
  });

  it('at merge time plans the same connections for a merge commit, a squash and a rebase merge of two commits', async () => {
    const pr = ids(await scopeOf(await repo.clone('pull-merge', 2), pullRequest()));
    const merged = await scopeOf(await repo.clone('merged', 2), push(commits.movedBase!, commits.merged!));
    const squashed = await scopeOf(await repo.clone('squashed', 2), push(commits.base!, commits.squashed!));
    // A rebase merge of two commits puts the commit before the push three commits back.
    const rebased = await scopeOf(await repo.clone('rebased', 3), push(commits.movedBase!, commits.rebased!));
    for (const scoped of [merged, squashed, rebased]) {
      expect(scoped.scope.mode).toBe('changed');
      expect(ids(scoped)).toEqual(pr);
    }
    expect(pr).toEqual(CHANGED);
    expect(merged.scope).toMatchObject({ base: commits.movedBase, head: commits.merged, unread: 9 });
  });

  it('plans equal change sets with equal hashes at PR time and at merge time, drift elsewhere left out', async () => {
    // Okta matches the base definitions, except drift in connection 10 (unchanged) and in 7 (disabled);
    // 13 and 14 are new here and hold other values in Okta.
    const okta: ConnectionReader = {
      getApp: async (appId) => app(appId),
      getConnection: async (appId): Promise<OktaConnection> => {
        const n = Number(appId.slice(3));
        if (n === 10) return live({ baseUrl: 'https://clicked.example.com/scim/v2' });
        if (n === 7) return live({ baseUrl: url(7), status: 'DISABLED' });
        if (n >= 13) return live({ baseUrl: url(n, 'v1') });
        return live({ baseUrl: url(n, n === 1 ? 'v9' : 'v2') });
      },
      listFeatures: async () => [],
    };
    const plan = (scoped: ScopedConnections) =>
      planConnections(okta, scoped.connections, {
        orgUrl: 'https://example.okta.com',
        path: PATH,
        env: ENV,
        scope: scoped.scope,
        base: scoped.base,
      });
    const atReview = await plan(await scopeOf(await repo.clone('pull-merge', 2), pullRequest()));
    const atMerge = await Promise.all([
      scopeOf(await repo.clone('merged', 2), push(commits.movedBase!, commits.merged!)).then(plan),
      scopeOf(await repo.clone('squashed', 2), push(commits.base!, commits.squashed!)).then(plan),
      scopeOf(await repo.clone('rebased', 3), push(commits.movedBase!, commits.rebased!)).then(plan),
    ]);
    for (const merged of atMerge) expect(merged.hash).toBe(atReview.hash);
    const everything = await plan(await scopeOf(await repo.clone('merged', 2), pullRequest(), 'all'));
    expect(everything.hash).not.toBe(atReview.hash);

    const changes = Object.fromEntries(
      atReview.connections.map((c) => [
        Number(c.appId.slice(3)),
        c.changes.map((x) => `${x.field}:${x.origin}`),
      ]),
    );
    expect(changes).toEqual({
      3: ['base_url:pull-request'],
      7: ['status:drift'],
      13: ['base_url:pull-request'],
      14: ['base_url:pull-request'],
    });
  });

  it('reads everything and says why when the base commit is not in a shallow checkout', async () => {
    const pr = await scopeOf(await repo.clone('pull-merge', 1), pullRequest());
    expect(pr.connections).toHaveLength(13);
    expect(pr.base).toBeUndefined();
    expect(pr.scope).toEqual({
      mode: 'all',
      unread: 0,
      fallback: `the pull request's base commit ${commits.base!.slice(0, 7)} is not in the checkout (set fetch-depth: 2 on actions/checkout)`,
    });
    // fetch-depth 2 holds a merge commit's parents, not the commit before a rebase merge of two commits.
    const rebased = await scopeOf(await repo.clone('rebased', 2), push(commits.movedBase!, commits.rebased!));
    expect(rebased.scope.mode).toBe('all');
    expect(rebased.scope.fallback).toContain(
      `the commit before the push (${commits.movedBase!.slice(0, 7)}) is not in the checkout`,
    );
    expect(rebased.connections).toHaveLength(13);
    const created = await scopeOf(await repo.clone('merged', 2), push('0'.repeat(40), commits.merged!));
    expect(created.scope.fallback).toBe(
      'the push has no earlier commit to compare with (it created the branch)',
    );
    const elsewhere = await scopeOf(
      await repo.clone('merged', 2),
      push(commits.movedBase!, commits.squashed!),
    );
    expect(elsewhere.scope.fallback).toContain('is not the pushed commit');
  });

  it('reads everything without a git checkout, and on schedule and workflow_dispatch', async () => {
    const plain = await makeWorkspace({ 'okta/connections/a.yaml': file(connection(1), connection(2)) });
    const noGit = await scopeOf(plain, pullRequest());
    expect(noGit.scope.mode).toBe('all');
    expect(noGit.scope.fallback).toMatch(/^the workspace is not a git checkout \(.*not a git repository/);
    expect(noGit.connections).toHaveLength(2);

    const workspace = await repo.clone('merged', 2);
    const scheduled = await scopeOf(workspace, { name: 'schedule', payload: {} });
    expect(scheduled.scope).toEqual({ mode: 'all', unread: 0 });
    expect(scheduled.connections).toHaveLength(13);
    const asked = await scopeOf(workspace, { name: 'workflow_dispatch', payload: {} }, 'changed');
    expect(asked.scope.fallback).toBe(
      'scope changed compares the commits of a pull request or a push; this run is workflow_dispatch',
    );
    const all = await scopeOf(workspace, pullRequest(), 'all');
    expect(all.scope).toEqual({ mode: 'all', unread: 0 });
  });

  it('counts working-tree files git cannot vouch for as changed: untracked or edited after checkout', async () => {
    const workspace = await repo.clone('pull-merge', 2);
    // A step before the action generated a definition file and edited another.
    await writeFile(path.join(workspace, 'okta/connections/generated.yaml'), file(connection(20)));
    await writeFile(
      path.join(workspace, 'okta/connections/team-c.yaml'),
      file(connection(9, { version: 'v4' })),
    );
    const scoped = await scopeOf(workspace, pullRequest());
    expect(ids(scoped)).toEqual([...CHANGED, id(9), id(20)].sort());
  });

  it('plans a definition read through a link to a file elsewhere in the repository', async () => {
    const workspace = await repo.clone('pull-merge', 2);
    // The loader reads a link to a file inside the repository. The file it leads to is unchanged under its
    // own name, which says nothing about what the definitions folder held at the base: so it is planned.
    await symlink('../../docs/example.yaml', path.join(workspace, 'okta/connections/linked.yaml'));
    const scoped = await scopeOf(workspace, pullRequest());
    expect(ids(scoped)).toEqual([...CHANGED, id(99)].sort());
  });

  it('compares with a base that is not a merge parent: the payload base when the checkout is the head itself', async () => {
    // A workflow that checks out the pull request's head (not GitHub's merge commit) with history.
    const workspace = await repo.clone('pr', 3);
    const scoped = await scopeOf(workspace, pullRequest({ head: commits.pr2 }));
    expect(scoped.scope).toMatchObject({ mode: 'changed', base: commits.base, head: commits.pr2 });
    expect(ids(scoped)).toEqual(CHANGED);
  });
});
