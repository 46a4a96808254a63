/**
 * The REST endpoints our code calls, below `/repos/{owner}/{repo}`: list/create/edit issue comments,
 * list/create/edit issues, and the pull requests of a commit. Anything else is a 404.
 */
import { forbidden, notFound, paginate, validationFailed, type Reply } from './http.js';
import { commentJson, issueJson, pullJson, userJson, type RepositoryContext } from './json.js';
import type { FakeDeployment, FakeIssue } from './state.js';

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
  /** GraphQL `viewer`: `forbidden` as GitHub answers some installation tokens, `error` for any other failure. */
  viewer: 'ok' | 'forbidden' | 'error';
  /** REST `GET /user`: `forbidden` as GitHub answers the default GITHUB_TOKEN. */
  restUser: 'ok' | 'forbidden' | 'error';
  /** Deployments and their statuses (403 without `deployments: write`). */
  deployments: WriteMode;
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
  const ancestors = (sha: string): Set<string> => {
    const seen = new Set<string>();
    const todo = [sha];
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...(state.commits.get(next) ?? []));
    }
    return seen;
  };
  /** GitHub's compare: status by ancestry, the commits reachable from head and not from base, oldest first. */
  const compare = (base: string, head: string, request: RouteRequest): Reply => {
    if (!state.commits.has(base) || !state.commits.has(head)) throw notFound();
    const fromHead = ancestors(head);
    const fromBase = ancestors(base);
    const status =
      base === head ? 'identical' : fromHead.has(base) ? 'ahead' : fromBase.has(head) ? 'behind' : 'diverged';
    const order = [...state.commits.keys()].reverse();
    const commits = order.filter((sha) => fromHead.has(sha) && !fromBase.has(sha));
    // Without pagination GitHub lists up to 250 commits; a page holds at most 100.
    const asked = request.url.searchParams.get('per_page');
    const perPage = asked === null ? 250 : Math.min(100, Number(asked) || 30);
    const page = Math.max(1, Number(request.url.searchParams.get('page') ?? 1) || 1);
    return {
      status: 200,
      body: {
        status,
        ahead_by: commits.length,
        behind_by: [...fromBase].filter((sha) => !fromHead.has(sha)).length,
        total_commits: commits.length,
        commits: commits.slice((page - 1) * perPage, page * perPage).map((sha) => ({
          sha,
          parents: (state.commits.get(sha) ?? []).map((parent) => ({ sha: parent })),
        })),
        files: [],
      },
    };
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
        state.editComment(comment.id, requiredBody(request.body, 'IssueComment'), state.viewerLogin);
        return { status: 200, body: commentJson(context, comment) };
      },
    ],
    [
      'DELETE',
      /^\/issues\/comments\/(\d+)$/,
      (m) => {
        const comment = state.comment(Number(m[1]));
        if (!comment) throw notFound();
        allowWrite(modes.commentWrites, 'issues/comments#delete-an-issue-comment');
        state.allComments.splice(state.allComments.indexOf(comment), 1);
        return { status: 204, body: '' };
      },
    ],
    [
      'GET',
      /^\/pulls\/(\d+)\/reviews$/,
      (m, request) => {
        if (!state.pull(Number(m[1]))) throw notFound();
        const reviews = state.reviews.filter((review) => review.pullNumber === Number(m[1]));
        return list(
          request,
          reviews.map((review) => ({
            id: review.id,
            user: userJson(review.user),
            state: review.state,
            submitted_at: review.submittedAt,
            author_association: review.association ?? 'COLLABORATOR',
            body: '',
          })),
        );
      },
    ],
    [
      'GET',
      /^\/actions\/runs\/(\d+)$/,
      (m) => {
        const run = state.runs.find((r) => r.id === Number(m[1]));
        if (!run) throw notFound();
        return {
          status: 200,
          body: {
            id: run.id,
            event: run.event,
            head_sha: run.headSha,
            head_branch: run.headBranch,
            status: 'completed',
            pull_requests: run.pullRequests.map((number) => ({ number, id: 4_000_000_000 + number })),
          },
        };
      },
    ],
    [
      'GET',
      /^\/deployments$/,
      (_m, request) => {
        allowWrite(modes.deployments, 'deployments/deployments#list-deployments');
        const environment = request.url.searchParams.get('environment');
        const matching = state.deployments
          .filter((d) => environment === null || d.environment === environment)
          .reverse();
        return list(
          request,
          matching.map((deployment) => deploymentJson(deployment, state.viewerLogin)),
        );
      },
    ],
    [
      'POST',
      /^\/deployments$/,
      (_m, request) => {
        allowWrite(modes.deployments, 'deployments/deployments#create-a-deployment');
        const { ref, environment } = request.body;
        if (typeof ref !== 'string' || ref === '')
          throw validationFailed('Deployment', 'missing_field', 'ref', 'ref is missing');
        const deployment = {
          id: 90_000 + state.deployments.length,
          sha: ref,
          ref,
          environment: typeof environment === 'string' ? environment : 'production',
          body: request.body,
          createdAt: state.now(),
          statuses: [],
        };
        state.deployments.push(deployment);
        return { status: 201, body: deploymentJson(deployment, state.viewerLogin) };
      },
    ],
    [
      'GET',
      /^\/deployments\/(\d+)\/statuses$/,
      (m, request) => {
        allowWrite(modes.deployments, 'deployments/statuses#list-deployment-statuses');
        const deployment = state.deployments.find((d) => d.id === Number(m[1]));
        if (!deployment) throw notFound();
        return list(
          request,
          [...deployment.statuses].reverse().map((status, index) => ({
            id: index + 1,
            state: status.state,
            creator: userJson(status.creator ?? state.viewerLogin),
            created_at: status.createdAt,
          })),
        );
      },
    ],
    [
      'POST',
      /^\/deployments\/(\d+)\/statuses$/,
      (m, request) => {
        allowWrite(modes.deployments, 'deployments/statuses#create-a-deployment-status');
        const deployment = state.deployments.find((d) => d.id === Number(m[1]));
        if (!deployment) throw notFound();
        const { state: wanted, log_url: logUrl, environment_url: environmentUrl } = request.body;
        if (typeof wanted !== 'string')
          throw validationFailed('DeploymentStatus', 'missing_field', 'state', 'state is missing');
        deployment.statuses.push({
          state: wanted,
          createdAt: state.now(),
          ...(typeof logUrl === 'string' && { logUrl }),
          ...(typeof environmentUrl === 'string' && { environmentUrl }),
        });
        return { status: 201, body: { id: deployment.statuses.length, state: wanted } };
      },
    ],
    [
      'GET',
      /^\/compare\/([0-9a-f]{7,40})\.\.\.([0-9a-f]{7,40})$/,
      (m, request) => compare(m[1]!, m[2]!, request),
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

function deploymentJson(deployment: FakeDeployment, viewerLogin: string) {
  return {
    id: deployment.id,
    creator: userJson(deployment.creator ?? viewerLogin),
    sha: deployment.sha,
    ref: deployment.ref,
    environment: deployment.environment,
    created_at: deployment.createdAt,
  };
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
