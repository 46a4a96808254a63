import { describe, expect, it } from 'vitest';
import { BucketPacer, readRateLimitInfo, ServerClock, type PacerTicket } from '../src/okta/rate-limit.js';

const MARGIN = 25;

function pacer(share = 50): BucketPacer {
  return new BucketPacer(new ServerClock(), share, MARGIN);
}

/** Charges as many requests as the pacer allows at `now`. */
function chargeAll(p: BucketPacer, now: number, max = 1000): PacerTicket[] {
  const tickets: PacerTicket[] = [];
  for (let ticket = p.tryCharge(now); ticket && tickets.length < max; ticket = p.tryCharge(now))
    tickets.push(ticket);
  return tickets;
}

describe('readRateLimitInfo', () => {
  it('reads the X-Rate-Limit headers and Date, ignoring garbage', () => {
    expect(
      readRateLimitInfo({
        'x-rate-limit-limit': '100',
        'x-rate-limit-remaining': '99',
        'x-rate-limit-reset': '1761682584',
        date: 'Tue, 28 Oct 2025 20:16:24 GMT',
      }),
    ).toEqual({ limit: 100, remaining: 99, resetEpochSec: 1761682584, serverDateMs: 1761682584000 });
    expect(readRateLimitInfo({ 'x-rate-limit-limit': 'lots', date: 'yesterday' })).toEqual({
      limit: undefined,
      remaining: undefined,
      resetEpochSec: undefined,
      serverDateMs: undefined,
    });
  });
});

describe('ServerClock', () => {
  it('keeps the largest lower bound of the offset, so derived local times are never early', () => {
    const clock = new ServerClock();
    // Server is 3.7 s ahead; Date is floored to the second.
    const offset = 3_700;
    for (const local of [10_050, 10_420, 10_910, 11_333]) {
      const serverNow = local + offset;
      clock.observe(Math.floor(serverNow / 1000) * 1000, local + 5);
      const localOfReset = clock.toLocal(20_000);
      expect(localOfReset).toBeGreaterThanOrEqual(20_000 - offset);
    }
    // After an answer just past a server second boundary the estimate is tight.
    clock.observe(15_000, 15_000 - offset + 2);
    expect(clock.toLocal(20_000) - (20_000 - offset)).toBeLessThanOrEqual(2);
  });
});

describe('BucketPacer', () => {
  it('allows floor(limit × share / 100) per window, at least 1', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 25, remaining: 24, resetEpochSec: 60, serverDateMs: 0 }, 0);
    expect(p.budget).toBe(12);
    const low = pacer(1);
    const t = low.tryCharge(0)!;
    low.answered(t, { limit: 20, remaining: 19, resetEpochSec: 60, serverDateMs: 0 }, 0);
    expect(low.budget).toBe(1);
    expect(low.tryCharge(1)).toBeUndefined();
  });

  it('sends a single probe before the first answer, then paces up to the budget', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0);
    expect(probe).toBeDefined();
    expect(p.tryCharge(0)).toBeUndefined();
    expect(p.nextChangeAt()).toBeUndefined();
    p.answered(probe!, { limit: 20, remaining: 19, resetEpochSec: 2, serverDateMs: 0 }, 10);
    // 10 per window, the probe already used one.
    expect(chargeAll(p, 10)).toHaveLength(9);
    expect(p.tryCharge(500)).toBeUndefined();
  });

  it('waits until Reset as seen through the server Date (clock skew), not a fixed minute', () => {
    const p = pacer(50);
    const skew = -7_000; // server clock 7 s behind ours
    const local = 100_000;
    const probe = p.tryCharge(local)!;
    // Server answers at its time 93.000 s: window ends at 95 (2 s window).
    p.answered(probe, { limit: 4, remaining: 3, resetEpochSec: 95, serverDateMs: local + skew }, local);
    chargeAll(p, local);
    expect(p.tryCharge(local)).toBeUndefined();
    const opensAt = p.nextChangeAt()!;
    expect(opensAt).toBe(95_000 - skew + MARGIN);
    expect(p.tryCharge(opensAt - 1)).toBeUndefined();
  });

  it('opens the next window after the reset once the answers are in', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 4, remaining: 3, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const second = p.tryCharge(0)!;
    p.answered(second, { limit: 4, remaining: 2, resetEpochSec: 1, serverDateMs: 0 }, 5);
    expect(p.tryCharge(10)).toBeUndefined();
    const next = p.nextChangeAt()!;
    expect(chargeAll(p, next)).toHaveLength(2);
  });

  it('counts requests in flight: those spanning a reset use the next window’s budget', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 10, remaining: 9, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const inFlight = chargeAll(p, 0); // 4 more, unanswered
    expect(inFlight).toHaveLength(4);
    const end = p.nextChangeAt()!;
    // The 4 may reach the server after the reset, so only 1 of 5 is left.
    expect(chargeAll(p, end)).toHaveLength(1);
    // One of them turns out to have landed in the old window: its place is given back.
    p.answered(inFlight[0]!, { limit: 10, remaining: 5, resetEpochSec: 1, serverDateMs: 0 }, end + 1);
    expect(chargeAll(p, end + 1)).toHaveLength(1);
    // One landed in the new window: it stays counted and tells the new window's end.
    p.answered(inFlight[1]!, { limit: 10, remaining: 8, resetEpochSec: 3, serverDateMs: 1_000 }, end + 2);
    expect(p.tryCharge(end + 3)).toBeUndefined();
    expect(p.nextChangeAt()).toBe(3_000 + MARGIN);
  });

  it('keeps the charge of a request that got no answer, and gives back a cancelled one', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 4, remaining: 3, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const lost = p.tryCharge(0)!;
    p.failed(lost);
    expect(p.tryCharge(0)).toBeUndefined();
    const p2 = pacer(50);
    const probe2 = p2.tryCharge(0)!;
    p2.answered(probe2, { limit: 4, remaining: 3, resetEpochSec: 1, serverDateMs: 0 }, 0);
    p2.cancel(p2.tryCharge(0)!);
    expect(p2.tryCharge(0)).toBeDefined();
  });

  it('never goes past what the server says remains (other clients share the bucket)', () => {
    const p = pacer(100);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 100, remaining: 2, resetEpochSec: 60, serverDateMs: 0 }, 0);
    expect(chargeAll(p, 0)).toHaveLength(2);
  });

  it('waits for the window end after a 429 with Remaining 0', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 100, remaining: 0, resetEpochSec: 2, serverDateMs: 0 }, 0);
    expect(p.tryCharge(1_000)).toBeUndefined();
    expect(p.tryCharge(2_000 + MARGIN)).toBeDefined();
  });

  it('follows the server into a newer window it learns about from an answer', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 6, remaining: 5, resetEpochSec: 2, serverDateMs: 0 }, 0);
    const [a, b] = chargeAll(p, 0);
    p.answered(a!, { limit: 6, remaining: 5, resetEpochSec: 4, serverDateMs: 2_000 }, 1_990);
    // b may be in the new window too; a is: 2 of 3 used.
    expect(chargeAll(p, 1_990)).toHaveLength(1);
    expect(p.nextChangeAt()).toBe(4_000 + MARGIN - 10);
    expect(b).toBeDefined();
  });

  it('tells when a 429’s window is over, or nothing when Reset is absent or past', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 6, remaining: 0, resetEpochSec: 5, serverDateMs: 1_000 }, 1_000);
    expect(p.resumeAt(5, 1_000)).toBe(5_000 + MARGIN);
    expect(p.resumeAt(undefined, 1_000)).toBeUndefined();
    expect(p.resumeAt(0, 1_000)).toBeUndefined();
  });
});

/**
 * The pacer against a model of Okta's windows (open at the first request after the previous one
 * ended, close at a whole second) in virtual time, with skew, latency and out-of-order answers.
 */
describe('BucketPacer against a model server', () => {
  function run(
    seed: number,
    maxLatencyMs: number,
  ): { counts: number[]; budget: number; done: number; n: number } {
    let state = seed;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const skew = Math.floor(random() * 4000) - 2000;
    const limit = 20;
    const windowMs = 1000;
    const server = { end: 0, used: 0, index: -1, counts: [] as number[] };
    const p = pacer(50);
    type Event = { at: number; run: () => void };
    const events: Event[] = [];
    const schedule = (at: number, fn: () => void) => events.push({ at, run: fn });
    const n = 60;
    let waiting = n;
    let done = 0;
    let now = 0;
    const trySend = () => {
      while (waiting > 0) {
        const ticket = p.tryCharge(now);
        if (!ticket) break;
        waiting -= 1;
        const arrive = now + random() * maxLatencyMs;
        schedule(arrive, () => {
          const serverNow = arrive + skew;
          if (serverNow >= server.end) {
            server.index += 1;
            server.end = Math.ceil((serverNow + windowMs) / 1000) * 1000;
            server.used = 0;
            server.counts[server.index] = 0;
          }
          const ok = server.used < limit;
          if (ok) {
            server.used += 1;
            server.counts[server.index]! += 1;
          }
          const info = {
            limit,
            remaining: limit - server.used,
            resetEpochSec: server.end / 1000,
            serverDateMs: Math.floor(serverNow / 1000) * 1000,
          };
          const back = arrive + random() * maxLatencyMs;
          schedule(back, () => {
            p.answered(ticket, info, back);
            if (ok) done += 1;
            else waiting += 1;
          });
        });
      }
      const wake = p.nextChangeAt();
      if (waiting > 0 && wake !== undefined && wake > now) schedule(wake, () => {});
    };
    trySend();
    while (events.length > 0) {
      events.sort((x, y) => x.at - y.at);
      const event = events.shift()!;
      now = event.at;
      event.run();
      trySend();
    }
    return { counts: server.counts, budget: p.budget!, done, n };
  }

  it.each([
    [1, 40],
    [2, 40],
    [3, 40],
    [4, 40],
    [5, 400],
    [6, 400],
    [7, 900],
    [8, 900],
  ])('never exceeds the share in any server window (seed %i, latency up to %i ms)', (seed, latency) => {
    const { counts, budget, done, n } = run(seed, latency);
    expect(budget).toBe(10);
    expect(done).toBe(n);
    expect(Math.max(...counts)).toBeLessThanOrEqual(budget);
    // And it does use the windows: not one request per window.
    expect(counts.length).toBeLessThan(n / 2);
  });
});
