/**
 * The apply ledger (CONTRACT 6a): one GitHub deployment per apply, in the environment `okta: <key>`. The last
 * successful one says which commit last reached Okta; a push apply covers every pull request merged since
 * then, so a cancelled, failed or skipped apply is caught up by the next one. A missing ledger (no
 * `deployments` permission, first apply, history rewritten) falls back to this push and says so.
 */
import { describeGitHubError, githubErrorStatus, isGitHubError, type Octokit } from './octokit.js';

export interface LedgerRef {
  owner: string;
  repo: string;
  /** The plan key (org host + path). */
  key: string;
}

/** Bounds: deployments looked at for the last success, commits walked in a range. */
const DEPLOYMENTS_SEEN = 50;
const COMMITS_WALKED = 250;

/** The environment a key's applies are deployments of: readable on the Deployments page, one per org and folder. */
function ledgerEnvironment(key: string): string {
  return `okta: ${key}`;
}

/** The commit of the newest deployment of the key whose newest status is `success`, if any. */
export async function lastAppliedCommit(
  octokit: Octokit,
  { owner, repo, key }: LedgerRef,
): Promise<string | undefined> {
  const { data: deployments } = await octokit.rest.repos.listDeployments({
    owner,
    repo,
    environment: ledgerEnvironment(key),
    per_page: DEPLOYMENTS_SEEN,
  });
  for (const deployment of deployments) {
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: deployment.id,
      per_page: 1,
    });
    if (statuses[0]?.state === 'success') return deployment.sha;
  }
  return undefined;
}

type CommitRange =
  | { kind: 'range'; commits: string[]; truncated: boolean }
  /** The last applied commit is not an ancestor of the pushed one (history rewritten) or unknown to GitHub. */
  | { kind: 'not-ancestor'; status: string };

/** The commits after `base` up to and including `head` (compare API, paginated, bounded). */
export async function commitsBetween(
  octokit: Octokit,
  { owner, repo }: LedgerRef,
  base: string,
  head: string,
): Promise<CommitRange> {
  const commits: string[] = [];
  let total = 0;
  try {
    for (let page = 1; commits.length < COMMITS_WALKED; page++) {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        owner,
        repo,
        basehead: `${base}...${head}`,
        per_page: 100,
        page,
      });
      if (data.status !== 'ahead' && data.status !== 'identical') {
        return { kind: 'not-ancestor', status: data.status };
      }
      total = data.total_commits;
      commits.push(...data.commits.map((commit) => commit.sha));
      if (data.commits.length < 100 || commits.length >= total) break;
    }
  } catch (error) {
    if (isGitHubError(error) && githubErrorStatus(error) === 404)
      return { kind: 'not-ancestor', status: 'unknown' };
    throw error;
  }
  return { kind: 'range', commits: commits.slice(0, COMMITS_WALKED), truncated: total > COMMITS_WALKED };
}

export interface Deployment {
  id: number;
}

export interface DeploymentLinks {
  sha: string;
  logUrl: string;
  environmentUrl: string;
}

/** Starts the apply's deployment (`in_progress`); a refusal (403, no permission) is a warning, never fatal. */
export async function startDeployment(
  octokit: Octokit,
  ref: LedgerRef,
  links: DeploymentLinks,
): Promise<Deployment | { warning: string }> {
  const { owner, repo, key } = ref;
  try {
    const { data, status } = await octokit.rest.repos.createDeployment({
      owner,
      repo,
      ref: links.sha,
      environment: ledgerEnvironment(key),
      auto_merge: false,
      required_contexts: [],
      description: `okta-app-connections apply of ${key}`.slice(0, 140),
      production_environment: true,
    });
    if (status !== 201 || !('id' in data)) {
      return { warning: 'GitHub did not create the apply deployment.' };
    }
    await setDeploymentState(octokit, ref, data.id, 'in_progress', links);
    return { id: data.id };
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    return {
      warning: `The apply could not be recorded as a deployment (${describeGitHubError(error)}). Give the workflow \`permissions: deployments: write\` so the next apply knows what reached Okta.`,
    };
  }
}

export async function setDeploymentState(
  octokit: Octokit,
  { owner, repo }: LedgerRef,
  deploymentId: number,
  state: 'in_progress' | 'success' | 'failure',
  links: DeploymentLinks,
): Promise<string | undefined> {
  try {
    await octokit.rest.repos.createDeploymentStatus({
      owner,
      repo,
      deployment_id: deploymentId,
      state,
      log_url: links.logUrl,
      environment_url: links.environmentUrl,
      auto_inactive: state === 'success',
    });
    return undefined;
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    return `The apply deployment's status could not be set to ${state} (${describeGitHubError(error)}).`;
  }
}
