/** What the sim saw of one phase, per bucket: requests, 429s, and the windows they fell in. */
import type { OktaSim, RecordedRequest } from '../sim/server.js';
import { ceilToSecond } from './bound.js';
import type { RateBucket } from './config.js';

export interface WindowUse {
  /** Requests the sim counted in this window (`sim.windowCounts`). */
  requests: number;
  /** When its first request arrived, and when the sim ends it (a whole second). */
  openedAt: number;
  endsAt: number;
}

export interface BucketUse {
  bucket: RateBucket;
  /** Requests answered within the limit. */
  requests: number;
  /** 429 answers. */
  rateLimited: number;
  windows: WindowUse[];
  maxPerWindow: number;
  /** GETs of a path already read in this phase. */
  repeatedReads: number;
}

export function bucketUse(
  sim: OktaSim,
  records: readonly RecordedRequest[],
  bucket: RateBucket,
  windowMs: number,
): BucketUse {
  const mine = records.filter((record) => record.bucket === bucket);
  const counts = sim.windowCounts(bucket);
  const opened = new Map<number, number>();
  for (const record of mine) {
    if (record.status === 429 || opened.has(record.windowIndex)) continue;
    opened.set(record.windowIndex, record.receivedAt);
  }
  const windows = [...opened]
    .sort(([a], [b]) => a - b)
    .map(([index, openedAt]) => ({
      requests: counts[index] ?? 0,
      openedAt,
      endsAt: ceilToSecond(openedAt + windowMs),
    }));
  const reads = mine.filter((record) => record.method === 'GET' && record.status !== 429);
  return {
    bucket,
    requests: mine.filter((record) => record.status !== 429).length,
    rateLimited: mine.filter((record) => record.status === 429).length,
    windows,
    maxPerWindow: Math.max(0, ...windows.map((window) => window.requests)),
    repeatedReads: reads.length - new Set(reads.map((record) => record.path)).size,
  };
}
