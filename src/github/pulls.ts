/** The pull requests a push to the default branch merged, as GitHub lists them per commit. */
import type { Octokit } from './octokit.js';

export interface MergedPullRequest {
  number: number;
  mergedAt: string;
  headSha: string;
  headRef: string;
  mergeCommitSha: string;
}

/** Bound on the commits asked about (one request each). */
export const COMMITS_ASKED = 100;

/**
 * The pull requests merged into `defaultBranch` whose merge commit (merge, squash, or the last commit of a
 * rebase merge) is one of `commits` (oldest first), oldest merge first. Pull requests that merely contain one
 * of the commits (a branch built on another) do not count.
 */
export async function mergedPullRequestsOf(
  octokit: Octokit,
  {
    owner,
    repo,
    commits,
    defaultBranch,
    ask = commits,
  }: {
    owner: string;
    repo: string;
    commits: readonly string[];
    defaultBranch: string;
    /** The commits that may be merge commits (the default branch's first-parent line); all by default. */
    ask?: readonly string[];
  },
): Promise<MergedPullRequest[]> {
  const inRange = new Set(commits);
  const found = new Map<number, MergedPullRequest>();
  // Newest commits first: those are the merge commits when the range is longer than the bound.
  for (const sha of [...ask].reverse().slice(0, COMMITS_ASKED)) {
    const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
      owner,
      repo,
      commit_sha: sha,
      per_page: 100,
    });
    for (const pull of pulls) {
      if (!pull.merged_at || !pull.merge_commit_sha || !inRange.has(pull.merge_commit_sha)) continue;
      if (pull.base.ref !== defaultBranch || found.has(pull.number)) continue;
      found.set(pull.number, {
        number: pull.number,
        mergedAt: pull.merged_at,
        headSha: pull.head.sha,
        headRef: pull.head.ref,
        mergeCommitSha: pull.merge_commit_sha,
      });
    }
  }
  // The merge commits' order in the range (oldest first): a merge queue lands a batch at one merged_at.
  const position = new Map(commits.map((sha, index) => [sha, index]));
  const at = (pull: MergedPullRequest) => position.get(pull.mergeCommitSha) ?? 0;
  return [...found.values()].sort(
    (a, b) => at(a) - at(b) || a.mergedAt.localeCompare(b.mergedAt) || a.number - b.number,
  );
}
