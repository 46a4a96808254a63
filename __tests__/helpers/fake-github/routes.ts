/**
 * The REST endpoints our code calls, below `/repos/{owner}/{repo}`: list/create/edit issue comments,
 * list/create/edit issues, and the pull requests of a commit. Anything else is a 404.
 */
import { forbidden, notFound, paginate, validationFailed, type Reply } from './http.js';
import { commentJson, issueJson, pullJson, type RepositoryContext } from './json.js';
import type { FakeIssue } from './state.js';

export type WriteMode = 'ok' | 'forbidden';

export interface FakeGitHubModes {
  /** Creating/editing issue comments (403 "Resource not accessible by integration" when forbidden). */
  commentWrites: WriteMode;
  /** Creating/editing issues. */
  issueWrites: WriteMode;
  /** The GraphQL minimizeComment mutation (a GraphQL FORBIDDEN error when forbidden). */
  minimize: WriteMode;
  /** `dropped` mimics a token without push access: GitHub silently ignores labels on a new issue. */
  labelsOnCreate: 'kept' | 'dropped';
  /** Creating repository labels and setting or removing them on issues and pull requests. */
  labelWrites: WriteMode;
}

export interface RouteRequest {
  url: URL;
  /** The path below the repository, e.g. `/issues/7/comments`. */
  local: string;
  body: Record<string, unknown>;
}

type Handler = (match: RegExpExecArray, request: RouteRequest) => Reply;

/** GitHub rejects longer comment and issue bodies; it counts characters, not UTF-16 units. */
const MAX_BODY_CHARACTERS = 65_536;

export function restRoutes(context: RepositoryContext, modes: FakeGitHubModes): [string, RegExp, Handler][] {
  const { state } = context;
  const list = (request: RouteRequest, items: unknown[]) =>
    paginate(context.baseUrl, request.url, request.local, items);
  const requireIssue = (number: string | undefined): FakeIssue => {
    const issue = state.issue(Number(number));
    if (!issue) throw notFound();
    return issue;
  };
  const allowWrite = (mode: WriteMode, docs: string) => {
    if (mode === 'forbidden') throw forbidden(docs);
  };

  const issueLabelsJson = (issue: FakeIssue) =>
    issue.labels.map((name, index) => ({
      id: 7_000 + index,
      name,
      color: state.labels.get(name)?.color ?? 'ededed',
      description: state.labels.get(name)?.description ?? null,
      default: false,
    }));

  return [
    [
      'GET',
      /^\/issues\/(\d+)\/comments$/,
      (m, request) => {
        const issue = requireIssue(m[1]);
        return list(
          request,
          state.comments(issue.number).map((c) => commentJson(context, c)),
        );
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/comments$/,
      (m, request) => {
        const issue = requireIssue(m[1]);
        allowWrite(modes.commentWrites, 'issues/comments#create-an-issue-comment');
        const body = requiredBody(request.body, 'IssueComment');
        return {
          status: 201,
          body: commentJson(context, state.addComment({ issueNumber: issue.number, body })),
        };
      },
    ],
    [
      'PATCH',
      /^\/issues\/comments\/(\d+)$/,
      (m, request) => {
        const comment = state.comment(Number(m[1]));
        if (!comment) throw notFound();
        allowWrite(modes.commentWrites, 'issues/comments#update-an-issue-comment');
        comment.body = requiredBody(request.body, 'IssueComment');
        comment.updatedAt = state.now();
        return { status: 200, body: commentJson(context, comment) };
      },
    ],
    [
      'GET',
      /^\/issues$/,
      (_m, request) => {
        const wantedState = request.url.searchParams.get('state') ?? 'open';
        const labels = (request.url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const ascending = request.url.searchParams.get('direction') === 'asc';
        const matching = state.issues
          .filter((issue) => wantedState === 'all' || issue.state === wantedState)
          .filter((issue) => labels.every((label) => issue.labels.includes(label)))
          .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
        return list(
          request,
          matching.map((issue) => issueJson(context, issue)),
        );
      },
    ],
    [
      'POST',
      /^\/issues$/,
      (_m, request) => {
        allowWrite(modes.issueWrites, 'issues/issues#create-an-issue');
        const { title } = request.body;
        if (typeof title !== 'string' || title === '') {
          throw validationFailed('Issue', 'missing_field', 'title', 'title is missing');
        }
        const issue = state.addIssue({
          title,
          body: optionalBody(request.body, 'Issue') ?? null,
          labels: modes.labelsOnCreate === 'kept' ? labelNames(request.body.labels) : [],
        });
        return { status: 201, body: issueJson(context, issue) };
      },
    ],
    [
      'PATCH',
      /^\/issues\/(\d+)$/,
      (m, request) => {
        const issue = requireIssue(m[1]);
        allowWrite(modes.issueWrites, 'issues/issues#update-an-issue');
        const { title, state: newState, state_reason: stateReason, labels } = request.body;
        const body = optionalBody(request.body, 'Issue');
        if (typeof title === 'string') issue.title = title;
        if (body !== undefined) issue.body = body;
        if (labels !== undefined) issue.labels = labelNames(labels);
        issue.updatedAt = state.now();
        if (newState === 'closed' && issue.state === 'open') {
          issue.state = 'closed';
          issue.closedAt = issue.updatedAt;
          issue.stateReason = typeof stateReason === 'string' ? stateReason : 'completed';
        } else if (newState === 'open' && issue.state === 'closed') {
          issue.state = 'open';
          issue.closedAt = null;
          issue.stateReason = 'reopened';
        }
        return { status: 200, body: issueJson(context, issue) };
      },
    ],
    [
      'POST',
      /^\/labels$/,
      (_m, request) => {
        allowWrite(modes.labelWrites, 'issues/labels#create-a-label');
        const { name, color, description } = request.body;
        if (typeof name !== 'string' || name === '') {
          throw validationFailed('Label', 'missing_field', 'name', 'name is missing');
        }
        if (state.labels.has(name)) throw validationFailed('Label', 'already_exists', 'name', '');
        const label = {
          color: typeof color === 'string' ? color : 'ededed',
          description: typeof description === 'string' ? description : null,
        };
        state.labels.set(name, label);
        return { status: 201, body: { id: 7_000 + state.labels.size, name, ...label, default: false } };
      },
    ],
    ['GET', /^\/issues\/(\d+)\/labels$/, (m, request) => list(request, issueLabelsJson(requireIssue(m[1])))],
    [
      'POST',
      /^\/issues\/(\d+)\/labels$/,
      (m, request) => {
        const issue = requireIssue(m[1]);
        allowWrite(modes.labelWrites, 'issues/labels#add-labels-to-an-issue');
        for (const name of labelNames(request.body.labels)) {
          // GitHub creates a label it does not know yet, in its default colour.
          if (!state.labels.has(name)) state.labels.set(name, { color: 'ededed', description: null });
          if (!issue.labels.includes(name)) issue.labels.push(name);
        }
        return { status: 200, body: issueLabelsJson(issue) };
      },
    ],
    [
      'DELETE',
      /^\/issues\/(\d+)\/labels\/([^/]+)$/,
      (m) => {
        const issue = requireIssue(m[1]);
        allowWrite(modes.labelWrites, 'issues/labels#remove-a-label-from-an-issue');
        const name = decodeURIComponent(m[2] ?? '');
        if (!issue.labels.includes(name)) throw notFound();
        issue.labels = issue.labels.filter((label) => label !== name);
        return { status: 200, body: issueLabelsJson(issue) };
      },
    ],
    [
      'GET',
      /^\/commits\/([0-9a-f]{7,40})\/pulls$/,
      (m, request) => {
        const sha = m[1] ?? '';
        const pulls = state.pulls.filter(
          (pull) => pull.mergeCommitSha === sha || pull.headSha === sha || pull.commitShas.includes(sha),
        );
        return list(
          request,
          pulls.map((pull) => pullJson(context, pull)),
        );
      },
    ],
  ];
}

function requiredBody(fields: Record<string, unknown>, resource: string): string {
  const body = optionalBody(fields, resource);
  if (body === undefined) throw validationFailed(resource, 'missing_field', 'body', 'body is missing');
  return body;
}

function optionalBody(fields: Record<string, unknown>, resource: string): string | undefined {
  const { body } = fields;
  if (body === undefined) return undefined;
  if (typeof body !== 'string') throw validationFailed(resource, 'invalid', 'body', 'body is not a string');
  if ([...body].length > MAX_BODY_CHARACTERS) {
    throw validationFailed(
      resource,
      'custom',
      'body',
      `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
    );
  }
  return body;
}

/** Labels arrive as names or `{ name }` objects. */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((label: unknown) => (typeof label === 'string' ? label : (label as { name?: unknown } | null)?.name))
    .filter((name): name is string => typeof name === 'string');
}
