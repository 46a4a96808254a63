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
  return new ProgressLine(options);
}

/** The state of the progress shown: the step's count and clock, the announced waits, the last line printed. */
class ProgressLine implements ProgressReporter {
  private readonly now: () => number;
  private readonly isTTY: boolean;
  private verb = '';
  private done = 0;
  private total = 0;
  private startedAt = 0;
  private wait: RateLimitWait | undefined;
  /** Time of this step spent in announced waits: the waits over, and the one going on (merged when they overlap). */
  private waitedMs = 0;
  private waitFrom = 0;
  private waitUntil = 0;
  private lastLineAt = -Infinity;
  private lastTenth = 0;
  private lastDone = -1;
  private open = false;

  constructor(private readonly options: ProgressReporterOptions) {
    this.now = options.now ?? Date.now;
    this.isTTY = options.isTTY ?? false;
  }

  step(stepVerb: string): ProgressCallback {
    return (stepDone, stepTotal) => {
      const at = this.now();
      if (stepVerb !== this.verb || stepTotal !== this.total || stepDone < this.done) {
        // A new phase: its own count and its own clock for the estimate.
        this.verb = stepVerb;
        this.total = stepTotal;
        this.startedAt = at;
        this.lastTenth = 0;
        this.lastDone = -1;
        this.lastLineAt = at;
        this.waitedMs = 0;
      }
      this.done = stepDone;
      if (this.done === this.lastDone || this.total === 0) return;
      // A step that ends within seconds is not worth a line in a log: small orgs stay quiet.
      if (!this.isTTY && at - this.startedAt < LOG_QUIET_MS) return;
      const finished = this.done === this.total;
      const tenth = Math.floor((this.done * 10) / this.total) > this.lastTenth;
      const interval = this.isTTY ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
      if (finished || tenth || at - this.lastLineAt >= interval) this.print(at);
    };
  }

  waiting(announced: RateLimitWait): void {
    const at = this.now();
    this.wait = announced;
    if (at < this.waitUntil) {
      this.waitUntil = Math.max(this.waitUntil, announced.untilMs);
    } else {
      this.waitedMs = this.waited(this.waitUntil);
      this.waitFrom = at;
      this.waitUntil = announced.untilMs;
    }
    this.print(at);
  }

  end(): void {
    if (this.isTTY && this.open) this.options.write('\n');
    this.open = false;
  }

  private line(at: number): string {
    const parts: string[] = [];
    const { done, total, wait } = this;
    if (total > 0) parts.push(`${this.verb} ${formatCount(done)} of ${formatCount(total)} connections`);
    if (wait && wait.untilMs > at) parts.push(describeRateLimitWait(wait, wait.untilMs - at));
    const elapsed = at - this.startedAt;
    if (done > 0 && done < total && elapsed > 0) parts.push(`about ${formatDuration(this.leftMs(at))} left`);
    return parts.join('; ');
  }

  /** Announced waits within this step up to `at`. */
  private waited(at: number): number {
    return (
      this.waitedMs + Math.max(0, Math.min(at, this.waitUntil) - Math.max(this.waitFrom, this.startedAt))
    );
  }

  /**
   * The pace so far, waits included (later windows will make the rest wait alike); but never less than a
   * wait going on plus the rest at the pace seen outside waits: nothing is read until that wait is over.
   */
  private leftMs(at: number): number {
    const { done, total } = this;
    const elapsed = at - this.startedAt;
    const byPace = ((total - done) * elapsed) / done;
    const waitLeft = Math.max(0, this.waitUntil - at);
    const busyPerConnection = Math.max(0, elapsed - this.waited(at)) / done;
    return Math.max(byPace, waitLeft + (total - done) * busyPerConnection);
  }

  private print(at: number): void {
    const text = this.line(at);
    if (!text) return;
    this.lastLineAt = at;
    this.lastDone = this.done;
    if (this.total > 0) this.lastTenth = Math.floor((this.done * 10) / this.total);
    if (this.isTTY) {
      this.options.write(`\r\x1b[K${text}`);
      this.open = true;
    } else {
      this.options.write(`${text}\n`);
    }
  }
}
