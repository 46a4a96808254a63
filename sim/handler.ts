import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { bucketOf, type RateLimiter } from './rate-limits.js';
import { requestId } from './random.js';
import { injectedResponse, trickle, writeHugeBody } from './faults.js';
import { internalError, rateLimited, type SimResponse } from './responses.js';
import { route } from './routes.js';
import type { SimRequest, SimState } from './state.js';
import { parseForm, TOKEN_PATH } from './token-endpoint.js';
import type { RecordedRequest } from './types.js';

export interface HandlerContext {
  state: SimState;
  limiter: RateLimiter;
  requests: RecordedRequest[];
  concurrencyLimit?: number;
  /** Answers held open by `hangNext`; closing the sim destroys them. */
  hung: Set<ServerResponse>;
}

type Outcome =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'huge'; bytes: number; declareLength: boolean; rateHeaders?: Record<string, string> }
  | { kind: 'answer'; response: SimResponse; rateHeaders?: Record<string, string> };

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function recordedBody(raw: string, path: string): unknown {
  if (raw === '') return undefined;
  if (path === TOKEN_PATH) return parseForm(raw);
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

async function write(
  res: ServerResponse,
  response: SimResponse,
  rateHeaders: Record<string, string> = {},
  trickleMs: number | null = null,
): Promise<void> {
  if (res.destroyed) return;
  const headers: Record<string, string | string[]> = {
    'X-Okta-Request-Id': requestId(),
    ...rateHeaders,
    ...response.headers,
  };
  let payload: string | undefined;
  if (typeof response.body === 'string' && response.contentType) {
    payload = response.body;
    headers['Content-Type'] = response.contentType;
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['Content-Type'] = 'application/json';
  }
  res.writeHead(response.status, headers);
  if (trickleMs !== null) await trickle(res, payload ?? '', trickleMs);
  else res.end(payload);
}

/**
 * The request pipeline: record → burst/concurrency 429 (counts nothing) → rate-limit window →
 * reset/hang → injected error → huge body → route. Latency is added before every answer; a trickle
 * fault slows the body itself.
 */
export function createRequestHandler(
  ctx: HandlerContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  const admission: Admission = { inFlight: 0 };
  return (req, res) => {
    handle(ctx, admission, req, res).catch(() => res.destroy());
  };
}

/** Requests admitted and not yet answered (latency and hangs included): what a concurrency limit counts. */
interface Admission {
  inFlight: number;
}

function decide(
  ctx: HandlerContext,
  admission: Admission,
  sreq: SimRequest,
  record: RecordedRequest,
  res: ServerResponse,
): Outcome {
  const { faults } = ctx.state;
  const bucket = record.bucket;
  const overConcurrency = ctx.concurrencyLimit !== undefined && admission.inFlight >= ctx.concurrencyLimit;
  if (faults.takeBurst429(sreq.path) || overConcurrency) {
    const rejected = bucket ? ctx.limiter.reject(bucket, sreq.now) : undefined;
    if (rejected) record.windowIndex = rejected.windowIndex;
    return { kind: 'answer', response: rateLimited(), rateHeaders: rejected?.headers };
  }
  // In flight from admission until the answer is done (latency and hangs included).
  admission.inFlight += 1;
  res.once('close', () => {
    admission.inFlight -= 1;
  });
  const rate = bucket ? ctx.limiter.take(bucket, sreq.now) : undefined;
  if (rate) record.windowIndex = rate.windowIndex;
  if (rate && !rate.allowed) return { kind: 'answer', response: rateLimited(), rateHeaders: rate.headers };
  const connectionFault = faults.takeConnectionFault(sreq.path);
  if (connectionFault) return { kind: connectionFault };
  const serverError = faults.takeServerError(sreq.path);
  if (serverError !== null)
    return { kind: 'answer', response: injectedResponse(serverError), rateHeaders: rate?.headers };
  const huge = faults.takeHugeBody(sreq.path);
  if (huge) return { kind: 'huge', ...huge, rateHeaders: rate?.headers };
  let response: SimResponse;
  try {
    response = route(sreq, ctx.state);
  } catch {
    response = internalError();
  }
  return { kind: 'answer', response, rateHeaders: rate?.headers };
}

/** The request as the simulator records it, before it is read or answered. */
function newRecord(ctx: HandlerContext, req: IncomingMessage, url: URL, method: string): RecordedRequest {
  return {
    seq: ctx.requests.length,
    method,
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: flattenHeaders(req.headers),
    body: undefined,
    status: 0,
    bucket: bucketOf(url.pathname),
    windowIndex: -1,
    receivedAt: Date.now(),
  };
}

async function handle(
  ctx: HandlerContext,
  admission: Admission,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.invalid');
  const method = (req.method ?? 'GET').toUpperCase();
  const record = newRecord(ctx, req, url, method);
  ctx.requests.push(record);
  res.once('finish', () => (record.answeredAt = Date.now()));
  const rawBody = await readBody(req);
  record.body = recordedBody(rawBody, url.pathname);
  const sreq: SimRequest = {
    method,
    path: url.pathname,
    query: url.searchParams,
    headers: req.headers,
    rawBody,
    origin: `http://${req.headers.host ?? 'localhost'}`,
    now: Date.now(),
  };
  const outcome = decide(ctx, admission, sreq, record, res);
  if (outcome.kind === 'hang') {
    ctx.hung.add(res);
    res.once('close', () => ctx.hung.delete(res));
    return;
  }
  const latency = ctx.state.faults.latencyMs;
  if (latency > 0) await sleep(latency);
  if (outcome.kind === 'reset') {
    req.socket.destroy();
    return;
  }
  if (outcome.kind === 'huge') {
    record.status = 200;
    const headers = { 'X-Okta-Request-Id': requestId(), ...outcome.rateHeaders };
    await writeHugeBody(res, headers, outcome.bytes, outcome.declareLength);
    return;
  }
  record.status = outcome.response.status;
  await write(res, outcome.response, outcome.rateHeaders, ctx.state.faults.takeTrickle(sreq.path));
}
