/**
 * The apply ledger (CONTRACT 6a): one GitHub deployment per apply, in the environment `okta: <key>`. The last
 * successful one says which commit last reached Okta; a push apply covers every pull request merged since
 * then, so a cancelled, failed or skipped apply is caught up by the next one. A missing ledger (no
 * `deployments` permission, first apply, history rewritten) falls back to this push and says so.
 */
import {
  describeGitHubError,
  githubErrorStatus,
  isAuthoredBy,
  isGitHubError,
  tokenLogin,
  type Octokit,
} from './octokit.js';

export interface LedgerRef {
  owner: string;
  repo: string;
  /** The plan key (org host + path). */
  key: string;
}

/** Bounds: deployments looked at for the last success, commits walked in a range. */
const DEPLOYMENTS_SEEN = 50;
const COMMITS_WALKED = 250;
const PER_PAGE = 100;

/** The environment a key's applies are deployments of: readable on the Deployments page, one per org and folder. */
function ledgerEnvironment(key: string): string {
  return `okta: ${key}`;
}

/** What the ledger says: nothing recorded (first apply), the last success, or recorded applies that all failed. */
export type LastApply =
  | { kind: 'none' }
  | { kind: 'applied'; sha: string }
  /** No success among every recorded apply: what the oldest one covered may never have reached Okta. */
  | { kind: 'never-succeeded'; since: string }
  /** No success among the newest DEPLOYMENTS_SEEN: where the unapplied range starts is unknown. */
  | { kind: 'unknown'; seen: number };

/** The commit of the newest deployment of the key whose newest status is `success`, or why there is none. */
export async function lastApply(octokit: Octokit, { owner, repo, key }: LedgerRef): Promise<LastApply> {
  // GitHub lists deployments newest first, their statuses newest first.
  const { data: deployments } = await octokit.rest.repos.listDeployments({
    owner,
    repo,
    environment: ledgerEnvironment(key),
    per_page: DEPLOYMENTS_SEEN,
  });
  // Anyone with write access can create deployments and statuses: only the token identity's are the ledger.
  const login = deployments.length > 0 ? await tokenLogin(octokit) : '';
  const ours = deployments.filter((deployment) => isAuthoredBy(deployment.creator, login));
  for (const deployment of ours) {
    const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
      owner,
      repo,
      deployment_id: deployment.id,
      per_page: 1,
    });
    const newest = statuses[0];
    if (newest?.state === 'success' && isAuthoredBy(newest.creator, login))
      return { kind: 'applied', sha: deployment.sha };
  }
  // A full page may hide older ones (ours too): where the unapplied range starts is unknown.
  if (deployments.length >= DEPLOYMENTS_SEEN) return { kind: 'unknown', seen: deployments.length };
  const oldest = ours.at(-1);
  return oldest ? { kind: 'never-succeeded', since: oldest.sha } : { kind: 'none' };
}

type CommitRange =
  | {
      kind: 'range';
      commits: string[];
      /**
       * Those on the first-parent line from `head`, oldest first: the only commits that can merge a pull
       * request (a merge commit's first parent is the branch it merged into); a merged branch's own are not.
       */
      mainline: string[];
      truncated: boolean;
    }
  /** The last applied commit is not an ancestor of the pushed one (history rewritten) or unknown to GitHub. */
  | { kind: 'not-ancestor'; status: string };

/**
 * The commits after `base` up to and including `head`, oldest first (compare API). GitHub lists them oldest
 * first, a page of 100 at a time; beyond the bound the newest are kept (they hold this push's merges), read
 * from the last pages, so a range costs at most five requests.
 */
export async function commitsBetween(
  octokit: Octokit,
  { owner, repo }: LedgerRef,
  base: string,
  head: string,
): Promise<CommitRange> {
  const page = async (number: number) => {
    const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
      owner,
      repo,
      basehead: `${base}...${head}`,
      per_page: PER_PAGE,
      page: number,
    });
    return data;
  };
  try {
    const first = await page(1);
    if (first.status !== 'ahead' && first.status !== 'identical') {
      return { kind: 'not-ancestor', status: first.status };
    }
    const total = first.total_commits;
    const pages = Math.ceil(total / PER_PAGE);
    // The pages that hold the newest COMMITS_WALKED commits, oldest of them first.
    const from = Math.max(1, pages - Math.ceil(COMMITS_WALKED / PER_PAGE));
    const listed: (typeof first)['commits'] = [];
    for (let number = from; number <= Math.max(1, pages); number++) {
      listed.push(...(number === 1 ? first.commits : (await page(number)).commits));
    }
    const kept = listed.slice(-COMMITS_WALKED);
    return {
      kind: 'range',
      commits: kept.map((commit) => commit.sha),
      mainline: firstParentLine(kept, head),
      truncated: total > COMMITS_WALKED,
    };
  } catch (error) {
    if (isGitHubError(error) && githubErrorStatus(error) === 404)
      return { kind: 'not-ancestor', status: 'unknown' };
    throw error;
  }
}

/** The first-parent line from `head` through `commits`, oldest first; all of them if `head` is not listed. */
function firstParentLine(
  commits: readonly { sha: string; parents?: readonly { sha: string }[] }[],
  head: string,
): string[] {
  const firstParent = new Map(commits.map((commit) => [commit.sha, commit.parents?.[0]?.sha]));
  const start = [...firstParent.keys()].find((sha) => sha === head || sha.startsWith(head));
  if (!start) return commits.map((commit) => commit.sha);
  const line = new Set<string>();
  for (let sha: string | undefined = start; sha && firstParent.has(sha); sha = firstParent.get(sha)) {
    if (line.has(sha)) break;
    line.add(sha);
  }
  return [...line].reverse();
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
