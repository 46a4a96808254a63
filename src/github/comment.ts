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
  UnknownIdentityError,
} from './octokit.js';
import type { MarkerData } from './marker.js';
import { digestOfVisible, parseMarker, visibleText } from './marker.js';
import { COMMENT_LIMIT } from './limits.js';
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
  /** GitHub could not say who the token is, so our comments could not be told from anyone's. */
  identityUnknown?: boolean;
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

/**
 * Writes the sticky comment. `body` may depend on the marker of the comment it replaces (review records are
 * carried over). `update` edits the oldest of our comments; if concurrent runs left several, the newer
 * ones are deleted after the write, so one comment per key remains.
 */
export async function publishPlanComment(
  octokit: Octokit,
  options: IssueRef & {
    key: string;
    /** The body, or a function of the replaced comment's marker; `identityUnknown`: that could not be looked up. */
    body: string | ((previous: MarkerData | undefined, identityUnknown?: boolean) => string);
    mode: CommentMode;
    /**
     * With `update`: the comment to edit. `oldest` (the sticky comment; duplicates left by concurrent runs
     * are deleted) or `newest` (an outcome written onto the current comment of `comment: new`).
     */
    edit?: 'oldest' | 'newest';
    /** Whether the plan changes anything in Okta (`changes-only` comments only then). */
    changes?: boolean;
  },
): Promise<PublishResult> {
  const { owner, repo, issueNumber, key, mode } = options;
  if (typeof options.body === 'string') assertPublishableBody(options.body, key);
  if (mode === 'off') return { action: 'skipped' };
  const render: Render = (previous, identityUnknown) => {
    const text = typeof options.body === 'string' ? options.body : options.body(previous, identityUnknown);
    assertPublishableBody(text, key);
    return text;
  };

  let existing: StickyComment[];
  try {
    existing = await findStickyComments(octokit, { owner, repo, issueNumber, key });
  } catch (error) {
    const failure = failed(error, `Could not read the comments of pull request #${issueNumber}`);
    if (!failure.identityUnknown) return failure;
    // Our earlier comment cannot be told from anyone's: a new one shows the current plan, and says so.
    return postWithoutIdentity(octokit, { owner, repo, issueNumber }, render(undefined, true), failure);
  }

  const sticky = options.edit === 'newest' ? existing.at(-1) : existing[0];
  const edits = mode === 'update' || mode === 'changes-only';
  const ref = { owner, repo, issueNumber, key };
  if (edits && sticky) return editSticky(octokit, ref, sticky, existing, render, options.edit);
  // No comment while nothing changes; once there is one, it is updated (above) to say so.
  if (mode === 'changes-only' && options.changes === false) return { action: 'skipped' };
  return postNew(octokit, ref, existing, render, mode);
}

type Render = (previous: MarkerData | undefined, identityUnknown?: boolean) => string;

/** Edits our comment in place (`update`, `changes-only`), unless it says this already. */
async function editSticky(
  octokit: Octokit,
  ref: IssueRef & { key: string },
  sticky: StickyComment,
  existing: StickyComment[],
  render: Render,
  edit: 'oldest' | 'newest' | undefined,
): Promise<PublishResult> {
  const { owner, repo, issueNumber } = ref;
  const body = render(recordCarrier(existing)?.marker);
  // Saying the same again edits nothing, but only where nothing else needs the write: the comment is the
  // one carrying the records, and no duplicate of concurrent runs is left to remove.
  const alone = edit === 'newest' || existing.length === 1;
  if (alone && recordCarrier(existing) === sticky && sameReport(sticky.body, body)) {
    return { action: 'unchanged', commentId: sticky.id, url: sticky.url };
  }
  try {
    const { data } = await octokit.rest.issues.updateComment({ owner, repo, comment_id: sticky.id, body });
    const result: PublishResult = { action: 'updated', commentId: data.id, url: data.html_url };
    if (edit === 'newest') return result;
    const warning = await removeNewer(octokit, ref, sticky.id, existing);
    return warning ? { ...result, warning } : result;
  } catch (error) {
    return failed(error, `Could not update the plan comment on pull request #${issueNumber}`);
  }
}

/** Posts a comment: the first one, or with `new` one per run (the older ones folded away). */
async function postNew(
  octokit: Octokit,
  ref: IssueRef & { key: string },
  existing: StickyComment[],
  render: Render,
  mode: CommentMode,
): Promise<PublishResult> {
  const { owner, repo, issueNumber } = ref;
  let created: PublishResult;
  try {
    const body = render(recordCarrier(existing)?.marker);
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    created = { action: 'created', commentId: data.id, url: data.html_url };
    if (mode === 'update' || mode === 'changes-only') {
      // Another run may have created one at the same time: the older stays and gets this body.
      const warning = await keepOldest(octokit, ref, data.id, body);
      if (warning) created.warning = warning;
    }
  } catch (error) {
    return failed(error, `Could not comment the plan on pull request #${issueNumber}`);
  }
  if (mode === 'new' && existing.length > 0) {
    const warning = await minimizeOutdated(octokit, existing);
    if (warning) created.warning = warning;
  }
  return created;
}

async function postWithoutIdentity(
  octokit: Octokit,
  { owner, repo, issueNumber }: IssueRef,
  body: string,
  failure: PublishResult,
): Promise<PublishResult> {
  try {
    const { data } = await octokit.rest.issues.createComment({
      owner,
      repo,
      issue_number: issueNumber,
      body,
    });
    return {
      action: 'created',
      commentId: data.id,
      url: data.html_url,
      identityUnknown: true,
      warning: `${failure.warning ?? ''} A new plan comment was posted; the next run that can tell its identity keeps one.`,
    };
  } catch (error) {
    return {
      ...failed(error, `Could not comment the plan on pull request #${issueNumber}`),
      identityUnknown: true,
    };
  }
}

/** The comment whose marker carries the review records: the newest with any, else the newest. */
export function recordCarrier(comments: readonly StickyComment[]): StickyComment | undefined {
  return [...comments].reverse().find((c) => (c.marker.records ?? []).length > 0) ?? comments.at(-1);
}

/** After creating `createdId`: when an older comment of ours exists, it gets `body` and the new one goes. */
async function keepOldest(
  octokit: Octokit,
  ref: IssueRef & { key: string },
  createdId: number,
  body: string,
): Promise<string | undefined> {
  const now = await findStickyComments(octokit, ref);
  const oldest = now[0];
  if (!oldest || oldest.id === createdId) return removeNewer(octokit, ref, createdId, now);
  await octokit.rest.issues.updateComment({ owner: ref.owner, repo: ref.repo, comment_id: oldest.id, body });
  return removeNewer(octokit, ref, oldest.id, now);
}

/** Deletes our comments for the key other than `keepId` (left by concurrent runs); a failure is a warning. */
async function removeNewer(
  octokit: Octokit,
  ref: IssueRef & { key: string },
  keepId: number,
  known?: StickyComment[],
): Promise<string | undefined> {
  const comments = known ?? (await findStickyComments(octokit, ref));
  const problems: string[] = [];
  for (const comment of comments) {
    if (comment.id === keepId) continue;
    try {
      await octokit.rest.issues.deleteComment({ owner: ref.owner, repo: ref.repo, comment_id: comment.id });
    } catch (error) {
      if (!isGitHubError(error)) throw error;
      problems.push(`${comment.id} (${describeGitHubError(error)})`);
    }
  }
  if (problems.length === 0) return undefined;
  return `Could not delete the duplicate plan comments ${problems.join(', ')} left by concurrent runs; the oldest one is current.`;
}

/** The footer line: the plan hash, the head, the time of the plan and the run (see plan-markdown.ts). */
const FOOTER = /^<sub>.*okta-app-connections<\/sub>$/m;

/**
 * Whether `after` would say nothing `before` does not already say, so `before` can stay unedited: the same
 * marker (plan, head, state, review records) and the same visible text. Only what says which run wrote it
 * may differ: the run id and digest in the marker, the footer (run link, plan time), and a new review record
 * that repeats the last one but for its run, time and digest (a re-run of an unchanged plan on the same
 * head; the kept record names a plan run of that head just as well). `before` must still be the text its
 * write recorded (`bodyDigest`), or the edit restores it.
 */
export function sameReport(before: string, after: string): boolean {
  const [a, b] = [parseMarker(before), parseMarker(after)];
  if (!a || !b) return false;
  if (a.bodyDigest !== undefined && a.bodyDigest !== digestOfVisible(before)) return false;
  return (
    JSON.stringify(comparableMarker(a)) === JSON.stringify(comparableMarker(b)) &&
    visibleReport(before) === visibleReport(after)
  );
}

/** A marker without what only names the writing run; consecutive records that differ only so count once. */
function comparableMarker(marker: MarkerData): Record<string, unknown> {
  const { runId: _run, bodyDigest: _digest, records, ...rest } = marker;
  const comparable = (records ?? []).map(({ runId: _r, at: _a, bodyDigest: _d, ...record }) =>
    JSON.stringify(record),
  );
  const collapsed = comparable.filter((record, index) => record !== comparable[index - 1]);
  return { ...rest, records: collapsed };
}

function visibleReport(body: string): string {
  return visibleText(body).replace(FOOTER, '');
}

const MINIMIZED_QUERY = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on IssueComment { id isMinimized } } }`;

/** The comments not folded yet (REST does not say): one query per 100; unknown ones count as not folded. */
async function notMinimized(octokit: Octokit, comments: StickyComment[]): Promise<StickyComment[]> {
  const folded = new Set<string>();
  for (let start = 0; start < comments.length; start += 100) {
    const ids = comments.slice(start, start + 100).map((comment) => comment.nodeId);
    try {
      const { nodes } = await octokit.graphql<{ nodes?: ({ id?: string; isMinimized?: boolean } | null)[] }>(
        MINIMIZED_QUERY,
        { ids },
      );
      for (const node of nodes ?? []) if (node?.isMinimized === true && node.id) folded.add(node.id);
    } catch (error) {
      if (!isGitHubError(error)) throw error;
    }
  }
  return comments.filter((comment) => !folded.has(comment.nodeId));
}

/** Folds the older plan comments as "outdated" (those not folded yet); a failure only costs a warning. */
async function minimizeOutdated(octokit: Octokit, comments: StickyComment[]): Promise<string | undefined> {
  const problems: string[] = [];
  for (const comment of await notMinimized(octokit, comments)) {
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
  if (error instanceof UnknownIdentityError) {
    return { action: 'failed', identityUnknown: true, warning: `${what}: ${describeGitHubError(error)}` };
  }
  const status = githubErrorStatus(error);
  const hint =
    status === 403 || status === 404
      ? ' Give the workflow `permissions: pull-requests: write`. Pull requests from forks get a read-only token; there the plan is only in the job summary.'
      : status === 401
        ? ' Check the `github-token` input. The plan is in the job summary.'
        : ' The plan is in the job summary.';
  return { action: 'failed', warning: `${what} (${describeGitHubError(error)}).${hint}` };
}
