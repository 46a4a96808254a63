/**
 * Progress of long runs as text: `read 150 of 1,000 connections; waiting 41 s for Okta's rate-limit window
 * (/api/v1/apps/*: 50 a minute at share 50 %); about 17 min left`. In a log, a line at most every few
 * seconds or at each tenth of the work, and at once for every announced rate-limit wait; on a terminal, one
 * line updated in place.
 */
import { describeRateLimitWait, formatCount, formatDuration } from '../okta/wait-text.js';
import type { ProgressCallback, RateLimitWait } from '../progress.js';

/** Fewest ms between two log lines that only report progress. */
const LOG_INTERVAL_MS = 5_000;
/** A log shows no progress of a step in its first ms (a wait is announced all the same). */
const LOG_QUIET_MS = 2_000;
/** Fewest ms between two updates of a terminal line. */
const TTY_INTERVAL_MS = 100;

export interface ProgressReporterOptions {
  /**
   * Prints text as given: whole lines ending in "\n", or on a terminal "\r", an erase to the end of the
   * line and the line (no newline: the next update replaces it).
   */
  write: (text: string) => void;
  now?: () => number;
  /** One updating line (a terminal) instead of a line each time. */
  isTTY?: boolean;
}

export interface ProgressReporter {
  /** The callback for planConnections / applyPlan: `read 150 of 1,000 connections`, `applied 3 of 12 …`. */
  step(verb: string): ProgressCallback;
  /** For OktaClient's `onRateLimitWait`: announced at once, and shown in the line until it is over. */
  waiting(wait: RateLimitWait): void;
  /** Ends the terminal line (a newline) so that other output starts on a line of its own. */
  end(): void;
}

export function createProgressReporter(options: ProgressReporterOptions): ProgressReporter {
  const now = options.now ?? Date.now;
  const isTTY = options.isTTY ?? false;
  let verb = '';
  let done = 0;
  let total = 0;
  let startedAt = 0;
  let wait: RateLimitWait | undefined;
  /** Time of this step spent in announced waits: the waits over, and the one going on (merged when they overlap). */
  let waitedMs = 0;
  let waitFrom = 0;
  let waitUntil = 0;
  let lastLineAt = -Infinity;
  let lastTenth = 0;
  let lastDone = -1;
  let open = false;

  const line = (at: number): string => {
    const parts: string[] = [];
    if (total > 0) parts.push(`${verb} ${formatCount(done)} of ${formatCount(total)} connections`);
    if (wait && wait.untilMs > at) parts.push(describeRateLimitWait(wait, wait.untilMs - at));
    const elapsed = at - startedAt;
    if (done > 0 && done < total && elapsed > 0) parts.push(`about ${formatDuration(leftMs(at))} left`);
    return parts.join('; ');
  };

  /** Announced waits within this step up to `at`. */
  const waited = (at: number): number =>
    waitedMs + Math.max(0, Math.min(at, waitUntil) - Math.max(waitFrom, startedAt));

  /**
   * The pace so far, waits included (later windows will make the rest wait alike); but never less than a
   * wait going on plus the rest at the pace seen outside waits: nothing is read until that wait is over.
   */
  const leftMs = (at: number): number => {
    const elapsed = at - startedAt;
    const byPace = ((total - done) * elapsed) / done;
    const waitLeft = Math.max(0, waitUntil - at);
    const busyPerConnection = Math.max(0, elapsed - waited(at)) / done;
    return Math.max(byPace, waitLeft + (total - done) * busyPerConnection);
  };

  const print = (at: number): void => {
    const text = line(at);
    if (!text) return;
    lastLineAt = at;
    lastDone = done;
    if (total > 0) lastTenth = Math.floor((done * 10) / total);
    if (isTTY) {
      options.write(`\r\x1b[K${text}`);
      open = true;
    } else {
      options.write(`${text}\n`);
    }
  };

  return {
    step(stepVerb) {
      return (stepDone, stepTotal) => {
        const at = now();
        if (stepVerb !== verb || stepTotal !== total || stepDone < done) {
          // A new phase: its own count and its own clock for the estimate.
          verb = stepVerb;
          total = stepTotal;
          startedAt = at;
          lastTenth = 0;
          lastDone = -1;
          lastLineAt = at;
          waitedMs = 0;
        }
        done = stepDone;
        if (done === lastDone || total === 0) return;
        // A step that ends within seconds is not worth a line in a log: small orgs stay quiet.
        if (!isTTY && at - startedAt < LOG_QUIET_MS) return;
        const finished = done === total;
        const tenth = Math.floor((done * 10) / total) > lastTenth;
        const interval = isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
        if (finished || tenth || at - lastLineAt >= interval) print(at);
      };
    },
    waiting(announced) {
      const at = now();
      wait = announced;
      if (at < waitUntil) {
        waitUntil = Math.max(waitUntil, announced.untilMs);
      } else {
        waitedMs = waited(waitUntil);
        waitFrom = at;
        waitUntil = announced.untilMs;
      }
      print(at);
    },
    end() {
      if (isTTY && open) options.write('\n');
      open = false;
    },
  };
}
