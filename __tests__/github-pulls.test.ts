import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MarkerData } from '../src/github/marker.js';
import { renderMarker } from '../src/github/marker.js';
import { createOctokit } from '../src/github/octokit.js';
import type { Octokit } from '../src/github/octokit.js';
import { findMergedPullRequest, getPlanMarkerOfPullRequest } from '../src/github/pulls.js';
import { startFakeGitHub } from './helpers/fake-github.js';
import type { FakeGitHub } from './helpers/fake-github.js';

const KEY = 'acme.okta.com/okta';
const MERGE_SHA = 'e'.repeat(40);

let fake: FakeGitHub;
let octokit: Octokit;

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = createOctokit(fake.token, fake.url);
});
afterEach(async () => {
  await fake.close();
});

const marker = (data: Partial<MarkerData>): string =>
  renderMarker({ v: 1, key: KEY, planHash: 'h', headSha: 'a'.repeat(40), state: 'planned', ...data });

describe('findMergedPullRequest', () => {
  it('picks the merged PR whose merge commit is the pushed sha, ignoring PRs that merely contain it', async () => {
    // An open PR built on top of the same commit, and a closed unmerged one, are also listed for it.
    fake.state.addPull({ headSha: '1'.repeat(40), commitShas: [MERGE_SHA] });
    fake.state.addPull({ headSha: '2'.repeat(40), state: 'closed', commitShas: [MERGE_SHA] });
    const merged = fake.state.addPull({
      headSha: '3'.repeat(40),
      mergeCommitSha: MERGE_SHA,
      merged: true,
      baseRef: 'main',
    });

    const found = await findMergedPullRequest(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      sha: MERGE_SHA,
    });

    expect(found).toEqual({
      number: merged.number,
      mergedAt: merged.mergedAt,
      headSha: '3'.repeat(40),
      baseRef: 'main',
    });
    expect(fake.requests.map((r) => r.path)).toEqual([`/repos/acme/okta-config/commits/${MERGE_SHA}/pulls`]);
  });

  it('returns undefined for a direct push (no PR) and for a PR that is not merged', async () => {
    expect(
      await findMergedPullRequest(octokit, { owner: fake.owner, repo: fake.repo, sha: MERGE_SHA }),
    ).toBeUndefined();
    // Closed without merging: GitHub still reports a test-merge commit sha.
    fake.state.addPull({
      headSha: '4'.repeat(40),
      mergeCommitSha: MERGE_SHA,
      merged: false,
      state: 'closed',
    });
    expect(
      await findMergedPullRequest(octokit, { owner: fake.owner, repo: fake.repo, sha: MERGE_SHA }),
    ).toBeUndefined();
  });

  it('does not take a merged PR whose merge commit is another one', async () => {
    fake.state.addPull({ headSha: MERGE_SHA, mergeCommitSha: 'f'.repeat(40), merged: true });
    expect(
      await findMergedPullRequest(octokit, { owner: fake.owner, repo: fake.repo, sha: MERGE_SHA }),
    ).toBeUndefined();
  });
});

describe('getPlanMarkerOfPullRequest', () => {
  it('returns the marker of the newest comment with the key', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) }).number;
    fake.state.addComment({ issueNumber: pr, body: `${marker({ planHash: 'old' })}\nplan` });
    fake.state.addComment({ issueNumber: pr, body: `${marker({ planHash: 'reviewed', runId: 42 })}\nplan` });
    fake.state.addComment({
      issueNumber: pr,
      body: `${marker({ key: 'other.okta.com/x', planHash: 'other' })}`,
    });
    fake.state.addComment({ issueNumber: pr, body: 'ship it', user: 'octocat' });

    const found = await getPlanMarkerOfPullRequest(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      number: pr,
      key: KEY,
    });

    expect(found).toEqual({
      v: 1,
      key: KEY,
      planHash: 'reviewed',
      headSha: 'a'.repeat(40),
      state: 'planned',
      runId: 42,
    });
  });

  it('returns undefined when no comment has the key', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) }).number;
    fake.state.addComment({ issueNumber: pr, body: marker({ key: 'other.okta.com/x' }) });
    expect(
      await getPlanMarkerOfPullRequest(octokit, { owner: fake.owner, repo: fake.repo, number: pr, key: KEY }),
    ).toBeUndefined();
  });

  it('never returns a marker posted by another user, however new', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) }).number;
    fake.state.addComment({ issueNumber: pr, body: `${marker({ planHash: 'reviewed' })}\nplan` });
    fake.state.addComment({
      issueNumber: pr,
      body: `${marker({ planHash: 'drifted' })}\nplan`,
      user: 'mallory',
    });
    const lookUp = () =>
      getPlanMarkerOfPullRequest(octokit, { owner: fake.owner, repo: fake.repo, number: pr, key: KEY });
    expect((await lookUp())?.planHash).toBe('reviewed');

    const onlyForged = fake.state.addPull({ headSha: 'b'.repeat(40) }).number;
    fake.state.addComment({
      issueNumber: onlyForged,
      body: marker({ planHash: 'drifted' }),
      user: 'mallory',
    });
    expect(
      await getPlanMarkerOfPullRequest(octokit, {
        owner: fake.owner,
        repo: fake.repo,
        number: onlyForged,
        key: KEY,
      }),
    ).toBeUndefined();
  });
});
