/**
 * The one path every Okta request takes: pacing, auth headers, retries (429 after the reset with
 * X-Okta-Retry-For/Count; 5xx, resets and timeouts with backoff), one re-authentication after a 401,
 * the org's circuit breaker (a hung Okta fails what is left at once), and redacted errors.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../log.js';
import type { SecretRegistry } from '../secrets.js';
import { USER_AGENT } from '../version.js';
import type { OktaAuth } from './auth.js';
import { CircuitBreaker } from './breaker.js';
import { bucketOf, type BucketName } from './buckets.js';
import { OktaApiError, OktaNetworkError, OktaUnreachableError, seconds } from './errors.js';
import { readRateLimitInfo, type RateLimitInfo } from './rate-limit.js';
import type { RequestScheduler, Slot } from './scheduler.js';
import {
  describeNetworkFailure,
  type HttpAnswer,
  type HttpTransport,
  type NetworkFailure,
} from './transport.js';
import { parseErrorBody, type BucketStats, type ClientStats } from './types.js';

export interface OktaRequest {
  method: 'GET' | 'POST' | 'PUT';
  /** Absolute URL on the org's origin. */
  url: URL;
  json?: unknown;
  /** Built fresh for every attempt (a client assertion's jti must never repeat). */
  form?: () => URLSearchParams;
  /** Extra headers, built fresh for every attempt (a DPoP proof must not be reused). */
  headers?: () => Record<string, string>;
  /** Absent for the token endpoint, which authenticates with its form. */
  auth?: OktaAuth;
  /** 4xx statuses returned to the caller instead of thrown (the token endpoint's OAuth errors). */
  passStatus?: (status: number) => boolean;
}

export interface RequesterOptions {
  transport: HttpTransport;
  scheduler: RequestScheduler;
  secrets: SecretRegistry;
  logger: Logger;
  maxRetries: number;
  maxRateLimitRetries: number;
  retryBaseMs: number;
  /** The transport's deadline of one attempt, for the messages when Okta does not answer. */
  deadlineMs: number;
  /** What to check when Okta rejects our credentials (401). */
  unauthorizedHint: string;
  now?: () => number;
}

/** One request's attempts so far: what decides whether, when and how the next one goes. */
interface Attempts {
  readonly request: OktaRequest;
  readonly bucket: BucketName;
  /** `GET /api/v1/apps/…`, for the debug log and the errors. */
  readonly what: string;
  /** The attempt under way, from 1. */
  attempt: number;
  /** No answer or a 5xx: each backs off longer, up to maxRetries. */
  failures: number;
  /** 429 answers, up to maxRateLimitRetries; sent back as X-Okta-Retry-Count. */
  rateLimited: number;
  /** The request id of the last 429, sent back as X-Okta-Retry-For. */
  retryFor?: string;
  /** The access token was renewed after a 401 (once per request). */
  reauthenticated: boolean;
  /** The auth took up a challenge (once per request). */
  challenged: boolean;
}

/** An attempt's outcome when another attempt follows. */
const RETRY = Symbol('retry');

const MAX_BACKOFF_MS = 30_000;
/** Spreads retries after a 429 so that clients waiting for the same reset do not all come back at once. */
const RATE_LIMIT_JITTER_MS = 250;

export class OktaRequester {
  private readonly stats: ClientStats = {};
  private readonly now: () => number;
  private readonly breaker: CircuitBreaker;
  /** Why the breaker opened, for the errors of the requests it stops. */
  private openedBecause = '';
  /** Aborted when the breaker opens or the client is closed: ends every wait for a retry. */
  private readonly stopped = new AbortController();

  constructor(private readonly options: RequesterOptions) {
    this.now = options.now ?? Date.now;
    this.breaker = new CircuitBreaker((why) => {
      this.openedBecause = why;
      options.logger.warning(
        `Okta did not answer within ${seconds(options.deadlineMs)} (${why}): no more requests are sent to ` +
          'Okta in this run, and what was not read or written yet fails (okta-unreachable).',
      );
      this.stop(new Error('the circuit breaker opened'));
    });
  }

  /** Fails what still waits to be sent (the run's work is over): no wait may keep the process alive. */
  close(): void {
    this.stop(new Error('the Okta client was closed before this request was sent'));
  }

  private stop(reason: Error): void {
    if (this.stopped.signal.aborted) return;
    this.stopped.abort(reason);
    this.options.scheduler.stop(reason);
  }

  snapshot(): ClientStats {
    return structuredClone(this.stats);
  }

  async send(request: OktaRequest): Promise<HttpAnswer> {
    const attempts: Attempts = {
      request,
      bucket: bucketOf(request.method, request.url.pathname),
      what: `${request.method} ${request.url.pathname}`,
      attempt: 1,
      failures: 0,
      rateLimited: 0,
      reauthenticated: false,
      challenged: false,
    };
    for (; ; attempts.attempt += 1) {
      const outcome = await this.attempt(attempts);
      if (outcome !== RETRY) return outcome;
    }
  }

  /** One attempt: the answer to return, or RETRY once any wait before the next is over. Throws to give up. */
  private async attempt(attempts: Attempts): Promise<HttpAnswer | typeof RETRY> {
    const slot = await this.acquireSlot(attempts);
    const { headers, body } = await this.prepare(attempts, slot);
    this.count(attempts.bucket, 'requests');
    if (attempts.attempt > 1) this.count(attempts.bucket, 'retries');
    const answer = await this.transmit(attempts, slot, headers, body);
    if (answer === RETRY) return RETRY;
    const rateLimit = this.learnFrom(slot, answer);
    return this.judge(attempts, answer, rateLimit, headers);
  }

  /** Waits for the bucket's pacing to let this attempt go; fails at once behind an open breaker. */
  private async acquireSlot({ request, bucket, attempt }: Attempts): Promise<Slot> {
    if (this.breaker.open) throw this.unreachable(request, attempt - 1);
    try {
      return await this.options.scheduler.acquire(bucket, request.auth === undefined);
    } catch (error) {
      // Stopped while waiting: the breaker opened, or the client was closed.
      throw this.breaker.open ? this.unreachable(request, attempt - 1) : error;
    }
  }

  /** The attempt's headers and body; the slot goes back unused when they cannot be built. */
  private async prepare(
    { request, retryFor, rateLimited }: Attempts,
    slot: Slot,
  ): Promise<{ headers: Record<string, string>; body: string | undefined }> {
    try {
      const headers = await this.headersFor(request, retryFor, rateLimited);
      const body = request.json !== undefined ? JSON.stringify(request.json) : request.form?.().toString();
      return { headers, body };
    } catch (error) {
      this.options.scheduler.cancel(slot);
      throw error;
    }
  }

  /** Sends the attempt (the transport holds it to the deadline); RETRY after no answer and the backoff. */
  private async transmit(
    attempts: Attempts,
    slot: Slot,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<HttpAnswer | typeof RETRY> {
    const { url, method } = attempts.request;
    try {
      return await this.options.transport.send({ method, path: url.pathname + url.search, headers, body });
    } catch (error) {
      this.options.scheduler.failed(slot);
      await this.backOffAfterNoAnswer(attempts, error);
      return RETRY;
    }
  }

  /** No answer (deadline, reset, refused): gives up, or waits out the backoff before the next attempt. */
  private async backOffAfterNoAnswer(attempts: Attempts, error: unknown): Promise<void> {
    const { request, what, attempt } = attempts;
    const { maxRetries } = this.options;
    attempts.failures += 1;
    const failure = describeNetworkFailure(error);
    // Not retried into an open breaker: that would only queue more requests behind a hung Okta.
    if (failure.stalled && (this.breaker.missed() || attempts.failures > maxRetries))
      throw this.unreachable(request, attempt, true);
    if (!failure.retry || attempts.failures > maxRetries)
      throw this.networkError(what, request, attempt, failure);
    this.options.logger.debug(
      `Okta ${what}: ${failure.reason}, retrying (${attempts.failures}/${maxRetries})`,
    );
    await this.pause(this.backoffMs(attempts.failures), request, attempt);
  }

  /** Okta answered (any status): the breaker and the bucket's pacing learn from it. */
  private learnFrom(slot: Slot, answer: HttpAnswer): RateLimitInfo {
    this.breaker.answered();
    const rateLimit = readRateLimitInfo(answer.headers, answer.receivedAt);
    this.options.scheduler.answered(slot, rateLimit, answer.receivedAt);
    return rateLimit;
  }

  /** What an answer means: returned, retried (RETRY, after any wait), or thrown as an error. */
  private async judge(
    attempts: Attempts,
    answer: HttpAnswer,
    rateLimit: RateLimitInfo,
    headers: Record<string, string>,
  ): Promise<HttpAnswer | typeof RETRY> {
    const { request } = attempts;
    const { status } = answer;
    if (status === 429) return this.waitOutRateLimit(attempts, answer, rateLimit);
    if (this.renewedAuth(attempts, answer, headers)) return RETRY;
    if (status >= 500) return this.backOffAfterServerError(attempts, answer);
    if (status < 300 || request.passStatus?.(status)) return answer;
    throw this.apiError(request, answer, attempts.attempt);
  }

  /** A 429: waits until the window is over and retries with X-Okta-Retry-For, up to maxRateLimitRetries. */
  private async waitOutRateLimit(
    attempts: Attempts,
    answer: HttpAnswer,
    rateLimit: RateLimitInfo,
  ): Promise<typeof RETRY> {
    const { scheduler, logger } = this.options;
    const { request, bucket, what, attempt } = attempts;
    attempts.rateLimited += 1;
    this.count(bucket, 'rateLimited');
    if (attempts.rateLimited > this.options.maxRateLimitRetries)
      throw this.apiError(request, answer, attempt);
    attempts.retryFor = answer.headers['x-okta-request-id'];
    // Until the window is over (Reset read against the server's Date); a short backoff without one.
    const resumeAt = scheduler.resumeAt(bucket, rateLimit.resetEpochSec);
    if (resumeAt !== undefined) scheduler.announceWait(bucket, resumeAt, 'rate-limited');
    const waitMs =
      resumeAt === undefined
        ? this.backoffMs(attempts.rateLimited)
        : resumeAt - this.now() + Math.random() * RATE_LIMIT_JITTER_MS;
    logger.debug(`Okta ${what}: rate limited (429), retrying in ${Math.round(waitMs)} ms`);
    await this.pause(Math.max(0, waitMs), request, attempt);
    return RETRY;
  }

  /**
   * Whether the auth makes a resend worth it, once each: a challenge it took up (a DPoP nonce), or a 401
   * after which it renews the access token. `challenged` sees every answer but a 429 (it keeps the latest
   * nonce), so it is asked first.
   */
  private renewedAuth(attempts: Attempts, answer: HttpAnswer, headers: Record<string, string>): boolean {
    const { auth } = attempts.request;
    if (auth?.challenged?.(answer) && !attempts.challenged) {
      attempts.challenged = true;
      return true;
    }
    if (answer.status === 401 && auth && !attempts.reauthenticated && auth.invalidate(headers)) {
      attempts.reauthenticated = true;
      this.options.logger.debug(`Okta ${attempts.what}: 401, renewing the access token`);
      return true;
    }
    return false;
  }

  /** A 5xx: gives up after maxRetries failures (no answer counts too), or backs off and retries. */
  private async backOffAfterServerError(attempts: Attempts, answer: HttpAnswer): Promise<typeof RETRY> {
    const { request, what, attempt } = attempts;
    const { maxRetries } = this.options;
    attempts.failures += 1;
    if (attempts.failures > maxRetries) throw this.apiError(request, answer, attempt);
    this.options.logger.debug(
      `Okta ${what}: ${answer.status}, retrying (${attempts.failures}/${maxRetries})`,
    );
    await this.pause(this.backoffMs(attempts.failures), request, attempt);
    return RETRY;
  }

  private async headersFor(
    request: OktaRequest,
    retryFor: string | undefined,
    rateLimited: number,
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = {
      'User-Agent': USER_AGENT,
      Accept: 'application/json',
      ...request.headers?.(),
      ...(await request.auth?.headers({ method: request.method, url: request.url.href })),
    };
    if (request.json !== undefined) headers['Content-Type'] = 'application/json';
    if (request.form !== undefined) headers['Content-Type'] = 'application/x-www-form-urlencoded';
    if (retryFor !== undefined) {
      headers['X-Okta-Retry-For'] = retryFor;
      headers['X-Okta-Retry-Count'] = String(rateLimited);
    }
    return headers;
  }

  /** Waits before a retry; when the breaker opens (or the client is closed) meanwhile, fails at once. */
  private async pause(ms: number, request: OktaRequest, attempts: number): Promise<void> {
    try {
      await sleep(ms, undefined, { signal: this.stopped.signal });
    } catch {
      throw this.breaker.open ? this.unreachable(request, attempts) : this.stopped.signal.reason;
    }
  }

  private backoffMs(failures: number): number {
    const ceiling = Math.min(MAX_BACKOFF_MS, this.options.retryBaseMs * 2 ** (failures - 1));
    return ceiling / 2 + (Math.random() * ceiling) / 2;
  }

  private count(bucket: BucketName, field: keyof BucketStats): void {
    const stats = (this.stats[bucket] ??= { requests: 0, rateLimited: 0, retries: 0 });
    stats[field] += 1;
  }

  /** Okta did not answer in time: this request, or the ones before it that opened the breaker. */
  private unreachable(request: OktaRequest, attempts: number, missed = false): OktaUnreachableError {
    const { deadlineMs } = this.options;
    const what = `${request.method} ${request.url.pathname}`;
    const stopped = `${this.openedBecause}; this run sends Okta no more requests`;
    const outcome = !this.breaker.open
      ? `${what} got no answer in ${attempts} attempts`
      : missed
        ? `${what} got no answer and was not retried (${stopped})`
        : `${what} was not ${attempts === 0 ? 'sent' : 'retried'} (${stopped})`;
    const message =
      `Okta did not answer within ${seconds(deadlineMs)}: ${outcome}. ` +
      `Check Okta's status (status.okta.com) and the network between this runner and ${request.url.origin}, then run again.`;
    return new OktaUnreachableError(
      this.options.secrets.redact(message),
      request.method,
      request.url.pathname,
      attempts,
      deadlineMs,
    );
  }

  private networkError(
    what: string,
    request: OktaRequest,
    attempts: number,
    { reason, retry }: NetworkFailure,
  ): OktaNetworkError {
    const message = retry
      ? `No answer from Okta for ${what} after ${attempts} attempt${attempts === 1 ? '' : 's'} (${reason}). ` +
        `Check the org URL ${request.url.origin} and the network between this runner and Okta.`
      : `Gave up on ${what}: ${reason} (not retried). Check that the org URL ${request.url.origin} reaches Okta directly.`;
    return new OktaNetworkError(
      this.options.secrets.redact(message),
      request.method,
      request.url.pathname,
      attempts,
    );
  }

  private apiError(request: OktaRequest, answer: HttpAnswer, attempts: number): OktaApiError {
    const redact = (text: string) => this.options.secrets.redact(text);
    const parsed = parseErrorBody(parseJson(answer.text));
    // The code too: it reaches plan files and apply results as a problem's code.
    const errorCode = parsed.errorCode === undefined ? undefined : redact(parsed.errorCode);
    const errorSummary = parsed.errorSummary === undefined ? undefined : redact(parsed.errorSummary);
    const causes = parsed.causes.map(redact);
    const requestId = answer.headers['x-okta-request-id'];
    let message = `Okta answered ${answer.status}${errorCode ? ` ${errorCode}` : ''} to ${request.method} ${request.url.pathname}`;
    if (errorSummary) message += `: ${errorSummary}`;
    if (causes.length > 0) message += ` (${causes.join('; ')})`;
    const hint = this.hint(request, answer, attempts);
    if (hint) message += `. ${hint}`;
    if (requestId) message += ` (request id ${requestId})`;
    return new OktaApiError(redact(message), {
      status: answer.status,
      method: request.method,
      path: request.url.pathname,
      errorCode,
      errorSummary,
      causes,
      requestId,
    });
  }

  private hint(request: OktaRequest, answer: HttpAnswer, attempts: number): string | undefined {
    const { status } = answer;
    if (status === 401) return this.options.unauthorizedHint;
    if (status === 403 && /error="?insufficient_scope/.test(answer.headers['www-authenticate'] ?? '')) {
      const scope = request.method === 'GET' ? 'okta.apps.read' : 'okta.apps.manage';
      return `The access token lacks the scope ${scope}: grant ${scope} to the service app (Okta API Scopes tab) and request it in the scopes setting`;
    }
    if (status === 403) {
      return 'The credentials lack permission for this app: use an admin role (or service app role) that can manage apps';
    }
    if (status === 404) return `Check the app id: it does not exist in ${request.url.origin}`;
    if (status === 429)
      return `Still rate limited after ${attempts} attempts; lower the rate-limit share or run later`;
    if (status >= 500) return `Okta failed ${attempts} times in a row; try again later`;
    return undefined;
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
