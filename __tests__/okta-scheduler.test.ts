/** The request scheduler: order across buckets, the concurrency cap, and work per freed slot. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BucketName } from '../src/okta/buckets.js';
import { BucketPacer } from '../src/okta/rate-limit.js';
import { RequestScheduler, type Slot } from '../src/okta/scheduler.js';

const NOW = 1_000_000;

/** Answers a slot as the server would: `limit` per window, the window ending 60 s on. */
function answer(scheduler: RequestScheduler, slot: Slot, limit: number): void {
  scheduler.answered(
    slot,
    { limit, remaining: limit - 1, resetEpochSec: NOW / 1000 + 60, serverDateMs: NOW },
    NOW,
  );
}

/** Acquires and records the order slots are granted in. */
function track(scheduler: RequestScheduler, bucket: BucketName, name: string, granted: string[]) {
  return scheduler.acquire(bucket).then((slot) => {
    granted.push(name);
    return slot;
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('RequestScheduler', () => {
  it('serves waiters in arrival order across buckets; a bucket out of budget holds up only its own', async () => {
    const scheduler = new RequestScheduler({ share: 50, maxConcurrency: 1, now: () => NOW });
    const granted: string[] = [];
    // Learn both buckets: apps-star may send 1 per window (limit 2 at 50 %), apps-id 5.
    answer(scheduler, await scheduler.acquire('apps-star'), 2);
    answer(scheduler, await scheduler.acquire('apps-id'), 10);

    const waiting = [
      track(scheduler, 'apps-star', 'star 1', granted),
      track(scheduler, 'apps-id', 'id 1', granted),
      track(scheduler, 'apps-star', 'star 2', granted),
      track(scheduler, 'apps-id', 'id 2', granted),
    ];
    // apps-star's window is used up by the probe: the apps-id waiters go, one slot at a time, in order.
    const first = await waiting[1]!;
    expect(granted).toEqual(['id 1']);
    answer(scheduler, first, 10);
    answer(scheduler, await waiting[3]!, 10);
    expect(granted).toEqual(['id 1', 'id 2']);
  });

  it('queues a request with the same small amount of work however many already wait', async () => {
    // A plan queues every read at once, here while the first request (the probe) is still unanswered.
    const callsPerRequest = async (waiting: number) => {
      const scheduler = new RequestScheduler({ share: 50, maxConcurrency: 8, now: () => NOW });
      await scheduler.acquire('apps-star');
      const charges = vi.spyOn(BucketPacer.prototype, 'tryCharge');
      const pacers = vi.spyOn(scheduler, 'pacer');
      for (let i = 0; i < waiting; i++) void scheduler.acquire('apps-star');
      const calls = charges.mock.calls.length + pacers.mock.calls.length;
      vi.restoreAllMocks();
      return calls / waiting;
    };
    expect(await callsPerRequest(2_000)).toBe(await callsPerRequest(100));
  });
});
