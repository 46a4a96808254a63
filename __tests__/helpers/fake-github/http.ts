/** GitHub's error answers and Link-header pagination, as the fake GitHub's routes produce them. */
import { REPO_ID } from './json.js';

export interface Reply {
  status: number;
  body: unknown;
  link?: string;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

export function badCredentials(): HttpError {
  return new HttpError(401, {
    message: 'Bad credentials',
    documentation_url: 'https://docs.github.com/rest',
    status: '401',
  });
}

export function notFound(): HttpError {
  return new HttpError(404, {
    message: 'Not Found',
    documentation_url: 'https://docs.github.com/rest',
    status: '404',
  });
}

export function forbidden(docs: string): HttpError {
  return new HttpError(403, {
    message: 'Resource not accessible by integration',
    documentation_url: `https://docs.github.com/rest/${docs}`,
    status: '403',
  });
}

export function validationFailed(resource: string, code: string, field: string, message: string): HttpError {
  return new HttpError(422, {
    message: 'Validation Failed',
    errors: [{ resource, code, field, message }],
    documentation_url: 'https://docs.github.com/rest',
    status: '422',
  });
}

/**
 * One page of `items` per `page`/`per_page` (default 30, at most 100), with GitHub's Link header whose URLs
 * use the `/repositories/{id}/…` spelling. `local` is the path below the repository.
 */
export function paginate(baseUrl: string, url: URL, local: string, items: unknown[]): Reply {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 30) || 30));
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
}
