/** One keep-alive connection pool to the org (undici), with a timeout on every request. */
import { Pool } from 'undici';

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
  /** Applies to the connect, to the wait for the headers and to every pause in the body. */
  timeoutMs: number;
  now?: () => number;
}

export class HttpTransport {
  private readonly pool: Pool;
  private readonly now: () => number;

  constructor(origin: string, options: TransportOptions) {
    this.now = options.now ?? Date.now;
    this.pool = new Pool(origin, {
      connections: options.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      connect: { timeout: options.timeoutMs },
    });
  }

  /** Resolves with any HTTP status; rejects only when no complete answer arrived. */
  async send(request: HttpRequest): Promise<HttpAnswer> {
    const response = await this.pool.request({
      method: request.method as 'GET' | 'POST',
      path: request.path,
      headers: request.headers,
      body: request.body,
    });
    const text = await response.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: response.statusCode, headers, text, receivedAt: this.now() };
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}

/** A short reason for a failed request, without any detail that could echo request data. */
export function describeNetworkError(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'timed out';
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection reset';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return typeof code === 'string' ? code : 'request failed';
  }
}
