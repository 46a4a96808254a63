import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRng } from './random.js';
import { gatewayError, oktaError, type SimResponse } from './responses.js';
import type { SimFaults } from './types.js';

interface Countdown {
  count: number;
  path?: RegExp;
}

/** Consumes one use of a countdown fault if it applies to `path`. */
function consume(fault: Countdown | undefined, path: string): boolean {
  if (!fault || fault.count <= 0) return false;
  if (fault.path) {
    fault.path.lastIndex = 0;
    if (!fault.path.test(path)) return false;
  }
  fault.count -= 1;
  return true;
}

function copyCountdown<T extends Countdown>(fault: T | undefined): T | undefined {
  return fault ? { ...fault } : undefined;
}

/** The faults in force; countdowns are copies, so the caller's object is never mutated. */
export class FaultState {
  private faults: SimFaults = {};
  private readonly random: () => number;

  constructor(faults: SimFaults | undefined, seed: number) {
    this.random = createRng(seed);
    this.set(faults ?? {});
  }

  set(faults: SimFaults): void {
    this.faults = {
      ...faults,
      failNext: copyCountdown(faults.failNext),
      resetNext: copyCountdown(faults.resetNext),
      hangNext: copyCountdown(faults.hangNext),
      burst429: copyCountdown(faults.burst429),
      trickleNext: copyCountdown(faults.trickleNext),
      hugeNext: copyCountdown(faults.hugeNext),
    };
  }

  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  get echoSecretInError(): boolean {
    return this.faults.echoSecretInError === true;
  }

  takeBurst429(path: string): boolean {
    return consume(this.faults.burst429, path);
  }

  /** 'reset' (socket destroyed) or 'hang' (never answered), or null. */
  takeConnectionFault(path: string): 'reset' | 'hang' | null {
    if (consume(this.faults.resetNext, path)) return 'reset';
    if (consume(this.faults.hangNext, path)) return 'hang';
    return null;
  }

  /** The injected error this request answers (status, and Okta's error fields when set), or null. */
  takeServerError(path: string): InjectedError | null {
    const failNext = this.faults.failNext;
    if (failNext && consume(failNext, path)) {
      const { status, errorCode, errorSummary, causes } = failNext;
      return { status, errorCode, errorSummary, causes };
    }
    const rate = this.faults.serverErrorRate ?? 0;
    if (rate > 0 && this.random() < rate) return { status: 500 };
    return null;
  }

  /** Milliseconds between the body's bytes for this answer, or null to send it at once. */
  takeTrickle(path: string): number | null {
    const trickle = this.faults.trickleNext;
    return trickle && consume(trickle, path) ? Math.max(1, trickle.intervalMs) : null;
  }

  /** The size of the huge body this request answers instead of its own, or null. */
  takeHugeBody(path: string): { bytes: number; declareLength: boolean } | null {
    const huge = this.faults.hugeNext;
    if (!huge || !consume(huge, path)) return null;
    return { bytes: Math.max(2, huge.bytes), declareLength: huge.declareLength === true };
  }
}

export interface InjectedError {
  status: number;
  errorCode?: string;
  errorSummary?: string;
  causes?: string[];
}

/** Okta's JSON error when the fault names its fields, else what Okta or its load balancer answer. */
export function injectedResponse({ status, errorCode, errorSummary, causes }: InjectedError): SimResponse {
  if (errorSummary === undefined) return gatewayError(status);
  return oktaError(status, errorCode ?? 'E0000001', errorSummary, causes);
}

/** Sends `payload` one byte every `intervalMs` (headers already written); stops when the client leaves. */
export async function trickle(res: ServerResponse, payload: string, intervalMs: number): Promise<void> {
  for (const byte of Buffer.from(payload, 'utf8')) {
    if (res.destroyed) return;
    res.write(Buffer.of(byte));
    await sleep(intervalMs);
  }
  if (!res.destroyed) res.end();
}

const FILLER = Buffer.alloc(64 * 1024, ' ');

/**
 * 200 with a JSON body of exactly `bytes` bytes (`[`, whitespace, `]`: an empty list once parsed),
 * streamed chunk by chunk with backpressure, so a 50 MB answer never sits in the simulator's memory.
 */
export async function writeHugeBody(
  res: ServerResponse,
  headers: Record<string, string>,
  bytes: number,
  declareLength: boolean,
): Promise<void> {
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'application/json',
    ...(declareLength && { 'Content-Length': String(bytes) }),
  });
  const closed = new Promise<void>((resolve) => res.once('close', resolve));
  res.write('[');
  let left = bytes - 2;
  while (left > 0) {
    if (res.destroyed) return;
    const chunk = left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
    left -= chunk.length;
    if (!res.write(chunk)) await Promise.race([once(res, 'drain'), closed]);
  }
  if (!res.destroyed) res.end(']');
}
