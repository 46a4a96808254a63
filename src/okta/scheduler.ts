/**
 * Decides when each request may go: per-bucket pacing (rate-limit.ts) plus a cap on requests in flight.
 * Waiters are served in order; a blocked bucket does not hold up the others. A plan queues every request
 * at once (tens of thousands), so waiters wait in one queue per bucket and a freed slot looks only at the
 * queues' heads: the cost of a request does not grow with the number waiting.
 */
import type { RateLimitWait } from '../progress.js';
import type { BucketName } from './buckets.js';
import { BucketPacer, ServerClock, type PacerTicket, type RateLimitInfo } from './rate-limit.js';

export interface SchedulerOptions {
  /** Percent of each bucket's limit we may use. */
  share: number;
  maxConcurrency: number;
  now?: () => number;
  /** Told of every rate-limit wait of at least `announceAfterMs`, once per bucket and window. */
  onWait?: (wait: RateLimitWait) => void;
  /** Default 5 000. */
  announceAfterMs?: number;
}

const ANNOUNCE_AFTER_MS = 5_000;

export interface Slot {
  readonly bucket: BucketName;
  readonly ticket: PacerTicket;
  /** Outside the concurrency cap (see acquire). */
  readonly uncapped: boolean;
}

interface Waiter {
  /** Arrival order across all queues. */
  seq: number;
  resolve: (slot: Slot) => void;
  reject: (reason: Error) => void;
}

/** The waiters of one bucket that are all capped or all uncapped, first come first served. */
class WaiterQueue {
  private items: (Waiter | undefined)[] = [];
  private head = 0;

  constructor(
    readonly bucket: BucketName,
    readonly uncapped: boolean,
  ) {}

  get size(): number {
    return this.items.length - this.head;
  }

  push(waiter: Waiter): void {
    this.items.push(waiter);
  }

  /** Takes every waiter out. */
  drain(): Waiter[] {
    const waiters = this.items.slice(this.head) as Waiter[];
    this.items = [];
    this.head = 0;
    return waiters;
  }

  peek(): Waiter | undefined {
    return this.items[this.head];
  }

  shift(): Waiter {
    const waiter = this.items[this.head]!;
    this.items[this.head] = undefined;
    this.head += 1;
    // Drop the served part now and then: shifting a long array one by one would copy it each time.
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return waiter;
  }
}

export class RequestScheduler {
  private readonly clock = new ServerClock();
  private readonly pacers = new Map<BucketName, BucketPacer>();
  private readonly queues = new Map<string, WaiterQueue>();
  private nextSeq = 0;
  private readonly now: () => number;
  private active = 0;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Infinity;
  /** The end of the wait last announced per bucket, so that each is announced once. */
  private readonly announced = new Map<BucketName, number>();
  private stopped: Error | undefined;

  constructor(private readonly options: SchedulerOptions) {
    this.now = options.now ?? Date.now;
  }

  /**
   * Waits until a request to `bucket` may be sent. `uncapped` requests skip the concurrency cap: the token
   * request is made while an API request already holds a slot, and must not wait for that slot.
   */
  acquire(bucket: BucketName, uncapped = false): Promise<Slot> {
    return new Promise((resolve, reject) => {
      if (this.stopped) return reject(this.stopped);
      this.queue(bucket, uncapped).push({ seq: this.nextSeq++, resolve, reject });
      this.pump();
    });
  }

  /** Fails every waiting request and every later one with `reason` (the org's circuit breaker opened). */
  stop(reason: Error): void {
    this.stopped = reason;
    this.wakeAt(Infinity, this.now());
    for (const queue of this.queues.values()) for (const waiter of queue.drain()) waiter.reject(reason);
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

  /**
   * Tells `onWait` that requests to `bucket` wait until local time `untilMs` (once per wait, and only
   * for waits of at least `announceAfterMs`).
   */
  announceWait(bucket: BucketName, untilMs: number, reason: RateLimitWait['reason']): void {
    const { onWait, share } = this.options;
    const waitMs = untilMs - this.now();
    if (!onWait || waitMs < (this.options.announceAfterMs ?? ANNOUNCE_AFTER_MS)) return;
    if (this.announced.get(bucket) === untilMs) return;
    this.announced.set(bucket, untilMs);
    const { limit, budget, windowMs } = this.pacer(bucket).snapshot();
    onWait({ bucket, waitMs, untilMs, reason, share, limit, budget, windowMs });
  }

  pacer(bucket: BucketName): BucketPacer {
    let pacer = this.pacers.get(bucket);
    if (!pacer) {
      pacer = new BucketPacer(this.clock, this.options.share);
      this.pacers.set(bucket, pacer);
    }
    return pacer;
  }

  private queue(bucket: BucketName, uncapped: boolean): WaiterQueue {
    const key = `${bucket} ${uncapped}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = new WaiterQueue(bucket, uncapped);
      this.queues.set(key, queue);
    }
    return queue;
  }

  private release(slot: Slot): void {
    if (!slot.uncapped) this.active -= 1;
    this.pump();
  }

  /** Serves the earliest waiter whose bucket and slot allow it, until none can go. */
  private pump(): void {
    const now = this.now();
    let wakeAt = Infinity;
    const blocked = new Set<WaiterQueue>();
    for (;;) {
      let next: WaiterQueue | undefined;
      for (const queue of this.queues.values()) {
        const head = queue.peek();
        if (!head || blocked.has(queue)) continue;
        if (!queue.uncapped && this.active >= this.options.maxConcurrency) continue;
        if (!next || head.seq < next.peek()!.seq) next = queue;
      }
      if (!next) break;
      const pacer = this.pacer(next.bucket);
      const ticket = pacer.tryCharge(now);
      if (!ticket) {
        // The bucket's other waiters would get the same answer now.
        blocked.add(next);
        const changeAt = pacer.nextChangeAt();
        if (changeAt !== undefined) {
          wakeAt = Math.min(wakeAt, changeAt);
          if (pacer.windowFull()) this.announceWait(next.bucket, changeAt, 'share');
        }
        continue;
      }
      const waiter = next.shift();
      if (!next.uncapped) this.active += 1;
      waiter.resolve({ bucket: next.bucket, ticket, uncapped: next.uncapped });
    }
    this.wakeAt(wakeAt, now);
  }

  /**
   * One timer for the earliest moment a waiting bucket's window ends, and none when nothing waits for a
   * window: a timer left for a window nobody needs would keep the process alive after its last answer.
   */
  private wakeAt(at: number, now: number): void {
    if (at === Infinity) {
      clearTimeout(this.timer);
      this.timer = undefined;
      this.timerAt = Infinity;
      return;
    }
    if (this.timer && this.timerAt <= at) return;
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
