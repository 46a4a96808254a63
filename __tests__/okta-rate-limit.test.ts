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

describe('a Reset that is not a window end', () => {
  const date = 'Tue, 28 Oct 2025 20:16:24 GMT';
  const dateMs = Date.parse(date);

  it('ignores a Reset more than ten minutes ahead of Date (or of arrival without Date)', () => {
    const read = (reset: number, headers: Record<string, string> = { date }) =>
      readRateLimitInfo({ ...headers, 'x-rate-limit-reset': String(reset) }, dateMs).resetEpochSec;
    expect(read(dateMs / 1000 + 60)).toBe(dateMs / 1000 + 60);
    expect(read(dateMs / 1000 + 600)).toBe(dateMs / 1000 + 600);
    expect(read(dateMs / 1000 + 601)).toBeUndefined();
    // Milliseconds instead of seconds: a wait past 2^31 ms, which Node's timers fire at once.
    expect(read(dateMs + 60_000)).toBeUndefined();
    expect(read(dateMs + 60_000, {})).toBeUndefined();
  });

  it('ends a window filled before the limit was known when the answer has no Reset', () => {
    const p = pacer(1);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 100 }, 10);
    // Budget 1 (1 % of 100), used by the probe: only the window's end can let the next one go.
    expect(p.tryCharge(20)).toBeUndefined();
    expect(p.nextChangeAt()).toBe(60_000);
    expect(p.tryCharge(60_000)).toBeDefined();
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
    // One probe first: the rest wait for an answer that shows the server's new window.
    const [probe2, ...rest] = chargeAll(p, next);
    expect(rest).toEqual([]);
    p.answered(probe2!, { limit: 4, remaining: 3, resetEpochSec: 3, serverDateMs: 1_000 }, next + 5);
    expect(chargeAll(p, next + 5)).toHaveLength(1);
  });

  it('counts requests in flight: those spanning a reset use the next window’s budget', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 10, remaining: 9, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const inFlight = chargeAll(p, 0); // 4 more, unanswered
    expect(inFlight).toHaveLength(4);
    const end = p.nextChangeAt()!;
    // The 4 may reach the server after the reset, so only 1 of 5 is left (the new window's probe).
    expect(chargeAll(p, end)).toHaveLength(1);
    // One of them turns out to have landed in the old window: its place is given back.
    p.answered(inFlight[0]!, { limit: 10, remaining: 5, resetEpochSec: 1, serverDateMs: 0 }, end + 1);
    expect(p.snapshot().used).toBe(4);
    // One landed in the new window: it stays counted and tells the new window's end.
    p.answered(inFlight[1]!, { limit: 10, remaining: 8, resetEpochSec: 3, serverDateMs: 1_000 }, end + 2);
    expect(chargeAll(p, end + 3)).toHaveLength(1);
    expect(p.nextChangeAt()).toBe(3_000 + MARGIN);
  });

  it('counts an answer seen after the window ended, before anything rolled it, in the next window', () => {
    // A loaded machine: the timer that would roll the window fires late, and an answer comes first.
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 10, remaining: 9, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const inFlight = chargeAll(p, 0);
    expect(inFlight).toHaveLength(4);
    const late = p.nextChangeAt()! + 40;
    // It reached the server after the reset: it counts in the new window, with the other 3 in flight.
    p.answered(inFlight[0]!, { limit: 10, remaining: 9, resetEpochSec: 3, serverDateMs: 1_000 }, late);
    expect(chargeAll(p, late)).toHaveLength(1);
    expect(p.snapshot().used).toBe(5);
    // The same answer from the old window gives its place back: nothing is given back twice.
    const q = pacer(50);
    q.answered(q.tryCharge(0)!, { limit: 10, remaining: 9, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const qFlight = chargeAll(q, 0);
    const qLate = q.nextChangeAt()! + 40;
    q.answered(qFlight[0]!, { limit: 10, remaining: 5, resetEpochSec: 1, serverDateMs: 0 }, qLate);
    expect(q.snapshot().used).toBe(3);
  });

  it('counts a request that got no answer in the next window too: it may have reached the server there', () => {
    const p = pacer(50);
    p.answered(p.tryCharge(0)!, { limit: 10, remaining: 9, resetEpochSec: 1, serverDateMs: 0 }, 0);
    p.failed(p.tryCharge(0)!, 900);
    const end = p.nextChangeAt()!;
    p.tryCharge(end);
    expect(p.snapshot().used).toBe(2);
  });

  it('when the server counts a request in a window it had said was over, waits longer from then on', () => {
    // The server's Date runs 1.5 s ahead of the clock that ends its rate-limit windows.
    const p = pacer(50);
    const first = p.tryCharge(0)!;
    p.answered(first, { limit: 4, remaining: 3, resetEpochSec: 2, serverDateMs: 1_000 }, 10);
    const end = p.nextChangeAt()!;
    expect(end).toBe(2_000 - (1_000 - 10) + MARGIN);
    chargeAll(p, 10).forEach((ticket) =>
      p.answered(ticket, { limit: 4, remaining: 2, resetEpochSec: 2, serverDateMs: 1_000 }, 20),
    );
    // The clock says the window is over: one probe goes, no burst.
    const [probe, ...rest] = chargeAll(p, end);
    expect(rest).toEqual([]);
    // Counted in the old window after all: it is still open, and full.
    p.answered(probe!, { limit: 4, remaining: 1, resetEpochSec: 2, serverDateMs: 2_000 }, end + 20);
    expect(chargeAll(p, end + 30)).toEqual([]);
    const later = p.nextChangeAt()!;
    expect(later).toBeGreaterThan(end + 1_000);
    expect(chargeAll(p, later)).toHaveLength(1);
  });

  it('keeps the charge of a request that got no answer, and gives back a cancelled one', () => {
    const p = pacer(50);
    const probe = p.tryCharge(0)!;
    p.answered(probe, { limit: 4, remaining: 3, resetEpochSec: 1, serverDateMs: 0 }, 0);
    const lost = p.tryCharge(0)!;
    p.failed(lost, 0);
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
  /** `timerLagMs`: a loaded machine runs timers late, so answers may be seen before the window is rolled. */
  function run(
    seed: number,
    maxLatencyMs: number,
    timerLagMs = 0,
    dateAheadMs = 0,
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
            serverDateMs: Math.floor((serverNow + dateAheadMs) / 1000) * 1000,
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
      if (waiting > 0 && wake !== undefined && wake > now) schedule(wake + random() * timerLagMs, () => {});
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
    [1, 40, 0],
    [2, 40, 0],
    [3, 40, 0],
    [4, 40, 0],
    [5, 400, 0],
    [6, 400, 0],
    [7, 900, 0],
    [8, 900, 0],
    // Seeds where a late timer let an answer be seen after the window's end, before the roll.
    [62, 900, 300],
    [82, 900, 300],
    [2, 900, 900],
    [50, 900, 900],
  ])(
    'never exceeds the share in any server window (seed %i, latency up to %i ms, timers late up to %i ms)',
    (seed, latency, lag) => {
      const { counts, budget, done, n } = run(seed, latency, lag);
      expect(budget).toBe(10);
      expect(done).toBe(n);
      expect(Math.max(...counts)).toBeLessThanOrEqual(budget);
      // And it does use the windows: not one request per window.
      expect(counts.length).toBeLessThan(n / 2);
    },
  );

  it.each([
    [1, 40, 400],
    [3, 400, 400],
    [5, 400, 1500],
    [7, 40, 4000],
    [9, 400, 1500],
  ])(
    'seed %i, latency up to %i ms, Date %i ms ahead of the window clock: at most 2 over, in one window, then never',
    (seed, latency, dateAhead) => {
      const { counts, budget, done, n } = run(seed, latency, 0, dateAhead);
      expect(done).toBe(n);
      const over = counts.flatMap((count, index) => (count > budget ? [index] : []));
      expect(over.length).toBeLessThanOrEqual(1);
      expect(Math.max(...counts)).toBeLessThanOrEqual(budget + 2);
    },
  );
});
