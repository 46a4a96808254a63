/** Plain-fetch calls against the sim for tests (not the project's Okta client). */
import type { OktaSim } from '../../sim/server.js';

export interface SimAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** Parsed JSON, or undefined for an empty / non-JSON body. */
  body: unknown;
}

export interface CallOptions {
  body?: unknown;
  /** Authorization header; default `SSWS <sim.apiToken>`; null sends none. */
  authorization?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function call(
  sim: OktaSim,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<SimAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const authorization = options.authorization === undefined ? `SSWS ${sim.apiToken}` : options.authorization;
  if (authorization !== null) headers.Authorization = authorization;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(`${sim.url}${path}`, { method, headers, body, signal: options.signal });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export function connectionPath(appId: string, suffix = ''): string {
  return `/api/v1/apps/${appId}/connections/default${suffix}`;
}

/** POST /oauth2/v1/token with form fields. */
export function postToken(
  sim: OktaSim,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return call(sim, 'POST', '/oauth2/v1/token', {
    authorization: null,
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
}
