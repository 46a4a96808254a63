/**
 * Decides when each request may go: per-bucket pacing (rate-limit.ts) plus a cap on requests in flight.
 * Waiters are served in order; a blocked bucket does not hold up the others.
 */
import type { BucketName } from './buckets.js';
import { BucketPacer, ServerClock, type PacerTicket, type RateLimitInfo } from './rate-limit.js';

export interface SchedulerOptions {
  /** Percent of each bucket's limit we may use. */
  share: number;
  maxConcurrency: number;
  now?: () => number;
}

export interface Slot {
  readonly bucket: BucketName;
  readonly ticket: PacerTicket;
  /** Outside the concurrency cap (see acquire). */
  readonly uncapped: boolean;
}

interface Waiter {
  bucket: BucketName;
  uncapped: boolean;
  resolve: (slot: Slot) => void;
}

export class RequestScheduler {
  private readonly clock = new ServerClock();
  private readonly pacers = new Map<BucketName, BucketPacer>();
  private readonly waiters: Waiter[] = [];
  private readonly now: () => number;
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Waits until a request to `bucket` may be sent. `uncapped` requests skip the concurrency cap: the token
   * request is made while an API request already holds a slot, and must not wait for that slot.
   */
  acquire(bucket: BucketName, uncapped = false): Promise<Slot> {
    return new Promise((resolve) => {
      this.waiters.push({ bucket, uncapped, resolve });
      this.pump();
    });
  }

  answered(slot: Slot, info: RateLimitInfo, receivedAt: number): void {
    this.pacer(slot.bucket).answered(slot.ticket, info, receivedAt);
    this.release(slot);
  }

  failed(slot: Slot): void {
    this.pacer(slot.bucket).failed(slot.ticket, this.now());
    this.release(slot);
  }

  cancel(slot: Slot): void {
    this.pacer(slot.bucket).cancel(slot.ticket);
    this.release(slot);
  }

  /** Local time at which a 429's window is surely over, or undefined (Reset absent or past). */
  resumeAt(bucket: BucketName, resetEpochSec: number | undefined): number | undefined {
    return this.pacer(bucket).resumeAt(resetEpochSec, this.now());
  }

  pacer(bucket: BucketName): BucketPacer {
    let pacer = this.pacers.get(bucket);
    if (!pacer) {
      pacer = new BucketPacer(this.clock, this.options.share);
      this.pacers.set(bucket, pacer);
    }
    return pacer;
  }

  private release(slot: Slot): void {
    if (!slot.uncapped) this.active -= 1;
    this.pump();
  }

  private pump(): void {
    const now = this.now();
    let wakeAt = Infinity;
    for (let index = 0; index < this.waiters.length;) {
      const waiter = this.waiters[index]!;
      if (!waiter.uncapped && this.active >= this.options.maxConcurrency) {
        index += 1;
        continue;
      }
      const pacer = this.pacer(waiter.bucket);
      const ticket = pacer.tryCharge(now);
      if (!ticket) {
        wakeAt = Math.min(wakeAt, pacer.nextChangeAt() ?? Infinity);
        index += 1;
        continue;
      }
      this.waiters.splice(index, 1);
      if (!waiter.uncapped) this.active += 1;
      waiter.resolve({ bucket: waiter.bucket, ticket, uncapped: waiter.uncapped });
    }
    this.wakeAt(wakeAt, now);
  }

  /** One timer for the earliest moment a waiting bucket's window ends. */
  private wakeAt(at: number, now: number): void {
    if (at === Infinity || (this.timer && this.timerAt <= at)) return;
    clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - now) + 1,
    );
  }
}
