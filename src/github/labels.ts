/**
 * `pr-labels: true`: the pull request carries one of our labels for what its plan does, so reviewers can
 * filter and branch protection can require a look (as tfcmt does). Labels are created with their colours
 * when the repository lacks them, and replaced as the plan changes. Failing is a warning, never fatal.
 */
import type { Plan } from '../plan/model.js';
import { describeGitHubError, githubErrorStatus, isGitHubError, type Octokit } from './octokit.js';
import type { CommentTarget } from './publish.js';
import { info, warning } from './runner.js';

const PLAN_LABELS = {
  'okta:changes': { color: 'fbca04', description: 'The Okta plan of this pull request changes connections' },
  'okta:deactivation': {
    color: 'd93f0b',
    description: 'The Okta plan deactivates a connection: provisioning stops for its users',
  },
  'okta:no-changes': { color: '0e8a16', description: 'The Okta plan of this pull request changes nothing' },
} as const;

type PlanLabel = keyof typeof PLAN_LABELS;

/** The labels a plan earns: a deactivation is a change too, and says so on its own. */
function planLabels(plan: Plan): PlanLabel[] {
  if (!plan.changes) return ['okta:no-changes'];
  return plan.counts.toDeactivate > 0 ? ['okta:changes', 'okta:deactivation'] : ['okta:changes'];
}

export async function labelPullRequest(
  target: CommentTarget,
  issueNumber: number,
  plan: Plan,
): Promise<void> {
  const { octokit, context } = target;
  if (!octokit) {
    warning('pr-labels is on but there is no `github-token`: the pull request was not labelled.');
    return;
  }
  // Connections that could not be planned may change or not: the labels stay as they were.
  if (!plan.changes && plan.counts.errors > 0) return;
  try {
    const changed = await syncPlanLabels(octokit, {
      owner: context.owner,
      repo: context.repo,
      issueNumber,
      wanted: planLabels(plan),
    });
    if (changed) info(`Pull request labels: ${planLabels(plan).join(', ')}`);
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    const status = githubErrorStatus(error);
    const hint =
      status === 403 || status === 404
        ? ' Give the workflow `permissions: pull-requests: write` (and `issues: write` to create the labels). Pull requests from forks get a read-only token.'
        : '';
    warning(
      target.secrets.redact(
        `Could not label pull request #${issueNumber} (${describeGitHubError(error)}).${hint}`,
      ),
    );
  }
}

/** Adds the `wanted` labels the issue lacks and removes our others; returns whether anything changed. */
async function syncPlanLabels(
  octokit: Octokit,
  {
    owner,
    repo,
    issueNumber,
    wanted,
  }: { owner: string; repo: string; issueNumber: number; wanted: readonly PlanLabel[] },
): Promise<boolean> {
  const { data } = await octokit.rest.issues.listLabelsOnIssue({
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const current = new Set(data.map((label) => label.name));
  const stale = (Object.keys(PLAN_LABELS) as PlanLabel[]).filter(
    (name) => current.has(name) && !wanted.includes(name),
  );
  const missing = wanted.filter((name) => !current.has(name));
  for (const name of stale) {
    await octokit.rest.issues.removeLabel({ owner, repo, issue_number: issueNumber, name });
  }
  if (missing.length > 0) {
    for (const name of missing) await createLabel(octokit, owner, repo, name);
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: issueNumber, labels: missing });
  }
  return stale.length + missing.length > 0;
}

/** Creates the label with its colour; one that exists already (422) is kept as the repository has it. */
async function createLabel(octokit: Octokit, owner: string, repo: string, name: PlanLabel): Promise<void> {
  try {
    await octokit.rest.issues.createLabel({ owner, repo, name, ...PLAN_LABELS[name] });
  } catch (error) {
    if (githubErrorStatus(error) !== 422) throw error;
  }
}
