/**
 * The fastest a phase (plan or apply) can go without a 429: pure arithmetic, no I/O.
 *
 * Per bucket: the run may send budget = floor(limit × share / 100) requests per window, so R requests need
 * k = ceil(R / budget) windows. A window opens with the first request after the previous reset and ends
 * on a whole second (Okta's and the sim's `X-Rate-Limit-Reset` are epoch seconds), so:
 *  - the first window ends at ceil_s(start + windowMs) however late in that second the first request comes;
 *  - every later window opens after the previous reset and ends on the first whole second at least
 *    windowMs later: resets come windowMs + 1 s apart (a request landing on the reset's exact millisecond
 *    would save that second, but aiming at it risks a 429);
 *  - the last window is needed only until its r requests are answered: ceil(r / concurrency) round trips.
 * All requests also share `maxConcurrency` slots of at least one round trip each. The bound is the
 * largest of these; `nominal` is the same without the whole-second rounding (windows of exactly windowMs).
 */

export interface BucketDemand {
  bucket: string;
  /** Requests the phase needs in this bucket. */
  requests: number;
  limit: number;
  /** Window length; whole seconds. */
  windowMs: number;
}

export interface BoundSettings {
  /** Percent of each bucket's limit the run may use. */
  share: number;
  maxConcurrency: number;
  /** Round trip of one request (the sim's added latency). */
  latencyMs: number;
}

export interface BucketBound {
  bucket: string;
  requests: number;
  budget: number;
  windows: number;
  boundMs: number;
  nominalMs: number;
}

export interface PhaseBound {
  boundMs: number;
  nominalMs: number;
  /** A bucket name, or `concurrency`. */
  limitedBy: string;
  buckets: BucketBound[];
  concurrencyMs: number;
}

export function budgetOf(limit: number, share: number): number {
  return Math.max(1, Math.floor((limit * share) / 100));
}

export function windowsNeeded(requests: number, budget: number): number {
  return Math.ceil(requests / budget);
}

export function ceilToSecond(ms: number): number {
  return Math.ceil(ms / 1000) * 1000;
}

/** Reset to reset of back-to-back windows when each opens after the previous reset. */
export function cadenceMs(windowMs: number): number {
  return windowMs + 1000;
}

/** Time to get `requests` answered through `maxConcurrency` slots. */
export function roundTripsMs(requests: number, { maxConcurrency, latencyMs }: BoundSettings): number {
  return Math.ceil(requests / maxConcurrency) * latencyMs;
}

/** One bucket's bound for a phase starting at `startMs` (epoch ms: the first window's end depends on it). */
export function bucketBound(demand: BucketDemand, startMs: number, settings: BoundSettings): BucketBound {
  const budget = budgetOf(demand.limit, settings.share);
  const windows = windowsNeeded(demand.requests, budget);
  const base = { bucket: demand.bucket, requests: demand.requests, budget, windows };
  if (windows === 0) return { ...base, boundMs: 0, nominalMs: 0 };
  const tail = roundTripsMs(demand.requests - (windows - 1) * budget, settings);
  if (windows === 1) return { ...base, boundMs: tail, nominalMs: tail };
  const firstWindow = ceilToSecond(startMs + demand.windowMs) - startMs;
  return {
    ...base,
    boundMs: firstWindow + (windows - 2) * cadenceMs(demand.windowMs) + tail,
    nominalMs: (windows - 1) * demand.windowMs + tail,
  };
}

export function phaseBound(demands: BucketDemand[], startMs: number, settings: BoundSettings): PhaseBound {
  const buckets = demands.map((demand) => bucketBound(demand, startMs, settings));
  const total = demands.reduce((sum, demand) => sum + demand.requests, 0);
  const concurrencyMs = roundTripsMs(total, settings);
  let limitedBy = 'concurrency';
  let boundMs = concurrencyMs;
  for (const bucket of buckets) {
    if (bucket.boundMs > boundMs) {
      boundMs = bucket.boundMs;
      limitedBy = bucket.bucket;
    }
  }
  const nominalMs = Math.max(concurrencyMs, ...buckets.map((bucket) => bucket.nominalMs));
  return { boundMs, nominalMs, limitedBy, buckets, concurrencyMs };
}
