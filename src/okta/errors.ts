/** Errors of the Okta client. Their messages are already redacted by the run's SecretRegistry. */

export interface OktaApiErrorDetails {
  status: number;
  method: string;
  /** URL path without the query (a query could carry secrets such as pagination cursors). */
  path: string;
  errorCode?: string;
  errorSummary?: string;
  causes?: string[];
  requestId?: string;
}

/** Okta answered with an error status (after the retries that status allows). */
export class OktaApiError extends Error {
  override readonly name = 'OktaApiError';
  readonly status: number;
  readonly errorCode?: string;
  readonly errorSummary?: string;
  readonly causes: string[];
  readonly requestId?: string;
  readonly method: string;
  readonly path: string;

  constructor(message: string, details: OktaApiErrorDetails) {
    super(message);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorSummary = details.errorSummary;
    this.causes = details.causes ?? [];
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
  }
}

/**
 * No usable answer from Okta: connection refused or reset, or no complete answer within the deadline
 * (after every allowed retry), or an answer over the size cap (at once: it is not retried).
 */
export class OktaNetworkError extends Error {
  override readonly name: string = 'OktaNetworkError';

  constructor(
    message: string,
    readonly method: string,
    readonly path: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** The plan error code of what could not be read because Okta did not answer in time. */
export const OKTA_UNREACHABLE = 'okta-unreachable';

/**
 * Okta did not answer within the deadline: this request passed it on its last allowed attempt, or the
 * org's circuit breaker opened (breaker.ts) and the request was not sent or not retried.
 */
export class OktaUnreachableError extends OktaNetworkError {
  override readonly name = 'OktaUnreachableError';

  constructor(
    message: string,
    method: string,
    path: string,
    attempts: number,
    readonly deadlineMs: number,
  ) {
    super(message, method, path, attempts);
  }
}

/** `Okta did not answer within 60 s; 5 connections were not read`. */
export function notReadSummary(deadlineMs: number, notRead: number): string {
  const connections = notRead === 1 ? '1 connection was' : `${notRead} connections were`;
  return `Okta did not answer within ${seconds(deadlineMs)}; ${connections} not read`;
}

/** `60 s`, `0.5 s`. */
export function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** The client's configuration cannot work (unreadable private key, bad org URL …). */
export class OktaConfigError extends Error {
  override readonly name = 'OktaConfigError';
}
