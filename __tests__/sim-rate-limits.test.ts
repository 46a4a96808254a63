import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimiter } from '../sim/rate-limits.js';
import { startOktaSim, type OktaSim, type SimOptions } from '../sim/server.js';
import { zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath, postToken } from './helpers/sim-http.js';

const APP = '0oaZscaler0000000001';
const options: SimOptions = {
  apps: [zscalerToken(APP)],
};

function rate(headers: Headers) {
  return {
    limit: Number(headers.get('x-rate-limit-limit')),
    remaining: Number(headers.get('x-rate-limit-remaining')),
    reset: Number(headers.get('x-rate-limit-reset')),
  };
}

describe('rate limits', () => {
  let sim: OktaSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('every answer, errors included, carries its bucket headers, Date and a request id', async () => {
    sim = await startOktaSim(options);
    const answers = [
      ['apps-id', 600, await call(sim, 'GET', `/api/v1/apps/${APP}`)],
      ['apps-id', 600, await call(sim, 'GET', '/api/v1/apps/0oaMissing')],
      ['apps-star', 100, await call(sim, 'GET', connectionPath(APP))],
      ['apps-star', 100, await call(sim, 'GET', connectionPath(APP), { authorization: 'SSWS wrong' })],
      ['apps-list', 100, await call(sim, 'GET', '/api/v1/apps')],
      ['token', 600, await postToken(sim, { grant_type: 'client_credentials' })],
    ] as const;
    const requestIds = new Set<string>();
    for (const [bucket, limit, answer] of answers) {
      expect(rate(answer.headers).limit, bucket).toBe(limit);
      expect(Number.isInteger(rate(answer.headers).reset), bucket).toBe(true);
      expect(answer.headers.get('date'), bucket).toMatch(/GMT$/);
      requestIds.add(answer.headers.get('x-okta-request-id') ?? '');
    }
    expect(requestIds.size).toBe(answers.length);
    expect(answers.map(([, , a]) => a.status)).toEqual([200, 404, 200, 401, 200, 401]);
    expect(sim.requests.map((r) => r.bucket)).toEqual(answers.map(([bucket]) => bucket));
    expect(sim.windowCounts('apps-id')).toEqual([2]);
    expect(sim.windowCounts('apps-star')).toEqual([2]);
  });

  it("stamps a bucket answer's Date from the reading that set its Reset, however late the answer is written", () => {
    // 40 ms past a whole second: node's cached Date may still show the second before.
    const now = Date.UTC(2026, 0, 1, 12, 0, 1, 40);
    const limiter = new RateLimiter({ 'apps-star': { limit: 2, windowMs: 1000 } });
    const { headers } = limiter.take('apps-star', now);
    expect(headers['Date']).toBe('Thu, 01 Jan 2026 12:00:01 GMT');
    // The window opened at :01.040 and ends at :03: Reset − Date is the window and one second, not more.
    expect(Number(headers['X-Rate-Limit-Reset']) * 1000 - Date.parse(headers['Date']!)).toBe(2000);
  });

  it('opens a window at the first request, ends it at a whole second, answers 429 beyond the limit until the reset', async () => {
    sim = await startOktaSim({ ...options, rateLimits: { 'apps-star': { limit: 3, windowMs: 1000 } } });
    const firstSentAt = Date.now();
    const inWindow = [await call(sim, 'GET', connectionPath(APP))];
    const firstAnsweredAt = Date.now();
    for (let i = 0; i < 4; i++) inWindow.push(await call(sim, 'GET', connectionPath(APP)));
    expect(inWindow.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    expect(inWindow.map((a) => rate(a.headers).remaining)).toEqual([2, 1, 0, 0, 0]);
    const reset = rate(inWindow[0]!.headers).reset;
    expect(inWindow.every((a) => rate(a.headers).reset === reset)).toBe(true);
    // The window opened with the first request, lasts at least windowMs and ends on the next whole second.
    expect(reset * 1000).toBeGreaterThanOrEqual(firstSentAt + 1000);
    expect(reset * 1000).toBeLessThanOrEqual(firstAnsweredAt + 2000);
    expect(inWindow[3]!.body).toMatchObject({ errorCode: 'E0000047' });
    expect(sim.windowCounts('apps-star')).toEqual([3]);
    // Other buckets are separate.
    expect((await call(sim, 'GET', `/api/v1/apps/${APP}`)).status).toBe(200);

    await sleep(reset * 1000 - Date.now() + 20);
    const afterReset = await call(sim, 'GET', connectionPath(APP));
    expect(afterReset.status).toBe(200);
    expect(rate(afterReset.headers).remaining).toBe(2);
    expect(rate(afterReset.headers).reset).toBeGreaterThan(reset);
    expect(sim.windowCounts('apps-star')).toEqual([3, 1]);
    expect(sim.requests.filter((r) => r.bucket === 'apps-star').map((r) => r.windowIndex)).toEqual([
      0, 0, 0, 0, 0, 1,
    ]);
  });

  it('setRateLimit applies from the next request, in a new window', async () => {
    sim = await startOktaSim(options);
    expect(rate((await call(sim, 'GET', '/api/v1/apps')).headers)).toMatchObject({
      limit: 100,
      remaining: 99,
    });
    sim.setRateLimit('apps-list', { limit: 1, windowMs: 1500 });
    const limited = await call(sim, 'GET', '/api/v1/apps');
    expect(rate(limited.headers)).toMatchObject({ limit: 1, remaining: 0 });
    expect((await call(sim, 'GET', '/api/v1/apps')).status).toBe(429);
    expect(sim.windowCounts('apps-list')).toEqual([1, 1]);
  });

  it('a concurrency limit answers 429 with Remaining 0 and counts nothing', async () => {
    sim = await startOktaSim({ ...options, concurrencyLimit: 2, faults: { latencyMs: 300 } });
    const answers = await Promise.all([1, 2, 3, 4].map(() => call(sim!, 'GET', connectionPath(APP))));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 200, 429, 429]);
    for (const answer of answers.filter((a) => a.status === 429)) {
      expect(rate(answer.headers)).toMatchObject({ limit: 100, remaining: 0 });
      expect(answer.body).toMatchObject({ errorCode: 'E0000047' });
    }
    expect(sim.windowCounts('apps-star')).toEqual([2]);
    // Once the first ones are done, there is room again.
    expect((await call(sim, 'GET', connectionPath(APP))).status).toBe(200);
  });

  it('records the retry headers of a retried request', async () => {
    sim = await startOktaSim({ ...options, rateLimits: { 'apps-star': { limit: 1, windowMs: 60_000 } } });
    await call(sim, 'GET', connectionPath(APP));
    const limited = await call(sim, 'GET', connectionPath(APP));
    const id = limited.headers.get('x-okta-request-id') ?? '';
    await call(sim, 'GET', connectionPath(APP), {
      headers: { 'X-Okta-Retry-For': id, 'X-Okta-Retry-Count': '1' },
    });
    expect(sim.requests[2]?.headers).toMatchObject({ 'x-okta-retry-for': id, 'x-okta-retry-count': '1' });
  });
});
