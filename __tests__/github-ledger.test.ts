import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commitsBetween, lastApply } from '../src/github/ledger.js';
import { createOctokit, type Octokit } from '../src/github/octokit.js';
import type { RunContext } from '../src/github/context.js';
import { lookUpReview } from '../src/github/review.js';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.js';

/**
 * The range an apply covers, read from GitHub's compare API, which lists commits oldest first in pages of at
 * most 100: beyond the bound it must keep the newest commits (they hold this push's merges), not the oldest.
 */
let fake: FakeGitHub;
let octokit: Octokit;
const sha = (n: number) => n.toString(16).padStart(40, '0');

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = createOctokit(fake.token, fake.url);
  // A straight history of commits 1 … 400, as `git rev-list --parents` prints it: newest first.
  const lines = [];
  for (let n = 400; n >= 2; n--) lines.push(`${sha(n)} ${sha(n - 1)}`);
  lines.push(sha(1));
  fake.state.loadCommits(lines.join('\n'));
});
afterEach(async () => fake.close());

const ledger = () => ({ owner: fake.owner, repo: fake.repo, key: 'acme.okta.com/okta' });
const compareCalls = () => fake.requests.filter((request) => request.path.includes('/compare/')).length;

describe('commitsBetween', () => {
  it('returns a short range whole, oldest first, in one request', async () => {
    const range = await commitsBetween(octokit, ledger(), sha(10), sha(15));
    const commits = [11, 12, 13, 14, 15].map(sha);
    expect(range).toEqual({ kind: 'range', commits, mainline: commits, truncated: false });
    expect(compareCalls()).toBe(1);
  });

  it('keeps the newest 250 of a longer range, ending at the pushed commit, in at most five requests', async () => {
    const range = await commitsBetween(octokit, ledger(), sha(1), sha(351));
    expect(range.kind).toBe('range');
    if (range.kind !== 'range') return;
    expect(range.truncated).toBe(true);
    expect(range.commits).toHaveLength(250);
    expect(range.commits[0]).toBe(sha(102));
    expect(range.commits.at(-1)).toBe(sha(351));
    expect(compareCalls()).toBeLessThanOrEqual(5);
  });

  it('reads a range of 101 to 250 commits whole', async () => {
    const range = await commitsBetween(octokit, ledger(), sha(100), sha(340));
    expect(range).toMatchObject({ kind: 'range', truncated: false });
    if (range.kind !== 'range') return;
    expect(range.commits).toEqual(Array.from({ length: 240 }, (_, i) => sha(101 + i)));
  });

  it('says so when the last applied commit is not an ancestor', async () => {
    const range = await commitsBetween(octokit, ledger(), sha(20), sha(10));
    expect(range).toEqual({ kind: 'not-ancestor', status: 'behind' });
  });
});

describe('lastApply', () => {
  const environment = 'okta: acme.okta.com/okta';
  const deploy = (n: number, state: string) =>
    fake.state.deployments.push({
      id: 90_000 + fake.state.deployments.length,
      sha: sha(n),
      ref: sha(n),
      environment,
      body: {},
      createdAt: fake.state.now(),
      statuses: [
        { state: 'in_progress', createdAt: fake.state.now() },
        { state, createdAt: fake.state.now() },
      ],
    });

  it('names the newest success, the oldest of applies that never succeeded, or nothing', async () => {
    expect(await lastApply(octokit, ledger())).toEqual({ kind: 'none' });
    deploy(10, 'failure');
    deploy(11, 'failure');
    expect(await lastApply(octokit, ledger())).toEqual({ kind: 'never-succeeded', since: sha(10) });
    deploy(12, 'success');
    deploy(13, 'failure');
    expect(await lastApply(octokit, ledger())).toEqual({ kind: 'applied', sha: sha(12) });
  });

  it('does not take 50 failed applies for a first apply: where the unapplied range starts is unknown', async () => {
    deploy(1, 'success');
    for (let n = 2; n <= 51; n++) deploy(n, 'failure');
    expect(await lastApply(octokit, ledger())).toEqual({ kind: 'unknown', seen: 50 });
  });
});

describe('lookUpReview', () => {
  it('finds every merge of the range, however many commits the merged branches bring', async () => {
    // Since the last apply at 1001: A merged (merge commit 1002), then B, a branch of 150 commits (merge 1003).
    const lines = [`${sha(1003)} ${sha(1002)} ${sha(1749)}`];
    for (let n = 1749; n > 1600; n--) lines.push(`${sha(n)} ${sha(n - 1)}`);
    lines.push(`${sha(1600)} ${sha(1002)}`, `${sha(1002)} ${sha(1001)} ${sha(1500)}`);
    lines.push(`${sha(1500)} ${sha(1001)}`, sha(1001));
    fake.state.loadCommits(lines.join('\n'));
    const a = fake.state.addPull({ headSha: sha(1500), mergeCommitSha: sha(1002), merged: true });
    const b = fake.state.addPull({ headSha: sha(1749), mergeCommitSha: sha(1003), merged: true });
    fake.state.deployments.push({
      id: 90_000,
      sha: sha(1001),
      ref: sha(1001),
      environment: 'okta: acme.okta.com/okta',
      body: {},
      createdAt: fake.state.now(),
      statuses: [{ state: 'success', createdAt: fake.state.now() }],
    });
    const context = {
      eventName: 'push',
      owner: fake.owner,
      repo: fake.repo,
      sha: sha(1003),
      defaultBranch: 'main',
    } as RunContext;

    const lookup = await lookUpReview('acme.okta.com/okta', context, octokit);

    expect(lookup.pulls.map((pull) => pull.number)).toEqual([a.number, b.number]);
    expect(lookup.evidence).toMatchObject({ note: expect.not.stringContaining('not looked at') });
    // Only the commits on the default branch's own line can merge a pull request: one question each.
    const asked = fake.requests.filter((request) => /\/commits\/[0-9a-f]+\/pulls/.test(request.path));
    expect(asked).toHaveLength(2);
  });
});

describe('lastApply, against forged entries', () => {
  const environment = 'okta: acme.okta.com/okta';
  const deploy = (n: number, states: { state: string; creator?: string }[], creator?: string) =>
    fake.state.deployments.push({
      id: 91_000 + fake.state.deployments.length,
      sha: sha(n),
      ref: sha(n),
      environment,
      body: {},
      createdAt: fake.state.now(),
      ...(creator && { creator }),
      statuses: states.map((status) => ({ ...status, createdAt: fake.state.now() })),
    });

  it("counts only deployments and statuses the token's identity made", async () => {
    deploy(10, [{ state: 'success' }]);
    deploy(11, [{ state: 'failure' }]);
    // Someone with write access marks our failed apply a success, and records one of their own.
    deploy(12, [{ state: 'failure' }, { state: 'success', creator: 'mallory' }]);
    deploy(13, [{ state: 'success', creator: 'mallory' }], 'mallory');
    expect(await lastApply(octokit, ledger())).toEqual({ kind: 'applied', sha: sha(10) });
  });

  it('50 deployments by someone else do not push the ledger out of sight into a first apply', async () => {
    deploy(10, [{ state: 'success' }]);
    for (let n = 11; n <= 60; n++) deploy(n, [{ state: 'success', creator: 'mallory' }], 'mallory');
    expect(await lastApply(octokit, ledger())).toEqual({ kind: 'unknown', seen: 50 });
  });
});

describe('lookUpReview, beyond its bounds', () => {
  it('says so when more merges landed since the last apply than it asks about', async () => {
    fake.state.deployments.push({
      id: 90_000,
      sha: sha(1),
      ref: sha(1),
      environment: 'okta: acme.okta.com/okta',
      body: {},
      createdAt: fake.state.now(),
      statuses: [{ state: 'success', createdAt: fake.state.now() }],
    });
    const context = {
      eventName: 'push',
      owner: fake.owner,
      repo: fake.repo,
      sha: sha(120),
      defaultBranch: 'main',
    } as RunContext;

    const lookup = await lookUpReview('acme.okta.com/okta', context, octokit);

    expect(lookup.evidence).toMatchObject({
      note: expect.stringContaining('the oldest commits beyond the bound were not looked at'),
    });
  });
});
