/**
 * A fake GitHub REST + GraphQL API for one repository on 127.0.0.1, enough that the real octokit runs
 * against it unchanged: the endpoints our code calls (fake-github/routes.ts, fake-github/graphql.ts), with
 * GitHub's shapes, status codes, error bodies and Link-header pagination. Everything written through the
 * API is authored by the token's identity (the viewer, `github-actions[bot]` by default); tests add
 * comments and issues by other users through `state`.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerGraphql } from './fake-github/graphql.js';
import { badCredentials, forbidden, HttpError, notFound, type Reply } from './fake-github/http.js';
import { REPO_ID, userJson } from './fake-github/json.js';
import { restRoutes, type FakeGitHubModes } from './fake-github/routes.js';
import { FakeGitHubState } from './fake-github/state.js';

export type { FakeGitHubModes } from './fake-github/routes.js';
export type { FakeComment, FakeDeployment, FakeIssue, FakePull } from './fake-github/state.js';
export { FakeGitHubState };

export interface FakeGitHubOptions extends Partial<FakeGitHubModes> {
  token?: string;
  owner?: string;
  repo?: string;
  /** Login of the identity behind the token (GraphQL `viewer`), author of everything written through the API. */
  viewerLogin?: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
}

export interface FakeGitHub {
  url: string;
  token: string;
  owner: string;
  repo: string;
  state: FakeGitHubState;
  requests: RecordedRequest[];
  /** The requests that change something: every one but GETs and GraphQL queries (mutations count). */
  writes(): RecordedRequest[];
  setMode(modes: Partial<FakeGitHubModes>): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const token = options.token ?? 'ghs_fakeInstallationToken0123456789';
  const owner = options.owner ?? 'acme';
  const repo = options.repo ?? 'okta-config';
  const modes: FakeGitHubModes = {
    commentWrites: options.commentWrites ?? 'ok',
    issueWrites: options.issueWrites ?? 'ok',
    minimize: options.minimize ?? 'ok',
    labelsOnCreate: options.labelsOnCreate ?? 'kept',
    viewer: options.viewer ?? 'ok',
    restUser: options.restUser ?? 'ok',
    deployments: options.deployments ?? 'ok',
    labelWrites: options.labelWrites ?? 'ok',
  };
  const state = new FakeGitHubState(options.viewerLogin ?? 'github-actions[bot]');
  const requests: RecordedRequest[] = [];
  const context = { baseUrl: '', owner, repo, state };
  const routes = restRoutes(context, modes);
  const repoPath = `/repos/${owner}/${repo}`;

  const handle = (method: string, url: URL, body: Record<string, unknown>): Reply => {
    if (method === 'POST' && url.pathname === '/graphql') return answerGraphql(state, modes, body);
    if (method === 'GET' && url.pathname === '/user') return authenticatedUser(state, modes);
    // Link headers point at /repositories/{id}/…, like GitHub's; accept both spellings.
    const local = url.pathname.startsWith(`/repositories/${REPO_ID}/`)
      ? url.pathname.slice(`/repositories/${REPO_ID}`.length)
      : url.pathname.startsWith(`${repoPath}/`)
        ? url.pathname.slice(repoPath.length)
        : undefined;
    if (local === undefined) throw notFound();
    for (const [routeMethod, pattern, handler] of routes) {
      const match = pattern.exec(local);
      if (match && routeMethod === method) return handler(match, { url, local, body });
    }
    throw notFound();
  };

  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', context.baseUrl);
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
      if (!isAuthorized(req.headers.authorization, token)) throw badCredentials();
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
      date: state.clock().toUTCString(),
      ...(reply.link ? { link: reply.link } : {}),
    });
    res.end(JSON.stringify(reply.body));
  };

  const server = createServer((req, res) => void respond(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  context.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: context.baseUrl,
    token,
    owner,
    repo,
    state,
    requests,
    writes: () => requests.filter(isWrite),
    setMode: (changes) => Object.assign(modes, changes),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** REST `GET /user`: GitHub refuses it for installation tokens such as the default GITHUB_TOKEN. */
function authenticatedUser(state: FakeGitHubState, modes: FakeGitHubModes): Reply {
  if (modes.restUser === 'forbidden') throw forbidden('users/users#get-the-authenticated-user');
  if (modes.restUser === 'error') throw new HttpError(502, { message: 'Server Error' });
  return { status: 200, body: userJson(state.viewerLogin) };
}

function isWrite({ method, path, body }: RecordedRequest): boolean {
  if (method === 'GET') return false;
  if (path !== '/graphql') return true;
  const query = (body as { query?: unknown } | undefined)?.query;
  return typeof query === 'string' && /^\s*mutation\b/.test(query);
}

function isAuthorized(header: string | undefined, token: string): boolean {
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] === token;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
