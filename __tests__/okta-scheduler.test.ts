/** The request scheduler through its public API: order across buckets and the concurrency cap. */
import { describe, expect, it } from 'vitest';
import type { BucketName } from '../src/okta/buckets.js';
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

  it('serves thousands of queued requests in arrival order, never more in flight than the cap', async () => {
    // A plan queues every read at once, here while the first request (the probe) is still unanswered.
    const scheduler = new RequestScheduler({ share: 50, maxConcurrency: 8, now: () => NOW });
    const probe = await scheduler.acquire('apps-star');
    const granted: string[] = [];
    const waiting = Array.from({ length: 2_000 }, (_, i) =>
      track(scheduler, 'apps-star', `request ${i}`, granted),
    );
    await Promise.resolve();
    // A bucket not yet learned sends only its probe: nothing else goes before Okta has told the limit.
    expect(granted).toEqual([]);
    answer(scheduler, probe, 1_000_000);
    let inFlight = await Promise.all(waiting.slice(0, 8));
    for (let served = 8; served < waiting.length; served += inFlight.length) {
      expect(granted).toHaveLength(served);
      for (const slot of inFlight) answer(scheduler, slot, 1_000_000);
      inFlight = await Promise.all(waiting.slice(served, served + 8));
    }
    expect(granted).toEqual(Array.from({ length: 2_000 }, (_, i) => `request ${i}`));
  });
});
