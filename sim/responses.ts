import { errorId } from './random.js';

/** What a handler answers; the server adds the common headers and writes it. */
export interface SimResponse {
  status: number;
  headers?: Record<string, string | string[]>;
  /** JSON body; undefined = empty body. A string is sent as is with `contentType`. */
  body?: unknown;
  contentType?: string;
}

export function json(
  status: number,
  body: unknown,
  headers?: Record<string, string | string[]>,
): SimResponse {
  return { status, body, headers };
}

export function noContent(): SimResponse {
  return { status: 204 };
}

/** Okta's error body: `{errorCode, errorSummary, errorLink, errorId, errorCauses}`. */
export function oktaError(
  status: number,
  errorCode: string,
  errorSummary: string,
  causes: string[] = [],
  headers?: Record<string, string | string[]>,
): SimResponse {
  return json(
    status,
    {
      errorCode,
      errorSummary,
      errorLink: errorCode,
      errorId: errorId(),
      errorCauses: causes.map((summary) => ({ errorSummary: summary })),
    },
    headers,
  );
}

export function validationFailed(subject: string, causes: string[]): SimResponse {
  return oktaError(400, 'E0000001', `Api validation failed: ${subject}`, causes);
}

export function malformedBody(): SimResponse {
  return oktaError(400, 'E0000003', 'The request body was not well-formed.');
}

/** The request's JSON body, or Okta's 400 for a body that is not JSON. */
export function jsonBody(rawBody: string): { body: unknown } | { error: SimResponse } {
  try {
    return { body: JSON.parse(rawBody) as unknown };
  } catch {
    return { error: malformedBody() };
  }
}

export function notFound(resource: string): SimResponse {
  return oktaError(404, 'E0000007', `Not found: Resource not found: ${resource}`);
}

export function appNotFound(appId: string): SimResponse {
  return notFound(`${appId} (AppInstance)`);
}

export function methodNotAllowed(allowed: string[]): SimResponse {
  return oktaError(405, 'E0000022', 'The endpoint does not support the provided HTTP method', [], {
    Allow: allowed.join(', '),
  });
}

export function rateLimited(): SimResponse {
  return oktaError(429, 'E0000047', 'API call exceeded rate limit due to too many requests.');
}

export function internalError(): SimResponse {
  return oktaError(500, 'E0000009', 'Internal Server Error');
}

/** 502/503/504 come from the load balancer in front of Okta: HTML, not JSON. */
export function gatewayError(status: number): SimResponse {
  if (status === 500) return internalError();
  const title = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }[status] ?? 'Error';
  return {
    status,
    body: `<html><head><title>${status} ${title}</title></head><body><h1>${status} ${title}</h1></body></html>\n`,
    contentType: 'text/html',
  };
}

/** OAuth endpoints answer `{error, error_description}`. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string | string[]>,
): SimResponse {
  return json(status, { error, error_description: description }, headers);
}
