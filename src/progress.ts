/**
 * The progress port: how the core tells a shell how far a long run is (at real rate limits a plan of 1,000
 * connections takes about 20 minutes). The core calls these; src/render/progress.ts words them and decides
 * how often a line is printed.
 */
import type { BucketName } from './okta/buckets.js';

/** `done` of `total` connections are finished (read by a plan, carried out by apply). */
export type ProgressCallback = (done: number, total: number) => void;

/** Promise.all that tells `progress` how many have settled, from 0 on. */
export function allWithProgress<T>(work: readonly Promise<T>[], progress?: ProgressCallback): Promise<T[]> {
  if (!progress) return Promise.all(work);
  let done = 0;
  progress(0, work.length);
  return Promise.all(work.map((one) => one.finally(() => progress((done += 1), work.length))));
}

/** Requests to one Okta rate-limit bucket wait before they may be sent. */
export interface RateLimitWait {
  bucket: BucketName;
  /** How long from the announcement, and the local time the requests may go again. */
  waitMs: number;
  untilMs: number;
  /** `share`: this run used its share of the window; `rate-limited`: Okta answered 429 (others used it up). */
  reason: 'share' | 'rate-limited';
  /** The run's share of each bucket, percent. */
  share: number;
  /** The bucket's limit per window and the run's part of it (floor(limit × share / 100)), once known. */
  limit?: number;
  budget?: number;
  /** The window's length as far as Okta's answers tell (Reset − Date: whole seconds, up to 1 s long). */
  windowMs?: number;
}
