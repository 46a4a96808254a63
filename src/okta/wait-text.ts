/** How long and why the Okta client waits for a rate limit, in words: in its log or a progress line. */
import type { BucketName } from './buckets.js';
import type { RateLimitWait } from '../progress.js';

/** The endpoints each bucket covers, as Okta's rate-limit page names them. */
const BUCKET_ENDPOINTS: Record<BucketName, string> = {
  'apps-id': '/api/v1/apps/{id}',
  'apps-star': '/api/v1/apps/*',
  'apps-list': '/api/v1/apps',
  token: '/oauth2/v1/token',
  other: 'other endpoints',
};

export const formatCount = (n: number) => n.toLocaleString('en-US');

/** `41 s`, `3 min`. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 90 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
}

/** `50 a minute`: the run's requests per window; Okta's windows are whole seconds, Reset − Date may add one. */
function perWindow(budget: number, windowMs: number | undefined): string {
  if (windowMs === undefined) return `${formatCount(budget)} per window`;
  const seconds = windowMs / 1000;
  if (seconds >= 60 && seconds <= 61) return `${formatCount(budget)} a minute`;
  if (seconds <= 2) return `${formatCount(budget)} a second`;
  return `${formatCount(budget)} per ${Math.round(seconds)} s`;
}

/**
 * `waiting 41 s for Okta's rate-limit window (/api/v1/apps/*: 50 a minute at share 50 %)`; `leftMs`: the
 * time still to wait, when later than the announcement.
 */
export function describeRateLimitWait(wait: RateLimitWait, leftMs = wait.waitMs): string {
  const endpoints = BUCKET_ENDPOINTS[wait.bucket];
  const rate =
    wait.budget === undefined
      ? `share ${wait.share} %`
      : `${perWindow(wait.budget, wait.windowMs)} at share ${wait.share} %`;
  if (wait.reason === 'rate-limited') {
    const limit = wait.limit === undefined ? '' : `, limit ${perWindow(wait.limit, wait.windowMs)}`;
    return `waiting ${formatDuration(leftMs)}: Okta answered 429 Too Many Requests (${endpoints}${limit}; other clients of the org use it too)`;
  }
  return `waiting ${formatDuration(leftMs)} for Okta's rate-limit window (${endpoints}: ${rate})`;
}
