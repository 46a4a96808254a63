import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit } from '../src/github/octokit.js';
import type { Octokit } from '../src/github/octokit.js';
import { mergedPullRequestsOf } from '../src/github/pulls.js';
import { startFakeGitHub } from './helpers/fake-github.js';
import type { FakeGitHub } from './helpers/fake-github.js';

const MERGE_A = 'a'.repeat(40);
const MERGE_B = 'b'.repeat(40);
const REBASED = 'c'.repeat(40);

let fake: FakeGitHub;
let octokit: Octokit;

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = createOctokit(fake.token, fake.url);
});
afterEach(async () => {
  await fake.close();
});

const find = (commits: string[]) =>
  mergedPullRequestsOf(octokit, { owner: fake.owner, repo: fake.repo, commits, defaultBranch: 'main' });

describe('mergedPullRequestsOf', () => {
  it('lists the pull requests merged into the default branch by the commits, oldest merge first', async () => {
    const b = fake.state.addPull({
      headSha: '2'.repeat(40),
      mergeCommitSha: MERGE_B,
      merged: true,
      headRef: 'b',
    });
    // A rebase merge of two commits: its merge commit is the last one; the first lists it too.
    const a = fake.state.addPull({
      headSha: '1'.repeat(40),
      mergeCommitSha: MERGE_A,
      merged: true,
      commitShas: [REBASED],
    });
    // Listed for a commit, but not merged by one in range, not merged, or into another branch.
    fake.state.addPull({ headSha: '3'.repeat(40), commitShas: [MERGE_A] });
    fake.state.addPull({ headSha: '4'.repeat(40), state: 'closed', mergeCommitSha: MERGE_B });
    fake.state.addPull({
      headSha: '5'.repeat(40),
      merged: true,
      baseRef: 'release',
      mergeCommitSha: MERGE_A,
    });

    // Oldest first, as GitHub's compare lists them: B merged before A.
    const found = await find([MERGE_B, REBASED, MERGE_A]);

    expect(found.map((pull) => pull.number)).toEqual([b.number, a.number]);
    expect(found[1]).toEqual({
      number: a.number,
      mergedAt: a.mergedAt,
      headSha: '1'.repeat(40),
      headRef: `change-${a.number}`,
      mergeCommitSha: MERGE_A,
    });
  });

  it('orders by the merge commits, since a merge queue lands a batch at one merged_at', async () => {
    const later = fake.state.addPull({ headSha: '1'.repeat(40), mergeCommitSha: MERGE_A, merged: true });
    const earlier = fake.state.addPull({ headSha: '2'.repeat(40), mergeCommitSha: MERGE_B, merged: true });
    later.mergedAt = earlier.mergedAt;

    const found = await find([MERGE_B, MERGE_A]);

    expect(found.map((pull) => pull.number)).toEqual([earlier.number, later.number]);
  });

  it('finds nothing for a direct push', async () => {
    expect(await find([MERGE_A])).toEqual([]);
  });
});
