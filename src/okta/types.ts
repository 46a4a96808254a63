/**
 * Okta's apps, error bodies and the client's figures, and the helpers every lenient parser of Okta's answers
 * uses (each resource parses its own in `src/resources/NAME/read.ts`): unknown fields are ignored and missing
 * or unexpected values become UNKNOWN, because Okta adds fields over time.
 */
import type { BucketName } from './buckets.js';

export interface OktaApp {
  id: string;
  name: string;
  label: string;
  status: string;
}

export interface BucketStats {
  /** Requests sent, retries included. */
  requests: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Requests repeated after a 429, 5xx, reset, timeout or 401. */
  retries: number;
}

export type ClientStats = Partial<Record<BucketName, BucketStats>>;

type Json = Record<string, unknown>;

export function asObject(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[]): T | undefined {
  return allowed.find((candidate) => candidate === value);
}

/** Thrown by the parsers when an answer is not even the right kind of JSON value. */
export class UnexpectedBodyError extends Error {}

export function parseApp(body: unknown): OktaApp {
  const app = asObject(body);
  const id = asString(app?.id);
  if (!app || !id) throw new UnexpectedBodyError('expected an app object with an id');
  return {
    id,
    name: asString(app.name) ?? 'UNKNOWN',
    label: asString(app.label) ?? '',
    status: asString(app.status) ?? 'UNKNOWN',
  };
}

export function parseAppList(body: unknown): OktaApp[] {
  if (!Array.isArray(body)) throw new UnexpectedBodyError('expected a JSON array of apps');
  return body.map(parseApp);
}

export interface ParsedErrorBody {
  errorCode?: string;
  errorSummary?: string;
  causes: string[];
}

export function parseErrorBody(body: unknown): ParsedErrorBody {
  const error = asObject(body);
  if (!error) return { causes: [] };
  const causes = Array.isArray(error.errorCauses)
    ? error.errorCauses.flatMap((cause) => asString(asObject(cause)?.errorSummary) ?? [])
    : [];
  return {
    errorCode: asString(error.errorCode) ?? asString(error.error),
    errorSummary: asString(error.errorSummary) ?? asString(error.error_description),
    causes,
  };
}
