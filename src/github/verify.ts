import type { Plan } from '../plan/model.js';
import type { RunContext } from './context.js';
import type { ActionInputs } from './inputs.js';
import type { Octokit } from './octokit.js';
import { describeGitHubError } from './octokit.js';
import { findMergedPullRequest, getPlanMarkerOfPullRequest } from './pulls.js';

export type Verdict =
  | { ok: true; note?: string; pullRequest?: number }
  | { ok: false; reason: string; pullRequest?: number; headSha?: string };

/**
 * plan-check (CONTRACT section 6): apply only the plan that was reviewed. On a push, the reviewed hash is
 * the one in the merged PR's comment; by hand, the `plan-hash` input. An empty change set always passes.
 */
export async function verifyPlan(
  plan: Plan,
  inputs: ActionInputs,
  context: RunContext,
  octokit: Octokit | undefined,
): Promise<Verdict> {
  if (!plan.changes && plan.counts.errors === 0)
    return { ok: true, note: 'The plan has no changes: nothing to apply.' };
  let pullRequest: number | undefined;
  let reviewedHeadSha: string | undefined;
  let reviewedHash: string | undefined;
  let lookupProblem: string | undefined;

  if (context.eventName === 'push' && octokit) {
    try {
      const merged = await findMergedPullRequest(octokit, {
        owner: context.owner,
        repo: context.repo,
        sha: context.sha,
      });
      if (merged) {
        pullRequest = merged.number;
        reviewedHeadSha = merged.headSha;
        const marker = await getPlanMarkerOfPullRequest(octokit, {
          owner: context.owner,
          repo: context.repo,
          number: merged.number,
          key: plan.key,
        });
        reviewedHash = marker?.planHash;
        if (!marker) lookupProblem = `pull request #${merged.number} has no plan comment for ${plan.key}.`;
      } else {
        lookupProblem = `commit ${context.sha.slice(0, 7)} is not the merge of a pull request: a direct push was never reviewed.`;
      }
    } catch (error) {
      lookupProblem = `the merged pull request could not be looked up (${describeGitHubError(error)}).`;
    }
  }

  if (inputs.planHash) {
    return inputs.planHash === plan.hash
      ? { ok: true, note: `plan-hash ${plan.hash} matches the fresh plan.`, pullRequest }
      : {
          ok: false,
          reason: `the fresh plan's hash ${plan.hash} is not the given plan-hash ${inputs.planHash}.`,
          pullRequest,
        };
  }
  if (inputs.planCheck === 'off')
    return { ok: true, note: 'plan-check is off: applying what the branch says.', pullRequest };
  if (context.eventName !== 'push') {
    return {
      ok: false,
      reason:
        'plan-check is strict and no plan-hash was given, so there is no reviewed plan to compare with.',
    };
  }
  if (!octokit)
    return {
      ok: false,
      reason: 'plan-check is strict but there is no `github-token` to find the reviewed plan.',
    };
  if (lookupProblem) return { ok: false, reason: lookupProblem, pullRequest, headSha: reviewedHeadSha };
  if (reviewedHash === plan.hash) {
    return {
      ok: true,
      note: `The plan matches the one reviewed on pull request #${pullRequest} (${plan.hash}).`,
      pullRequest,
    };
  }
  return {
    ok: false,
    reason: `the plan changed since it was reviewed on pull request #${pullRequest} (reviewed ${reviewedHash}, now ${plan.hash}): Okta or the definitions changed in between.`,
    pullRequest,
    headSha: reviewedHeadSha,
  };
}
