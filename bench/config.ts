/**
 * The bench's org: Okta's bucket proportions (apps-id larger than apps-star) with 1 s windows so a run
 * takes seconds, and a round trip that makes concurrency matter without being the limit.
 */
import type { BucketLimit } from '../sim/server.js';

export type RateBucket = 'apps-star' | 'apps-id';

export interface BenchConfig {
  sizes: number[];
  /** Connections in the scaling run (unlimited buckets, one secret per connection). */
  scaleSizes: number[];
  /** Connections defined for the targeted plan of a pull request changing one of them (0: skip). */
  targetedConnections: number;
  /** Percent of each bucket the client may use (the action's default). */
  share: number;
  /** Requests in flight (the action's default). */
  maxConcurrency: number;
  /** Added by the sim to every answer. */
  latencyMs: number;
  limits: Record<RateBucket, BucketLimit>;
  /** Definitions validated by the bundled action in the startup bench. */
  startupDefinitions: number;
  /** Timed runs of each startup command (after one warm-up). */
  startupRuns: number;
}

export const DEFAULT_CONFIG: BenchConfig = {
  sizes: [100, 500, 2000],
  scaleSizes: [1000, 10_000, 20_000],
  targetedConnections: 300,
  share: 50,
  maxConcurrency: 8,
  latencyMs: 30,
  limits: {
    'apps-star': { limit: 400, windowMs: 1000 },
    'apps-id': { limit: 1200, windowMs: 1000 },
  },
  startupDefinitions: 1000,
  startupRuns: 10,
};
