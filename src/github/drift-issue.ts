/**
 * One open issue per `key` while Okta differs from the definitions: opened or updated when drift is
 * found, commented and closed when it is gone. Found by our marker on an issue the token's identity
 * opened (the `okta-drift` label only narrows the first search: a token that may not set labels leaves
 * the issue unlabelled, and it must still be found). Anyone can open an issue with a marker, and such an
 * issue is never updated, closed or commented on by us.
 */
import type { Octokit } from './octokit.js';
import {
  describeGitHubError,
  githubErrorStatus,
  isAuthoredBy,
  isGitHubError,
  tokenLogin,
} from './octokit.js';
import { sameReport } from './comment.js';
import { parseMarker } from './marker.js';
import { COMMENT_LIMIT } from './limits.js';

export const DRIFT_LABEL = 'okta-drift';

export interface DriftIssueOptions {
  owner: string;
  repo: string;
  key: string;
  drifted: boolean;
  title: string;
  /** Starts with the marker for `key` (the caller renders it). */
  body: string;
  closeComment: string;
}

export interface DriftIssueResult {
  action: 'opened' | 'updated' | 'closed' | 'unchanged';
  number?: number;
  url?: string;
  warning?: string;
}

interface OpenDriftIssue {
  number: number;
  url: string;
  title: string;
  body: string;
}

export async function syncDriftIssue(
  octokit: Octokit,
  options: DriftIssueOptions,
): Promise<DriftIssueResult> {
  const { owner, repo, key, drifted, body, closeComment } = options;
  if (body.length > COMMENT_LIMIT) {
    throw new Error(
      `The drift issue body is ${body.length} characters long; GitHub accepts at most ${COMMENT_LIMIT}.`,
    );
  }
  if (parseMarker(body)?.key !== key) {
    throw new Error(`The drift issue body must start with the okta-app-connections marker for key "${key}".`);
  }
  try {
    const open = await findOpenDriftIssues(octokit, owner, repo, key);
    if (drifted) return await upsert(octokit, options, open[0]);
    if (open.length === 0) return { action: 'unchanged' };
    // Normally one; duplicates (e.g. from a concurrent run) are closed too.
    for (const issue of open) {
      await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issue.number,
        body: closeComment,
      });
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issue.number,
        state: 'closed',
        state_reason: 'completed',
      });
    }
    return { action: 'closed', number: open[0]?.number, url: open[0]?.url };
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    throw new Error(
      `Could not update the drift issue for ${key} (${describeGitHubError(error)}).${hintFor(error)}`,
      {
        cause: error,
      },
    );
  }
}

/**
 * Open issues (not PRs) that the token's identity opened with the marker for `key`, newest first: those
 * with the drift label, else (an unlabelled one, or none yet) every open issue.
 */
async function findOpenDriftIssues(
  octokit: Octokit,
  owner: string,
  repo: string,
  key: string,
): Promise<OpenDriftIssue[]> {
  const list = (labels?: string) =>
    octokit.paginate(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      state: 'open',
      per_page: 100,
      ...(labels && { labels }),
    });
  const markedIn = (issues: Awaited<ReturnType<typeof list>>) =>
    issues.filter((issue) => !issue.pull_request && parseMarker(issue.body)?.key === key);
  let marked = markedIn(await list(DRIFT_LABEL));
  if (marked.length === 0) marked = markedIn(await list());
  if (marked.length === 0) return [];
  const login = await tokenLogin(octokit);
  return marked
    .filter((issue) => isAuthoredBy(issue.user, login))
    .sort((a, b) => b.number - a.number)
    .map((issue) => ({
      number: issue.number,
      url: issue.html_url,
      title: issue.title,
      body: issue.body ?? '',
    }));
}

async function upsert(
  octokit: Octokit,
  { owner, repo, title, body }: DriftIssueOptions,
  existing: OpenDriftIssue | undefined,
): Promise<DriftIssueResult> {
  if (existing) {
    // The same drift as last time: nothing to edit (only the run that found it would differ).
    if (existing.title === title && sameReport(existing.body, body)) {
      return { action: 'unchanged', number: existing.number, url: existing.url };
    }
    await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, title, body });
    return { action: 'updated', number: existing.number, url: existing.url };
  }
  const { data } = await octokit.rest.issues.create({ owner, repo, title, body, labels: [DRIFT_LABEL] });
  const result: DriftIssueResult = { action: 'opened', number: data.number, url: data.html_url };
  const labelled = data.labels.some(
    (label) => (typeof label === 'string' ? label : label.name) === DRIFT_LABEL,
  );
  // GitHub silently drops labels when the token may not set them; unlabelled, the next run would not find it.
  if (!labelled) {
    result.warning = `GitHub did not set the "${DRIFT_LABEL}" label on issue #${data.number} (the token may not set labels here), so it is found by its marker alone. Add the label by hand to make it easy to filter.`;
  }
  return result;
}

function hintFor(error: unknown): string {
  const status = githubErrorStatus(error);
  if (status === 403 || status === 404 || status === 410) {
    return ' Give the workflow `permissions: issues: write` and make sure issues are enabled for the repository.';
  }
  return '';
}
