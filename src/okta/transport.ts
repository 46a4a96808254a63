/**
 * One keep-alive connection pool to the org (undici). Every request has an overall deadline (connect,
 * headers and the whole body) and a cap on the answer's size: a server that trickles bytes or sends
 * gigabytes costs one failed request, never a stuck job or the runner's memory.
 */
import type { Readable } from 'node:stream';
import { Pool } from 'undici';
import { seconds } from './errors.js';

export interface HttpRequest {
  method: string;
  /** Path and query, on the pool's origin. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  text: string;
  receivedAt: number;
}

export interface TransportOptions {
  connections: number;
  /** One attempt from connect to the last byte of the body; a slow trickle does not extend it. */
  deadlineMs: number;
  /** The largest answer body read; a bigger one is abandoned unread. */
  maxResponseBytes: number;
  now?: () => number;
}

/** The attempt took longer than the deadline. Retried: the next attempt may be faster. */
export class DeadlineExceededError extends Error {
  override readonly name = 'DeadlineExceededError';
  constructor(readonly deadlineMs: number) {
    super(`no complete answer within ${seconds(deadlineMs)}`);
  }
}

/** The answer was bigger than the cap. Not retried: the same request gets the same answer. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`Okta's answer exceeded ${formatBytes(maxBytes)}`);
  }
}

const BACKSTOP_MS = 1_000;

export class HttpTransport {
  private readonly pool: Pool;
  private readonly now: () => number;
  private readonly deadlineMs: number;
  private readonly maxResponseBytes: number;

  constructor(origin: string, options: TransportOptions) {
    this.now = options.now ?? Date.now;
    this.deadlineMs = options.deadlineMs;
    this.maxResponseBytes = options.maxResponseBytes;
    this.pool = new Pool(origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      // Backstops only: the deadline in send() ends the attempt first (these restart with every byte).
      headersTimeout: options.deadlineMs + BACKSTOP_MS,
      bodyTimeout: options.deadlineMs + BACKSTOP_MS,
      connect: { timeout: options.deadlineMs + BACKSTOP_MS },
    });
  }

  /** Resolves with any HTTP status; rejects when no complete answer within the deadline and the cap. */
  async send(request: HttpRequest): Promise<HttpAnswer> {
    const abort = new AbortController();
    const deadline = setTimeout(() => abort.abort(), this.deadlineMs);
    try {
      const response = await this.pool.request({
        method: request.method as 'GET' | 'POST' | 'PUT',
        path: request.path,
        headers: request.headers,
        body: request.body,
        signal: abort.signal,
      });
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined)
          headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      const text = await this.readBody(response.body, headers['content-length']);
      return { status: response.statusCode, headers, text, receivedAt: this.now() };
    } catch (error) {
      // Whatever undici reports once the signal fired (aborted request or body), the cause is the deadline.
      if (abort.signal.aborted) throw new DeadlineExceededError(this.deadlineMs);
      throw error;
    } finally {
      clearTimeout(deadline);
    }
  }

  /**
   * Ends every connection at once: the run's work is done, and a keep-alive socket or a request still in
   * flight (abandoned by an error) must not keep the process alive.
   */
  close(): Promise<void> {
    return this.pool.destroy();
  }

  /** The body as UTF-8 text, or ResponseTooLargeError as soon as it is known to exceed the cap. */
  private async readBody(body: Readable, contentLength: string | undefined): Promise<string> {
    const cap = this.maxResponseBytes;
    const tooLarge = () => {
      // Closes the connection mid-answer; the abort error undici then emits is expected.
      body.on('error', () => undefined).destroy();
      return new ResponseTooLargeError(cap);
    };
    if (contentLength !== undefined && Number(contentLength) > cap) throw tooLarge();
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > cap) throw tooLarge();
      chunks.push(chunk);
    }
    return Buffer.concat(chunks, size).toString('utf8');
  }
}

export interface NetworkFailure {
  /** Short, with no detail that could echo request data. */
  reason: string;
  /** Whether another attempt can help (not for an oversized answer: it would come again). */
  retry: boolean;
  /** Okta did not answer in time (the deadline or a connect, headers or body timeout): counts for the breaker. */
  stalled: boolean;
}

/** Why a request got no usable answer, and whether to try again. */
export function describeNetworkFailure(error: unknown): NetworkFailure {
  if (error instanceof DeadlineExceededError) return { reason: error.message, retry: true, stalled: true };
  if (error instanceof ResponseTooLargeError) return { reason: error.message, retry: false, stalled: false };
  const code = (error as { code?: unknown } | undefined)?.code;
  const retried = (reason: string) => ({ reason, retry: true, stalled: false });
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { reason: 'timed out', retry: true, stalled: true };
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      return retried('connection reset');
    case 'ECONNREFUSED':
      return retried('connection refused');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return retried('host name not found');
    default:
      return retried(typeof code === 'string' ? code : 'request failed');
  }
}

function formatBytes(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (Number.isInteger(mib)) return `${mib} MiB`;
  const kib = bytes / 1024;
  return Number.isInteger(kib) ? `${kib} KiB` : `${bytes} bytes`;
}
