/**
 * The sticky plan comment on a pull request: found by the hidden marker's `key`, edited in place
 * (`update`) or posted anew with the older ones folded away (`new`). Failing to write it is a warning:
 * fork pull requests get a read-only token and the plan is in the job summary anyway.
 * Only comments written by the token's identity count: anyone can post a marker, and a forged one must
 * never be edited, folded away, or read as the reviewed plan.
 */
import type { Octokit } from './octokit.js';
import {
  describeGitHubError,
  githubErrorStatus,
  isAuthoredBy,
  isGitHubError,
  tokenLogin,
} from './octokit.js';
import type { MarkerData } from './marker.js';
import { parseMarker } from './marker.js';
import { COMMENT_LIMIT } from '../render/plan-markdown.js';
import type { CommentMode } from './comment-mode.js';

export interface IssueRef {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface StickyComment {
  id: number;
  nodeId: string;
  url: string;
  body: string;
  marker: MarkerData;
  createdAt: string;
}

export interface PublishResult {
  /** `unchanged`: the comment says this already, so it was not edited (no API call, no notification). */
  action: 'created' | 'updated' | 'unchanged' | 'skipped' | 'failed';
  commentId?: number;
  url?: string;
  warning?: string;
}

const MINIMIZE_MUTATION = `mutation($id: ID!) {
  minimizeComment(input: { subjectId: $id, classifier: OUTDATED }) { minimizedComment { isMinimized } }
}`;

/**
 * Every comment on the issue/PR that the token's identity wrote and whose marker has `key`, oldest first
 * (reads all pages). Asks GitHub who the token is only when some comment carries the marker.
 */
export async function findStickyComments(
  octokit: Octokit,
  { owner, repo, issueNumber, key }: IssueRef & { key: string },
): Promise<StickyComment[]> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, {
    owner,
    repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const marked = comments.flatMap((comment) => {
    const marker = parseMarker(comment.body);
    return marker?.key === key ? [{ comment, marker }] : [];
  });
  if (marked.length === 0) return [];
  const login = await tokenLogin(octokit);
  const sticky: StickyComment[] = [];
  for (const { comment, marker } of marked) {
    if (!isAuthoredBy(comment.user, login)) continue;
    sticky.push({
      id: comment.id,
      nodeId: comment.node_id,
      url: comment.html_url,
      body: comment.body ?? '',
      marker,
      createdAt: comment.created_at,
    });
  }
  return sticky.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}

export async function publishPlanComment(
  octokit: Octokit,
  /** `changes`: whether the plan changes anything in Okta (`changes-only` comments only then). */
  options: IssueRef & { key: string; body: string; mode: CommentMode; changes?: boolean },
): Promise<PublishResult> {
  const { owner, repo, issueNumber, key, body, mode } = options;
  assertPublishableBody(body, key);
  if (mode === 'off') return { action: 'skipped' };

  let existing: StickyComment[];
  try {
    existing = await findStickyComments(octokit, { owner, repo, issueNumber, key });
  } catch (error) {
    return failed(error, `Could not read the comments of pull request #${issueNumber}`);
  }

  const newest = existing.at(-1);
  if ((mode === 'update' || mode === 'changes-only') && newest) {
    if (sameReport(newest.body, body)) return { action: 'unchanged', commentId: newest.id, url: newest.url };
    try {
      const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: newest.id, body });
      return { action: 'updated', commentId: data.id, url: data.html_url };
    } catch (error) {
      return failed(error, `Could not update the plan comment on pull request #${issueNumber}`);
    }
  }

  // No comment while nothing changes; once there is one, it is updated (above) to say so.
  if (mode === 'changes-only' && options.changes === false) return { action: 'skipped' };

  let created: PublishResult;
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    created = { action: 'created', commentId: data.id, url: data.html_url };
  } catch (error) {
    return failed(error, `Could not comment the plan on pull request #${issueNumber}`);
  }
  if (mode === 'new' && existing.length > 0) {
    const warning = await minimizeOutdated(octokit, existing);
    if (warning) created.warning = warning;
  }
  return created;
}

/** The footer line: the plan hash, the head, the time of the plan and the run (see plan-markdown.ts). */
const FOOTER = /^<sub>.*okta-app-connections<\/sub>$/m;

/**
 * Whether two of our bodies say the same: the same plan for the same head in the same state, in the same
 * words. Only the run that wrote them may differ (its id in the marker, its link and time in the footer):
 * re-running a plan that did not change edits nothing.
 */
export function sameReport(before: string, after: string): boolean {
  const [a, b] = [parseMarker(before), parseMarker(after)];
  if (!a || !b) return false;
  const same = (['v', 'key', 'planHash', 'headSha', 'state'] as const).every(
    (field) => a[field] === b[field],
  );
  return same && visibleReport(before) === visibleReport(after);
}

function visibleReport(body: string): string {
  return body.replace(/^\s*<!--[\s\S]*?-->/, '').replace(FOOTER, '');
}

/** Folds the older plan comments as "outdated"; a failure only costs a warning. */
async function minimizeOutdated(octokit: Octokit, comments: StickyComment[]): Promise<string | undefined> {
  const problems: string[] = [];
  for (const comment of comments) {
    try {
      await octokit.graphql(MINIMIZE_MUTATION, { id: comment.nodeId });
    } catch (error) {
      if (!isGitHubError(error)) throw error;
      problems.push(`${comment.id} (${describeGitHubError(error)})`);
    }
  }
  if (problems.length === 0) return undefined;
  return `Could not minimize the older plan comments ${problems.join(', ')}. They stay visible; the newest comment is current.`;
}

/** Caller bugs, caught before anything is sent: an over-long body or one that the next run would not find. */
function assertPublishableBody(body: string, key: string): void {
  // UTF-16 length is never below GitHub's character count, so this bound is safe.
  if (body.length > COMMENT_LIMIT) {
    throw new Error(
      `The plan comment is ${body.length} characters long; GitHub accepts at most ${COMMENT_LIMIT}. The comment renderer must shorten it.`,
    );
  }
  if (parseMarker(body)?.key !== key) {
    throw new Error(
      `The plan comment body must start with the okta-app-connections marker for key "${key}".`,
    );
  }
}

function failed(error: unknown, what: string): PublishResult {
  if (!isGitHubError(error)) throw error;
  const status = githubErrorStatus(error);
  const hint =
    status === 403 || status === 404
      ? ' Give the workflow `permissions: pull-requests: write`. Pull requests from forks get a read-only token; there the plan is only in the job summary.'
      : status === 401
        ? ' Check the `github-token` input. The plan is in the job summary.'
        : ' The plan is in the job summary.';
  return { action: 'failed', warning: `${what} (${describeGitHubError(error)}).${hint}` };
}
