/** The pull request a push to the default branch came from, and the plan recorded in its comment. */
import type { Octokit } from './octokit.js';
import type { MarkerData } from './marker.js';
import { findStickyComments } from './comment.js';

export interface MergedPullRequest {
  number: number;
  mergedAt: string;
  headSha: string;
  baseRef: string;
}

/**
 * The merged PR whose merge commit is `sha` (merge, squash or the last commit of a rebase merge), or
 * undefined for a direct push. Other PRs that merely contain the commit do not count.
 */
export async function findMergedPullRequest(
  octokit: Octokit,
  { owner, repo, sha }: { owner: string; repo: string; sha: string },
): Promise<MergedPullRequest | undefined> {
  const pulls = await octokit.paginate(octokit.rest.repos.listPullRequestsAssociatedWithCommit, {
    owner,
    repo,
    commit_sha: sha,
    per_page: 100,
  });
  const merged = pulls.find((pull) => pull.merge_commit_sha === sha && pull.merged_at);
  if (!merged?.merged_at) return undefined;
  return {
    number: merged.number,
    mergedAt: merged.merged_at,
    headSha: merged.head.sha,
    baseRef: merged.base.ref,
  };
}

/**
 * The marker of the newest sticky comment with `key` on the PR that the token's identity wrote: the plan
 * that was reviewed. A marker posted by anyone else is never the reviewed plan.
 */
export async function getPlanMarkerOfPullRequest(
  octokit: Octokit,
  { owner, repo, number, key }: { owner: string; repo: string; number: number; key: string },
): Promise<MarkerData | undefined> {
  const comments = await findStickyComments(octokit, { owner, repo, issueNumber: number, key });
  return comments.at(-1)?.marker;
}
