import type { BucketLimit, BucketName, SimClock } from './types.js';

export const BUCKET_NAMES: readonly BucketName[] = ['apps-id', 'apps-star', 'apps-list', 'token'];

export const DEFAULT_RATE_LIMITS: Record<BucketName, BucketLimit> = {
  'apps-id': { limit: 600, windowMs: 60_000 },
  'apps-star': { limit: 100, windowMs: 60_000 },
  'apps-list': { limit: 100, windowMs: 60_000 },
  token: { limit: 600, windowMs: 60_000 },
};

/** Okta's endpoint families: `/api/v1/apps`, `/api/v1/apps/{id}`, `/api/v1/apps/*`, `/oauth2/v1/token`. */
export function bucketOf(path: string): BucketName | null {
  if (path === '/oauth2/v1/token') return 'token';
  if (path === '/api/v1/apps') return 'apps-list';
  if (/^\/api\/v1\/apps\/[^/]+$/.test(path)) return 'apps-id';
  if (/^\/api\/v1\/apps\/[^/]+\/./.test(path)) return 'apps-star';
  return null;
}

export interface RateDecision {
  allowed: boolean;
  windowIndex: number;
  headers: Record<string, string>;
}

interface BucketState {
  limit: number;
  windowMs: number;
  windowIndex: number;
  /** ms epoch, always a whole second; 0 = no window open. */
  windowEnd: number;
  used: number;
  counts: number[];
}

function ceilToSecond(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

function normalise(limit: BucketLimit): { limit: number; windowMs: number } {
  return {
    limit: Math.max(0, Math.floor(limit.limit)),
    windowMs: Math.max(1, Math.ceil(limit.windowMs / 1000)) * 1000,
  };
}

/**
 * Per-bucket windows as Okta runs them: a window opens at the first request after the previous one
 * ended and closes at a whole second, so `X-Rate-Limit-Reset` is exact. A bucket answer's `Date` is read from
 * the same clock, so unskewed Reset − Date is at most the window and one second. 429 answers count toward nothing.
 */
export class RateLimiter {
  private readonly buckets = new Map<BucketName, BucketState>();

  constructor(
    limits: Partial<Record<BucketName, BucketLimit>> = {},
    private readonly clock?: SimClock,
  ) {
    for (const name of BUCKET_NAMES) {
      const { limit, windowMs } = normalise(limits[name] ?? DEFAULT_RATE_LIMITS[name]);
      this.buckets.set(name, { limit, windowMs, windowIndex: -1, windowEnd: 0, used: 0, counts: [] });
    }
  }

  /** The new limit applies from the next request, which opens a new window. */
  setLimit(bucket: BucketName, limit: BucketLimit): void {
    const state = this.state(bucket);
    Object.assign(state, normalise(limit));
    state.windowEnd = 0;
  }

  /** Counts the request if its window has room; otherwise a 429 decision. */
  take(bucket: BucketName, hostNow: number): RateDecision {
    const now = hostNow + (this.clock?.offsetMs ?? 0);
    const state = this.state(bucket);
    if (now >= state.windowEnd) {
      state.windowIndex += 1;
      state.windowEnd = ceilToSecond(now + state.windowMs);
      state.used = 0;
      state.counts[state.windowIndex] = 0;
    }
    if (state.used >= state.limit) return this.decision(state, false, 0, state.windowEnd, now);
    state.used += 1;
    state.counts[state.windowIndex] = (state.counts[state.windowIndex] ?? 0) + 1;
    return this.decision(state, true, state.limit - state.used, state.windowEnd, now);
  }

  /** A concurrency-style 429: Remaining 0, counts nothing, Reset is only a hint. */
  reject(bucket: BucketName, hostNow: number): RateDecision {
    const now = hostNow + (this.clock?.offsetMs ?? 0);
    const state = this.state(bucket);
    if (now < state.windowEnd) return this.decision(state, false, 0, state.windowEnd, now);
    return {
      ...this.decision(state, false, 0, ceilToSecond(now + 1000), now),
      windowIndex: state.windowIndex + 1,
    };
  }

  windowCounts(bucket: BucketName): number[] {
    return [...this.state(bucket).counts];
  }

  private state(bucket: BucketName): BucketState {
    const state = this.buckets.get(bucket);
    if (!state) throw new Error(`unknown rate-limit bucket: ${bucket}`);
    return state;
  }

  private decision(
    state: BucketState,
    allowed: boolean,
    remaining: number,
    resetMs: number,
    now: number,
  ): RateDecision {
    const headers: Record<string, string> = {
      'X-Rate-Limit-Limit': String(state.limit),
      'X-Rate-Limit-Remaining': String(remaining),
      'X-Rate-Limit-Reset': String(resetMs / 1000),
    };
    // From the reading that set the Reset. Node's own Date is a per-second cache that a timer clears: on a
    // busy event loop it can lag past the next whole second, making Reset − Date a second too long.
    headers['Date'] = new Date(now + (this.clock?.dateAheadMs ?? 0)).toUTCString();
    return { allowed, windowIndex: state.windowIndex, headers };
  }
}
