/** The evidence of review for a push to the default branch: the plan hash on the merged PR's own comment. */
import type { Plan } from '../plan/model.js';
import type { ReviewEvidence } from '../run/review.js';
import type { RunContext } from './context.js';
import { describeGitHubError, type Octokit } from './octokit.js';
import { findMergedPullRequest, getPlanMarkerOfPullRequest } from './pulls.js';

export async function lookUpReview(
  plan: Plan,
  context: RunContext,
  octokit: Octokit | undefined,
): Promise<ReviewEvidence> {
  if (context.eventName !== 'push') return { kind: 'manual' };
  if (!octokit) {
    return {
      kind: 'unreviewed',
      reason: 'plan-check is strict but there is no `github-token` to find the reviewed plan.',
    };
  }
  const { owner, repo, sha } = context;
  try {
    const merged = await findMergedPullRequest(octokit, { owner, repo, sha });
    if (!merged) {
      return {
        kind: 'unreviewed',
        reason: `commit ${sha.slice(0, 7)} is not the merge of a pull request: a direct push was never reviewed.`,
      };
    }
    const marker = await getPlanMarkerOfPullRequest(octokit, {
      owner,
      repo,
      number: merged.number,
      key: plan.key,
    });
    if (!marker) {
      return {
        kind: 'unreviewed',
        reason: `pull request #${merged.number} has no plan comment of this action for ${plan.key}.`,
        pullRequest: merged.number,
        headSha: merged.headSha,
      };
    }
    return { kind: 'reviewed', hash: marker.planHash, pullRequest: merged.number, headSha: merged.headSha };
  } catch (error) {
    return {
      kind: 'unreviewed',
      reason: `the merged pull request could not be looked up (${describeGitHubError(error)}).`,
    };
  }
}
