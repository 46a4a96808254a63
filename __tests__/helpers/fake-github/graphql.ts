/**
 * The GraphQL operations our code sends: `query { viewer { login } }` (who the token is) and the
 * `minimizeComment` mutation. Errors come back as GitHub sends them: status 200 with an `errors` list.
 */
import type { Reply } from './http.js';
import type { FakeGitHubModes } from './routes.js';
import type { FakeGitHubState } from './state.js';

export function answerGraphql(
  state: FakeGitHubState,
  modes: FakeGitHubModes,
  body: Record<string, unknown>,
): Reply {
  const query = typeof body.query === 'string' ? body.query : '';
  const variables = (body.variables ?? {}) as Record<string, unknown>;
  if (/^\s*(?:query\b[^{]*)?\{\s*viewer\s*\{\s*login\s*\}\s*\}\s*$/.test(query)) {
    if (modes.viewer === 'forbidden') {
      return {
        status: 200,
        body: {
          data: null,
          errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }],
        },
      };
    }
    if (modes.viewer === 'error') return { status: 502, body: { message: 'Server Error' } };
    return { status: 200, body: { data: { viewer: { login: state.viewerLogin } } } };
  }
  if (/\buserContentEdits\b/.test(query)) return contentEdits(state, variables);
  if (/\bnodes\s*\(\s*ids\s*:/.test(query)) return nodesById(state, variables);
  if (/\bminimizeComment\s*\(/.test(query)) return minimizeComment(state, modes, query, variables);
  return {
    status: 200,
    body: { errors: [{ message: 'fake GitHub: only viewer { login } and minimizeComment are supported' }] },
  };
}

/**
 * `node(id) { ... on IssueComment { userContentEdits(first, after) { totalCount pageInfo nodes } } }`, newest
 * first, in pages as GitHub gives them (the cursor is opaque to the client; here it is the offset).
 */
function contentEdits(state: FakeGitHubState, variables: Record<string, unknown>): Reply {
  const comment = state.allComments.find((c) => c.nodeId === variables.id);
  if (!comment) return { status: 200, body: { data: { node: null } } };
  const nodes = [...comment.edits]
    .reverse()
    .map((edit) => ({ editor: actorJson(edit.editor), editedAt: edit.editedAt }));
  const first = Math.min(Number(variables.first ?? 100), 100);
  const start = typeof variables.after === 'string' ? Number(variables.after) : 0;
  const page = nodes.slice(start, start + first);
  const end = start + page.length;
  const pageInfo = { hasNextPage: end < nodes.length, endCursor: page.length > 0 ? String(end) : null };
  return {
    status: 200,
    body: { data: { node: { userContentEdits: { totalCount: nodes.length, pageInfo, nodes: page } } } },
  };
}

/** `nodes(ids) { ... on IssueComment { id isMinimized } }`: GitHub takes at most 100 ids, null for unknown ones. */
function nodesById(state: FakeGitHubState, variables: Record<string, unknown>): Reply {
  const ids = Array.isArray(variables.ids) ? (variables.ids as unknown[]) : [];
  if (ids.length > 100) {
    return { status: 200, body: { errors: [{ type: 'EXCESSIVE_PAGE_SIZE', message: 'Too many ids' }] } };
  }
  const nodes = ids.map((id) => {
    const comment = state.allComments.find((c) => c.nodeId === id);
    return comment ? { id: comment.nodeId, isMinimized: comment.minimized } : null;
  });
  return { status: 200, body: { data: { nodes } } };
}

/** A GraphQL `Actor`: a bot's `login` has no `[bot]` suffix there (REST's `user.login` has it). */
function actorJson(login: string) {
  return login.endsWith('[bot]')
    ? { __typename: 'Bot', login: login.slice(0, -'[bot]'.length) }
    : { __typename: 'User', login };
}

function minimizeComment(
  state: FakeGitHubState,
  modes: FakeGitHubModes,
  query: string,
  variables: Record<string, unknown>,
): Reply {
  const subjectId = argument(query, 'subjectId', variables);
  const classifier = argument(query, 'classifier', variables) ?? '';
  const error = (type: string, message: string): Reply => ({
    status: 200,
    body: { data: { minimizeComment: null }, errors: [{ type, path: ['minimizeComment'], message }] },
  });
  if (modes.minimize === 'forbidden') return error('FORBIDDEN', 'Resource not accessible by integration');
  const comment = state.allComments.find((c) => c.nodeId === subjectId);
  if (!comment) return error('NOT_FOUND', `Could not resolve to a node with the global id of '${subjectId}'`);
  comment.minimized = true;
  comment.minimizedReason = classifier.toLowerCase();
  state.minimized.push({ nodeId: comment.nodeId, classifier });
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
}

/** A literal (`"…"`, `ENUM`) or `$variable` argument of the mutation. */
function argument(query: string, name: string, variables: Record<string, unknown>): string | undefined {
  const match = new RegExp(`\\b${name}\\s*:\\s*(\\$\\w+|"(?:[^"\\\\]|\\\\.)*"|\\w+)`).exec(query);
  const token = match?.[1];
  if (token === undefined) return undefined;
  if (token.startsWith('$')) {
    const value = variables[token.slice(1)];
    return typeof value === 'string' ? value : undefined;
  }
  return token.startsWith('"') ? (JSON.parse(token) as string) : token;
}
