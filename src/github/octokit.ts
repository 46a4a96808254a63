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
  return getOctokit(
    token,
    baseUrl === undefined ? { userAgent: USER_AGENT } : { userAgent: USER_AGENT, baseUrl },
  );
}

/** True for failures GitHub answered (RequestError, GraphQL errors) or could not be reached. */
export function isGitHubError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return error.name === 'HttpError' || error.name === 'GraphqlResponseError';
}

/** The HTTP status of a GitHub failure, or undefined (GraphQL errors arrive with 200). */
export function githubErrorStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
}

/** "HTTP 403: Resource not accessible by integration": GitHub's own message, without the request. */
export function describeGitHubError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
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
