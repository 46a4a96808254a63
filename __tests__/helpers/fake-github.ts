/**
 * A fake GitHub REST + GraphQL API for one repository on 127.0.0.1: issue comments (paginated with a
 * GitHub-style Link header), issues, commit → pulls and the `minimizeComment` mutation. Enough of GitHub's
 * shapes, status codes and error bodies that the real octokit runs against it unchanged.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}

export interface FakeGitHubOptions extends Partial<FakeGitHubModes> {
  token?: string;
  owner?: string;
  repo?: string;
  /** Login of the author of everything written through the API. */
  botLogin?: string;
}

export interface FakeIssue {
  number: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  isPullRequest: boolean;
}

export interface FakePull {
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  /** Further commits of the PR: `commits/{sha}/pulls` lists the PR for these too. */
  commitShas: string[];
}

export interface FakeComment {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  minimized: boolean;
  minimizedReason: string | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface AddPullInput {
  number?: number;
  headSha: string;
  mergeCommitSha?: string | null;
  merged?: boolean;
  baseRef?: string;
  headRef?: string;
  title?: string;
  body?: string;
  labels?: string[];
  /** Open/closed state of an unmerged PR (merged PRs are always closed). */
  state?: 'open' | 'closed';
  commitShas?: string[];
}

export interface AddIssueInput {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  user?: string;
}

export interface AddCommentInput {
  issueNumber: number;
  body: string;
  user?: string;
}

const MAX_BODY_CHARACTERS = 65_536;
const REPO_ID = 708_123_456;
const HTML_BASE = 'https://github.com';

export class FakeGitHubState {
  readonly issues: FakeIssue[] = [];
  readonly pulls: FakePull[] = [];
  readonly allComments: FakeComment[] = [];
  readonly minimized: { nodeId: string; classifier: string }[] = [];
  private tick = 0;
  private nextCommentId = 2_000_000_001;

  constructor(private readonly botLogin: string) {}

  comments(issueNumber: number): FakeComment[] {
    return this.allComments.filter((comment) => comment.issueNumber === issueNumber);
  }

  issue(number: number): FakeIssue | undefined {
    return this.issues.find((issue) => issue.number === number);
  }

  /** A strictly increasing timestamp, one second apart, so "newest" is never ambiguous. */
  now(): string {
    this.tick += 1;
    return new Date(Date.UTC(2025, 0, 1) + this.tick * 1000).toISOString().replace('.000Z', 'Z');
  }

  addIssue(input: AddIssueInput): FakeIssue {
    return this.insertIssue({ ...input, number: this.nextNumber(), isPullRequest: false });
  }

  addPull(input: AddPullInput): FakePull {
    const number = input.number ?? this.nextNumber();
    if (this.issue(number)) throw new Error(`fake GitHub: #${number} exists already`);
    const merged = input.merged ?? false;
    const issue = this.insertIssue({
      number,
      title: input.title ?? `Pull request ${number}`,
      body: input.body ?? null,
      labels: input.labels,
      state: merged ? 'closed' : (input.state ?? 'open'),
      isPullRequest: true,
    });
    const pull: FakePull = {
      number,
      headSha: input.headSha,
      headRef: input.headRef ?? `change-${number}`,
      baseRef: input.baseRef ?? 'main',
      mergeCommitSha: input.mergeCommitSha ?? null,
      mergedAt: merged ? issue.createdAt : null,
      commitShas: input.commitShas ?? [],
    };
    this.pulls.push(pull);
    return pull;
  }

  addComment(input: AddCommentInput): FakeComment {
    if (!this.issue(input.issueNumber)) throw new Error(`fake GitHub: no issue or PR #${input.issueNumber}`);
    const id = this.nextCommentId++;
    const createdAt = this.now();
    const comment: FakeComment = {
      id,
      nodeId: `IC_kwDOKjS${id.toString(36)}`,
      issueNumber: input.issueNumber,
      body: input.body,
      user: input.user ?? this.botLogin,
      createdAt,
      updatedAt: createdAt,
      minimized: false,
      minimizedReason: null,
    };
    this.allComments.push(comment);
    return comment;
  }

  private nextNumber(): number {
    return Math.max(0, ...this.issues.map((issue) => issue.number)) + 1;
  }

  private insertIssue(input: AddIssueInput & { number: number; isPullRequest: boolean }): FakeIssue {
    const createdAt = this.now();
    const issue: FakeIssue = {
      number: input.number,
      nodeId: `${input.isPullRequest ? 'PR' : 'I'}_kwDOKjS${input.number.toString(36)}`,
      title: input.title,
      body: input.body ?? null,
      state: input.state ?? 'open',
      stateReason: input.state === 'closed' ? 'completed' : null,
      labels: input.labels ?? [],
      user: input.user ?? this.botLogin,
      createdAt,
      updatedAt: createdAt,
      closedAt: input.state === 'closed' ? createdAt : null,
      isPullRequest: input.isPullRequest,
    };
    this.issues.push(issue);
    return issue;
  }
}

export interface FakeGitHub {
  url: string;
  token: string;
  owner: string;
  repo: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  setMode(modes: Partial<FakeGitHubModes>): void;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

type Handler = (match: RegExpExecArray, request: ParsedRequest) => Reply;

interface ParsedRequest {
  url: URL;
  /** The path below the repository, e.g. `/issues/7/comments`. */
  local: string;
  body: Record<string, unknown>;
}

interface Reply {
  status: number;
  body: unknown;
  link?: string;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'ghs_fakeInstallationToken0123456789';
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'okta-config';
  const botLogin = options.botLogin ?? 'github-actions[bot]';
  const modes: FakeGitHubModes = {
    commentWrites: options.commentWrites ?? 'ok',
    issueWrites: options.issueWrites ?? 'ok',
    minimize: options.minimize ?? 'ok',
    labelsOnCreate: options.labelsOnCreate ?? 'kept',
  };
  const state = new FakeGitHubState(botLogin);
  const requests: RecordedRequest[] = [];
  let baseUrl = '';
  const repoPath = `/repos/${owner}/${repo}`;
  const apiRepoUrl = () => `${baseUrl}${repoPath}`;

  const user = (login: string) => ({
    login,
    id: login === botLogin ? 41_898_282 : 1000 + login.length,
    node_id: `MDQ6VXNlcj${login.length}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    html_url: `${HTML_BASE}/${login.replace('[bot]', '')}`,
  });

  const commentJson = (comment: FakeComment) => {
    const issue = state.issue(comment.issueNumber);
    const kind = issue?.isPullRequest ? 'pull' : 'issues';
    return {
      id: comment.id,
      node_id: comment.nodeId,
      url: `${apiRepoUrl()}/issues/comments/${comment.id}`,
      html_url: `${HTML_BASE}/${owner}/${repo}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
      issue_url: `${apiRepoUrl()}/issues/${comment.issueNumber}`,
      body: comment.body,
      user: user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: comment.user === botLogin ? 'NONE' : 'MEMBER',
      performed_via_github_app: null,
      reactions: { total_count: 0 },
    };
  };

  const issueJson = (issue: FakeIssue) => ({
    id: 3_000_000_000 + issue.number,
    node_id: issue.nodeId,
    url: `${apiRepoUrl()}/issues/${issue.number}`,
    html_url: `${HTML_BASE}/${owner}/${repo}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: user(issue.user),
    labels: issue.labels.map((name, index) => ({ id: 5_000 + index, name, color: 'ededed', default: false })),
    assignees: [],
    comments: state.comments(issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    locked: false,
    author_association: 'NONE',
    ...(issue.isPullRequest
      ? {
          pull_request: {
            url: `${apiRepoUrl()}/pulls/${issue.number}`,
            html_url: `${HTML_BASE}/${owner}/${repo}/pull/${issue.number}`,
            merged_at: state.pulls.find((pull) => pull.number === issue.number)?.mergedAt ?? null,
          },
        }
      : {}),
  });

  const pullJson = (pull: FakePull) => {
    const issue = state.issue(pull.number);
    const branch = (ref: string, sha: string) => ({ label: `${owner}:${ref}`, ref, sha, user: user(owner) });
    return {
      id: 4_000_000_000 + pull.number,
      node_id: issue?.nodeId,
      url: `${apiRepoUrl()}/pulls/${pull.number}`,
      html_url: `${HTML_BASE}/${owner}/${repo}/pull/${pull.number}`,
      number: pull.number,
      state: issue?.state ?? 'open',
      locked: false,
      title: issue?.title,
      body: issue?.body ?? null,
      user: user(issue?.user ?? botLogin),
      labels: (issue?.labels ?? []).map((name) => ({ name })),
      created_at: issue?.createdAt,
      updated_at: issue?.updatedAt,
      closed_at: issue?.closedAt ?? null,
      merged_at: pull.mergedAt,
      merge_commit_sha: pull.mergeCommitSha,
      draft: false,
      head: branch(pull.headRef, pull.headSha),
      base: branch(pull.baseRef, 'b'.repeat(40)),
      author_association: 'MEMBER',
    };
  };

  const requireIssue = (number: string | undefined): FakeIssue => {
    const issue = state.issue(Number(number));
    if (!issue) throw notFound();
    return issue;
  };

  const requireBody = (
    body: Record<string, unknown>,
    resource: 'IssueComment' | 'Issue',
    required: boolean,
  ) => {
    const text = body.body;
    if (text === undefined && !required) return undefined;
    if (typeof text !== 'string') throw validationFailed(resource, 'missing_field', 'body is missing');
    // GitHub counts characters, not UTF-16 units.
    if ([...text].length > MAX_BODY_CHARACTERS) {
      throw validationFailed(
        resource,
        'custom',
        `body is too long (maximum is ${MAX_BODY_CHARACTERS} characters)`,
      );
    }
    return text;
  };

  const allowWrite = (mode: WriteMode, docs: string) => {
    if (mode === 'forbidden') {
      throw new HttpError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: `https://docs.github.com/rest/${docs}`,
        status: '403',
      });
    }
  };

  const routes: [string, RegExp, Handler][] = [
    [
      'GET',
      /^\/issues\/(\d+)\/comments$/,
      (m, req) => {
        requireIssue(m[1]);
        return paginate(req, state.comments(Number(m[1])).map(commentJson));
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/comments$/,
      (m, req) => {
        const issue = requireIssue(m[1]);
        allowWrite(modes.commentWrites, 'issues/comments#create-an-issue-comment');
        const body = requireBody(req.body, 'IssueComment', true) ?? '';
        return { status: 201, body: commentJson(state.addComment({ issueNumber: issue.number, body })) };
      },
    ],
    [
      'PATCH',
      /^\/issues\/comments\/(\d+)$/,
      (m, req) => {
        const comment = state.allComments.find((c) => c.id === Number(m[1]));
        if (!comment) throw notFound();
        allowWrite(modes.commentWrites, 'issues/comments#update-an-issue-comment');
        comment.body = requireBody(req.body, 'IssueComment', true) ?? '';
        comment.updatedAt = state.now();
        return { status: 200, body: commentJson(comment) };
      },
    ],
    [
      'GET',
      /^\/issues$/,
      (_m, req) => {
        const wantedState = req.url.searchParams.get('state') ?? 'open';
        const labels = (req.url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
        const ascending = req.url.searchParams.get('direction') === 'asc';
        const matching = state.issues
          .filter((issue) => wantedState === 'all' || issue.state === wantedState)
          .filter((issue) => labels.every((label) => issue.labels.includes(label)))
          .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
        return paginate(req, matching.map(issueJson));
      },
    ],
    [
      'POST',
      /^\/issues$/,
      (_m, req) => {
        allowWrite(modes.issueWrites, 'issues/issues#create-an-issue');
        if (typeof req.body.title !== 'string' || req.body.title === '') {
          throw validationFailed('Issue', 'missing_field', 'title is missing');
        }
        const issue = state.addIssue({
          title: req.body.title,
          body: requireBody(req.body, 'Issue', false) ?? null,
          labels: modes.labelsOnCreate === 'kept' ? labelNames(req.body.labels) : [],
        });
        return { status: 201, body: issueJson(issue) };
      },
    ],
    ['GET', /^\/issues\/(\d+)$/, (m) => ({ status: 200, body: issueJson(requireIssue(m[1])) })],
    [
      'PATCH',
      /^\/issues\/(\d+)$/,
      (m, req) => {
        const issue = requireIssue(m[1]);
        allowWrite(modes.issueWrites, 'issues/issues#update-an-issue');
        const { title, state: newState, state_reason: stateReason, labels } = req.body;
        const body = requireBody(req.body, 'Issue', false);
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
        return { status: 200, body: issueJson(issue) };
      },
    ],
    [
      'GET',
      /^\/commits\/([0-9a-f]{7,40})\/pulls$/,
      (m, req) => {
        const sha = m[1];
        const pulls = state.pulls.filter(
          (pull) =>
            pull.mergeCommitSha === sha || pull.headSha === sha || pull.commitShas.includes(sha ?? ''),
        );
        return paginate(req, pulls.map(pullJson));
      },
    ],
  ];

  const graphql = (body: Record<string, unknown>): Reply => {
    const query = typeof body.query === 'string' ? body.query : '';
    const variables = (body.variables ?? {}) as Record<string, unknown>;
    if (!/\bminimizeComment\s*\(/.test(query)) {
      return {
        status: 200,
        body: { errors: [{ message: 'fake GitHub: only minimizeComment is supported' }] },
      };
    }
    const subjectId = graphqlArgument(query, 'subjectId', variables);
    const classifier = graphqlArgument(query, 'classifier', variables);
    const error = (type: string, message: string): Reply => ({
      status: 200,
      body: { data: { minimizeComment: null }, errors: [{ type, path: ['minimizeComment'], message }] },
    });
    if (modes.minimize === 'forbidden') return error('FORBIDDEN', 'Resource not accessible by integration');
    const comment = state.allComments.find((c) => c.nodeId === subjectId);
    if (!comment)
      return error('NOT_FOUND', `Could not resolve to a node with the global id of '${subjectId}'`);
    comment.minimized = true;
    comment.minimizedReason = (classifier ?? '').toLowerCase();
    state.minimized.push({ nodeId: comment.nodeId, classifier: classifier ?? '' });
    return {
      status: 200,
      body: {
        data: {
          minimizeComment: {
            minimizedComment: { isMinimized: true, minimizedReason: comment.minimizedReason },
          },
        },
      },
    };
  };

  const handle = (method: string, url: URL, body: Record<string, unknown>): Reply => {
    const path = url.pathname;
    if (method === 'POST' && path === '/graphql') return graphql(body);
    // Link headers point at /repositories/{id}/…, like GitHub's; accept both spellings.
    const local = path.startsWith(`/repositories/${REPO_ID}/`)
      ? path.slice(`/repositories/${REPO_ID}`.length)
      : path.startsWith(`${repoPath}/`)
        ? path.slice(repoPath.length)
        : undefined;
    if (local === undefined) throw notFound();
    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(local);
      if (match && routeMethod === method) return handler(match, { url, local, body });
    }
    throw notFound();
  };

  const paginate = ({ url, local }: ParsedRequest, items: unknown[]): Reply => {
    const perPage = clamp(Number(url.searchParams.get('per_page') ?? 30) || 30, 1, 100);
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    const lastPage = Math.max(1, Math.ceil(items.length / perPage));
    const pageUrl = (n: number) => {
      const target = new URL(`${baseUrl}/repositories/${REPO_ID}${local}`);
      url.searchParams.forEach((value, name) => target.searchParams.set(name, value));
      target.searchParams.set('page', String(n));
      return `<${target.toString()}>`;
    };
    const links: string[] = [];
    if (page > 1) links.push(`${pageUrl(page - 1)}; rel="prev"`);
    if (page < lastPage) links.push(`${pageUrl(page + 1)}; rel="next"`, `${pageUrl(lastPage)}; rel="last"`);
    if (page > 1) links.push(`${pageUrl(1)}; rel="first"`);
    return {
      status: 200,
      body: items.slice((page - 1) * perPage, page * perPage),
      link: links.length > 0 ? links.join(', ') : undefined,
    };
  };

  const server = createServer((req, res) => {
    void respond(req, res);
  });

  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', baseUrl);
    const method = req.method ?? 'GET';
    const raw = await readBody(req);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    requests.push({
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body,
      headers: { ...req.headers },
    });
    let reply: Reply;
    try {
      if (!isAuthorized(req.headers.authorization, token)) {
        throw new HttpError(401, {
          message: 'Bad credentials',
          documentation_url: 'https://docs.github.com/rest',
          status: '401',
        });
      }
      const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
      reply = handle(method, url, fields);
    } catch (error) {
      reply =
        error instanceof HttpError
          ? { status: error.status, body: error.body }
          : { status: 500, body: { message: `fake GitHub: ${String(error)}` } };
    }
    res.writeHead(reply.status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-request-id': `FAKE:${requests.length}`,
      ...(reply.link ? { link: reply.link } : {}),
    });
    res.end(JSON.stringify(reply.body));
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    token,
    owner,
    repo,
    state,
    requests,
    setMode: (changes) => Object.assign(modes, changes),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] === token;
}

function notFound(): HttpError {
  return new HttpError(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });
}

function validationFailed(resource: string, code: string, message: string): HttpError {
  return new HttpError(422, {
    message: 'Validation Failed',
    errors: [{ resource, code, field: 'body', message }],
    documentation_url: 'https://docs.github.com/rest',
    status: '422',
  });
}

/** Labels arrive as names or `{ name }` objects. */
function labelNames(labels: unknown): string[] {
  if (!Array.isArray(labels)) return [];
  return labels
    .map((label: unknown) => (typeof label === 'string' ? label : (label as { name?: unknown })?.name))
    .filter((name): name is string => typeof name === 'string');
}

/** A literal (`"…"`, `ENUM`) or `$variable` argument of the mutation. */
function graphqlArgument(
  query: string,
  name: string,
  variables: Record<string, unknown>,
): string | undefined {
  const match = new RegExp(`\\b${name}\\s*:\\s*(\\$\\w+|"(?:[^"\\\\]|\\\\.)*"|\\w+)`).exec(query);
  const token = match?.[1];
  if (token === undefined) return undefined;
  if (token.startsWith('$')) {
    const value = variables[token.slice(1)];
    return typeof value === 'string' ? value : undefined;
  }
  return token.startsWith('"') ? (JSON.parse(token) as string) : token;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
