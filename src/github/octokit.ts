import { getOctokit } from '@actions/github';
import { USER_AGENT } from '../version.js';

/** The toolkit's octokit (REST endpoint methods + paginate + graphql). */
export type Octokit = ReturnType<typeof getOctokit>;

/**
 * Builds the octokit every GitHub helper takes. `baseUrl` is for GHES or a test server; without it the
 * toolkit's default applies (GITHUB_API_URL, read when @actions/github is imported).
 */
export function createOctokit(token: string, baseUrl?: string): Octokit {
  // Passing `baseUrl: undefined` would override the toolkit's default with nothing.
  const octokit = getOctokit(
    token,
    baseUrl === undefined ? { userAgent: USER_AGENT } : { userAgent: USER_AGENT, baseUrl },
  );
  octokit.hook.after('request', (response) => {
    const date = Date.parse(String(response.headers.date ?? ''));
    if (Number.isFinite(date)) githubClocks.set(octokit, date);
  });
  return octokit;
}

// The `Date` of GitHub's latest answer per octokit: GitHub's clock, which stamps reviews and comments.
const githubClocks = new WeakMap<Octokit, number>();

/**
 * GitHub's time just after its latest answer (whose `Date` has whole seconds: the next second), else the
 * runner's, whose clock may be off.
 */
export function githubNow(octokit: Octokit | undefined): Date {
  const known = octokit && githubClocks.get(octokit);
  return known === undefined ? new Date() : new Date(known + 1000);
}

/** GitHub answered, but not in the shape its API promises. */
class UnexpectedAnswerError extends Error {
  override name = 'UnexpectedGitHubAnswer';
}

/** GitHub could not say who the token is: our comments cannot be told from anyone's. */
export class UnknownIdentityError extends UnexpectedAnswerError {}

const VIEWER_QUERY = 'query { viewer { login } }';
/** The identity behind the workflow's default GITHUB_TOKEN, which neither GraphQL `viewer` nor `GET /user` may name. */
const ACTIONS_BOT = 'github-actions[bot]';
// One question per octokit (one token): every comment and issue lookup of a run shares the answer.
const tokenLogins = new WeakMap<Octokit, Promise<string>>();

/**
 * The login of the identity behind the token: `github-actions[bot]` for the workflow's GITHUB_TOKEN, the
 * user of a PAT, `<app>[bot]` for a GitHub App token. Asks GraphQL `viewer`, then REST `GET /user`; when
 * both are refused with 403 (an installation token such as the default GITHUB_TOKEN), it is
 * `github-actions[bot]`. Anything else is an error (the caller says so). A failure is not remembered.
 */
export function tokenLogin(octokit: Octokit): Promise<string> {
  let login = tokenLogins.get(octokit);
  if (!login) {
    login = askLogin(octokit);
    login.catch(() => tokenLogins.delete(octokit));
    tokenLogins.set(octokit, login);
  }
  return login;
}

async function askLogin(octokit: Octokit): Promise<string> {
  let viewerError: unknown;
  try {
    const { viewer } = await octokit.graphql<{ viewer?: { login?: unknown } }>(VIEWER_QUERY);
    if (typeof viewer?.login === 'string' && viewer.login !== '') return viewer.login;
    viewerError = new UnexpectedAnswerError('GraphQL viewer named no login');
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    viewerError = error;
  }
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    if (typeof data.login === 'string' && data.login !== '') return data.login;
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    const graphqlForbidden = /FORBIDDEN|not accessible by integration/i.test(
      describeGitHubError(viewerError),
    );
    const viewerRefused = githubErrorStatus(viewerError) === 403 || graphqlForbidden;
    if (githubErrorStatus(error) === 403 && viewerRefused) return ACTIONS_BOT;
    throw new UnknownIdentityError(
      `GitHub did not say which identity the github-token belongs to (GraphQL viewer: ${describeGitHubError(viewerError)}; GET /user: ${describeGitHubError(error)}).`,
    );
  }
  throw new UnknownIdentityError(
    'GitHub did not say which identity the github-token belongs to (GraphQL viewer and GET /user named no login).',
  );
}

/** True when a comment's or issue's `user` is `login`. GitHub logins are unique regardless of case. */
export function isAuthoredBy(user: { login?: string } | null | undefined, login: string): boolean {
  return typeof user?.login === 'string' && user.login.toLowerCase() === login.toLowerCase();
}

/** True for failures GitHub answered (RequestError, GraphQL errors) or could not be reached. */
export function isGitHubError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return ['HttpError', 'GraphqlResponseError', 'UnexpectedGitHubAnswer'].includes(error.name);
}

/** The HTTP status of a GitHub failure, or undefined (GraphQL errors arrive with 200). */
export function githubErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** "HTTP 403: Resource not accessible by integration": GitHub's own message, without the request. */
export function describeGitHubError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error instanceof UnexpectedAnswerError) return error.message;
  const graphqlErrors = (error as { errors?: { message?: unknown }[] }).errors;
  if (error.name === 'GraphqlResponseError' && Array.isArray(graphqlErrors)) {
    return `GraphQL: ${graphqlErrors.map((e) => String(e.message)).join('; ')}`;
  }
  const response = (error as { response?: { data?: { message?: unknown } } }).response;
  // Octokit reports a request that got no answer (refused, DNS, TLS) as status 500 without a response.
  if (!response) return `GitHub could not be reached: ${error.message}`;
  const message = typeof response.data?.message === 'string' ? response.data.message : error.message;
  return `HTTP ${githubErrorStatus(error) ?? '?'}: ${message}`;
}
