/**
 * Pure rate-limit arithmetic for one Okta bucket (no timers, no I/O: every method takes the local time).
 *
 * Rules: never more than floor(limit × share / 100) of our requests (min 1) in one
 * server window; the window end comes from `X-Rate-Limit-Reset` read against the server's `Date`; before
 * the first answer only one probe is in flight; requests in flight count against the budget.
 *
 * A request may reach the server in any window from the one current when it was charged to the one
 * current when its answer (or failure) is seen, so it counts in every one of those until its answer's
 * Reset tells which it was. Windows roll lazily (at the next charge or answer, whenever a loaded machine
 * gets to it), so an answer is handled as still in flight until the roll it may have spanned is done.
 * A window opened by the clock alone starts with one probe; the rest wait for an answer that shows the
 * new Reset, so if the server's window was in fact still open (its `Date` ahead of its rate-limit clock),
 * one request lands there, not a burst, and the client learns to wait longer.
 */

/** What one answer says about its bucket. */
export interface RateLimitInfo {
  limit?: number;
  remaining?: number;
  resetEpochSec?: number;
  serverDateMs?: number;
}

/**
 * Okta's windows last a minute; a Reset further ahead of the answer's Date (or, without one, of when it
 * arrived) is not one (e.g. milliseconds), and is ignored: waiting for it would stall the run for days, or,
 * past 2^31 ms, fire the timers at once.
 */
const MAX_RESET_AHEAD_MS = 10 * 60_000;

export function readRateLimitInfo(
  headers: Record<string, string | undefined>,
  receivedAtMs?: number,
): RateLimitInfo {
  const date = headers['date'] ? Date.parse(headers['date']) : NaN;
  const serverDateMs = Number.isFinite(date) ? date : undefined;
  const reference = serverDateMs ?? receivedAtMs;
  let resetEpochSec = nonNegativeInt(headers['x-rate-limit-reset']);
  if (resetEpochSec !== undefined && reference !== undefined) {
    if (resetEpochSec * 1000 - reference > MAX_RESET_AHEAD_MS) resetEpochSec = undefined;
  }
  return {
    limit: nonNegativeInt(headers['x-rate-limit-limit']),
    remaining: nonNegativeInt(headers['x-rate-limit-remaining']),
    resetEpochSec,
    serverDateMs,
  };
}

function nonNegativeInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*\d+\s*$/.test(text)) return undefined;
  return Number(text);
}

/**
 * The server clock seen from here. `Date` has whole seconds, so each answer only bounds the offset
 * (server − local) from below; keeping the largest bound makes every derived local time late, never early.
 */
export class ServerClock {
  private offsetLowMs: number | undefined;
  /** Learnt when a window outlived its end as computed here (the `Date` and Reset clocks disagree). */
  private lateMs = 0;

  observe(serverDateMs: number, receivedAtMs: number): void {
    const sample = serverDateMs - receivedAtMs;
    this.offsetLowMs = this.offsetLowMs === undefined ? sample : Math.max(this.offsetLowMs, sample);
  }

  /** Whether a window ever outlived its end as computed here. */
  get disagreed(): boolean {
    return this.lateMs > 0;
  }

  /** Local time by which the server clock has surely reached `serverMs`. */
  toLocal(serverMs: number): number {
    return serverMs - (this.offsetLowMs ?? 0) + this.lateMs;
  }

  /**
   * A request counted in the window ending at server time `resetMs` arrived no earlier than local
   * `arrivedAfterMs`. If that is past the end computed here, the clocks disagree: later ends are pushed
   * back by the error and a second more (what Okta's SDKs add to `Reset - Date`), at least doubling the
   * delay each time. Returns whether it was late.
   */
  observeOpenAt(resetMs: number, arrivedAfterMs: number): boolean {
    const error = arrivedAfterMs - this.toLocal(resetMs);
    if (error < 0) return false;
    this.lateMs = Math.max(2 * this.lateMs, this.lateMs + error + 1000);
    return true;
  }
}

/** Used until an answer tells how long this bucket's windows are. */
const DEFAULT_WINDOW_MS = 60_000;

/** Our view of the server's current window of the bucket. */
interface Window {
  /** The window's `X-Rate-Limit-Reset`, once an answer from it arrived. */
  resetEpochSec?: number;
  /** Local time after which the server surely started a new window (estimated until resetEpochSec is known). */
  endLocalMs?: number;
  /** Our requests charged to this window, including every request in flight. */
  used: number;
  /** Requests that got no answer while this window was current: they may have reached the next one. */
  lost: number;
  /** Lowest `X-Rate-Limit-Remaining` seen in this window (other clients of the org use it too). */
  remaining?: number;
}

/** A request charged to a bucket; hand it back with `answered`, `failed` or `cancel`. */
export type PacerTicket = { readonly id: number; readonly chargedAt: number };

export interface BucketSnapshot {
  limit?: number;
  budget?: number;
  used: number;
  inFlight: number;
  windowEndLocalMs?: number;
  /** The window's length as far as the answers tell (the longest Reset − Date). */
  windowMs?: number;
}

export class BucketPacer {
  private limit: number | undefined;
  private window: Window = { used: 0, lost: 0 };
  private previousResetEpochSec: number | undefined;
  /** Longest Reset − Date seen: an upper estimate of the window length. */
  private windowEstimateMs: number | undefined;
  private readonly inFlight = new Set<PacerTicket>();
  /** Charged while the current window's Reset was unknown: until it is answered, nothing more goes. */
  private probe: PacerTicket | undefined;
  private nextId = 1;

  constructor(
    private readonly clock: ServerClock,
    /** Percent of the bucket's limit we may use, 1..100. */
    private readonly share: number,
    /** Added to a learnt window end, so the first request of the next window arrives after the reset. */
    private readonly marginMs = 25,
  ) {}

  /** Our requests allowed per window, once the limit is known. */
  get budget(): number | undefined {
    return this.limit === undefined ? undefined : Math.max(1, Math.floor((this.limit * this.share) / 100));
  }

  /** Charges one request when the bucket allows it at `now`; undefined when it must wait. */
  tryCharge(now: number): PacerTicket | undefined {
    this.roll(now);
    if (!this.canSend()) return undefined;
    const window = this.window;
    window.used += 1;
    if (this.limit !== undefined) window.endLocalMs ??= now + (this.windowEstimateMs ?? DEFAULT_WINDOW_MS);
    const ticket = { id: this.nextId++, chargedAt: now };
    this.inFlight.add(ticket);
    if (window.resetEpochSec === undefined) this.probe = ticket;
    return ticket;
  }

  /** When waiting alone can let a blocked request go; undefined: only an answer (or failure) can. */
  nextChangeAt(): number | undefined {
    return this.limit === undefined ? undefined : this.window.endLocalMs;
  }

  /** Learns from an answer (any status) to a charged request. */
  answered(ticket: PacerTicket, info: RateLimitInfo, receivedAtMs: number): void {
    // Still in flight for a roll that is due: the request may have reached the server after that reset.
    this.roll(receivedAtMs);
    this.inFlight.delete(ticket);
    if (info.serverDateMs !== undefined) this.clock.observe(info.serverDateMs, receivedAtMs);
    if (info.limit !== undefined) this.limit = info.limit;
    const reset = info.resetEpochSec;
    if (reset !== undefined && info.serverDateMs !== undefined) {
      this.windowEstimateMs = Math.max(this.windowEstimateMs ?? 0, reset * 1000 - info.serverDateMs);
    }
    if (reset === undefined) {
      // A window charged before the limit was known has no end yet, and no Reset gives it one.
      if (this.limit !== undefined && this.window.used > 0)
        this.window.endLocalMs ??= ticket.chargedAt + (this.windowEstimateMs ?? DEFAULT_WINDOW_MS);
      return;
    }
    const current = this.window.resetEpochSec;
    // Not from a 429 (Remaining 0): a concurrency 429's Reset is only a hint.
    const late = info.remaining !== 0 && this.clock.observeOpenAt(reset * 1000, ticket.chargedAt);
    if (late && current === undefined) {
      // Sent after we took this window for over, yet counted in it: it is still open, and may be full.
      this.window = {
        resetEpochSec: reset,
        endLocalMs: this.clock.toLocal(reset * 1000) + this.marginMs,
        used: Math.max(this.budget ?? 1, this.inFlight.size),
        lost: 0,
      };
      return;
    }

    const older =
      current === undefined ? reset <= (this.previousResetEpochSec ?? -Infinity) : reset < current;
    if (older) {
      // It reached the server in an earlier window: it takes nothing from this one.
      this.window.used -= 1;
      return;
    }
    if (current !== undefined && reset > current) {
      // The server already started a newer window: what is still in flight may land there, and this did.
      this.previousResetEpochSec = current;
      this.window = { used: this.inFlight.size + this.window.lost + 1, lost: 0 };
    }
    const window = this.window;
    window.resetEpochSec = reset;
    window.endLocalMs = this.clock.toLocal(reset * 1000) + this.marginMs;
    if (info.remaining !== undefined)
      window.remaining = Math.min(window.remaining ?? Infinity, info.remaining);
  }

  /**
   * The request got no answer (reset, timeout) by `now`: the server may have counted it, in this window or,
   * if this one ended unseen, in the next, so the charge stays and moves on with the next roll.
   */
  failed(ticket: PacerTicket, now: number): void {
    this.roll(now);
    if (this.inFlight.delete(ticket)) this.window.lost += 1;
  }

  /** The request was never sent. */
  cancel(ticket: PacerTicket): void {
    if (this.inFlight.delete(ticket)) this.window.used -= 1;
  }

  /** Local time at which a 429's window is surely over; undefined when its Reset is absent or past. */
  resumeAt(resetEpochSec: number | undefined, now: number): number | undefined {
    if (resetEpochSec === undefined) return undefined;
    const at = this.clock.toLocal(resetEpochSec * 1000) + this.marginMs;
    return at > now ? at : undefined;
  }

  snapshot(): BucketSnapshot {
    return {
      limit: this.limit,
      budget: this.budget,
      used: this.window.used,
      inFlight: this.inFlight.size,
      windowEndLocalMs: this.window.endLocalMs,
      windowMs: this.windowEstimateMs,
    };
  }

  /** Whether the current window has no room left (not: waits for an answer): only its end helps. */
  windowFull(): boolean {
    const budget = this.budget;
    if (budget === undefined) return false;
    // Once the clocks disagreed, a window keeps room for the next one's probe, which may land in it.
    const room = this.clock.disagreed ? Math.max(1, budget - 1) : budget;
    const remaining = this.window.remaining;
    return this.window.used >= room || (remaining !== undefined && remaining - this.inFlight.size <= 0);
  }

  private canSend(): boolean {
    // Before the first answer: a single probe.
    if (this.budget === undefined) return this.inFlight.size === 0;
    if (this.windowFull()) return false;
    return !(this.window.resetEpochSec === undefined && this.probe && this.inFlight.has(this.probe));
  }

  /** Starts the next window once the current one is surely over. */
  private roll(now: number): void {
    const window = this.window;
    if (window.endLocalMs === undefined || now < window.endLocalMs) return;
    if (window.resetEpochSec !== undefined) this.previousResetEpochSec = window.resetEpochSec;
    // Requests still in flight, or lost in the window just over, may reach the server in the new window.
    const carried = this.inFlight.size + window.lost;
    this.window = {
      used: carried,
      lost: 0,
      endLocalMs: carried > 0 ? now + (this.windowEstimateMs ?? DEFAULT_WINDOW_MS) : undefined,
    };
  }
}
