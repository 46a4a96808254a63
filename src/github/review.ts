/**
 * The evidence of review for a push to the default branch: the pull requests merged since the last
 * successful apply (the ledger), each with its own review record.
 */
import type { ReviewEvidence } from '../run/review.js';
import type { RunContext } from './context.js';
import { commitsBetween, lastApply, type LastApply, type LedgerRef } from './ledger.js';
import {
  describeGitHubError,
  githubErrorStatus,
  isGitHubError,
  tokenLogin,
  type Octokit,
} from './octokit.js';
import { COMMITS_ASKED, mergedPullRequestsOf, type MergedPullRequest } from './pulls.js';
import { pullRequestEvidence } from './records.js';

export interface ReviewLookup {
  evidence: ReviewEvidence;
  /** The merged pull requests the evidence is about, oldest merge first. */
  pulls: MergedPullRequest[];
  /** An older commit than the last applied one (a re-run): not to be recorded in the ledger. */
  stale?: true;
}

export async function lookUpReview(
  key: string,
  context: RunContext,
  octokit: Octokit | undefined,
): Promise<ReviewLookup> {
  if (context.eventName !== 'push') return { evidence: { kind: 'manual' }, pulls: [] };
  const unreviewed = (reason: string): ReviewLookup => ({
    evidence: { kind: 'unreviewed', reason },
    pulls: [],
  });
  if (!octokit)
    return unreviewed('plan-check is strict but there is no `github-token` to find the reviewed plan.');
  const { owner, repo, sha } = context;
  const ledger: LedgerRef = { owner, repo, key };
  try {
    const login = await tokenLogin(octokit);
    const cover = await commitsToCover(octokit, ledger, sha);
    if ('refuse' in cover) return { ...unreviewed(cover.refuse), ...(cover.stale && { stale: true }) };
    const { commits, ask, note } = cover;
    const pulls = await mergedPullRequestsOf(octokit, {
      owner,
      repo,
      commits,
      ask,
      defaultBranch: context.defaultBranch ?? 'main',
    });
    const evidence = [];
    for (const pull of pulls)
      evidence.push(await pullRequestEvidence(octokit, { owner, repo, key, login }, pull));
    const none =
      pulls.length === 0
        ? ` Commit ${sha.slice(0, 7)} is not the merge of a pull request: a direct push was never reviewed.`
        : '';
    return { evidence: { kind: 'pulls', pulls: evidence, note: `${note}${none}` }, pulls };
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    return unreviewed(`the merged pull requests could not be looked up (${describeGitHubError(error)}).`);
  }
}

/** The commits this apply covers: since the last successful apply, or this push alone (and why). */
async function commitsToCover(
  octokit: Octokit,
  ledger: LedgerRef,
  sha: string,
): Promise<{ commits: string[]; ask: string[]; note: string } | { refuse: string; stale?: true }> {
  const thisPush = (why: string) => ({
    commits: [sha],
    ask: [sha],
    note: `${why}: this apply covers the pull request merged by this push only.`,
  });
  let found: LastApply;
  try {
    found = await lastApply(octokit, ledger);
  } catch (error) {
    if (!isGitHubError(error) || ![403, 404].includes(githubErrorStatus(error) ?? 0)) throw error;
    return thisPush(
      `The apply ledger (deployments) could not be read (${describeGitHubError(error)}; give the workflow \`permissions: deployments: write\`)`,
    );
  }
  if (found.kind === 'none')
    return thisPush('No earlier apply is recorded for this org and folder (first apply)');
  if (found.kind === 'unknown') {
    return {
      refuse: `none of the last ${found.seen} applies recorded for this org and folder succeeded, so what they left unapplied is unknown. Apply by hand with \`plan-hash\`: a successful apply starts the ledger again.`,
    };
  }
  // With no success yet, the oldest recorded apply's commit is still to cover: it is the range's start.
  const last = found.kind === 'applied' ? found.sha : found.since;
  const range = await commitsBetween(octokit, ledger, last, sha);
  // A re-run of an older push's apply (GitHub re-runs at the original commit): its definitions are stale.
  if (range.kind === 'not-ancestor' && range.status === 'behind' && found.kind === 'applied') {
    return {
      stale: true,
      refuse: `commit ${sha.slice(0, 7)} is older than the last applied commit ${last.slice(0, 7)} (a re-run of an earlier apply?): what it merged was applied with the newer definitions, and its own would undo later changes.`,
    };
  }
  if (range.kind === 'not-ancestor') {
    return thisPush(
      `The ${found.kind === 'applied' ? 'last applied' : "first recorded apply's"} commit ${last.slice(0, 7)} is not an ancestor of ${sha.slice(0, 7)} (compare: ${range.status})`,
    );
  }
  const since = found.kind === 'applied' ? [] : [last];
  const covered = [...since, ...range.commits.filter((commit) => commit !== last)];
  const commits = covered.includes(sha) ? covered : [...covered, sha];
  const mainline = [...since, ...range.mainline.filter((commit) => commit !== last)];
  const ask = mainline.includes(sha) ? mainline : [...mainline, sha];
  const cut =
    range.truncated || ask.length > COMMITS_ASKED
      ? ' (the oldest commits beyond the bound were not looked at)'
      : '';
  const from =
    found.kind === 'applied'
      ? `since the last successful apply at ${last.slice(0, 7)}`
      : `since the first recorded apply at ${last.slice(0, 7)}, which did not succeed (no apply has yet)`;
  return { commits, ask, note: `This apply covers the ${commits.length} commit(s) ${from}${cut}.` };
}
