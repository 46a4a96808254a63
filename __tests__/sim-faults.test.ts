import { afterEach, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimFaults, type SimOptions } from '../sim/server.js';
import { notSetUp, zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath } from './helpers/sim-http.js';

const ZSCALER = '0oaZscaler0000000001';
const OFFICE = '0oaOffice3650000001';
const options: SimOptions = {
  apps: [zscalerToken(ZSCALER), notSetUp('office365', OFFICE)],
};

describe('faults', () => {
  let sim: OktaSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('latencyMs delays every answer', async () => {
    sim = await startOktaSim({ ...options, faults: { latencyMs: 250 } });
    const started = Date.now();
    const answer = await call(sim, 'GET', '/api/v1/apps/0oaMissing');
    expect(answer.status).toBe(404);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  it('failNext answers the status for N matching requests only', async () => {
    sim = await startOktaSim(options);
    sim.setFaults({ failNext: { count: 2, status: 503, path: /\/connections\/default$/ } });
    const gateway = await call(sim, 'GET', connectionPath(ZSCALER));
    expect(gateway.status).toBe(503);
    expect(gateway.headers.get('content-type')).toMatch(/text\/html/);
    expect((await call(sim, 'GET', `/api/v1/apps/${ZSCALER}`)).status).toBe(200);
    expect((await call(sim, 'GET', connectionPath(ZSCALER))).status).toBe(503);
    expect((await call(sim, 'GET', connectionPath(ZSCALER))).status).toBe(200);

    sim.setFaults({ failNext: { count: 1, status: 500 } });
    const internal = await call(sim, 'GET', connectionPath(ZSCALER));
    expect(internal.status).toBe(500);
    expect(internal.body).toMatchObject({ errorCode: 'E0000009' });
    expect(internal.headers.get('x-rate-limit-remaining')).not.toBeNull();
  });

  it('resetNext destroys the socket without an answer', async () => {
    sim = await startOktaSim({ ...options, faults: { resetNext: { count: 1 } } });
    await expect(call(sim, 'GET', connectionPath(ZSCALER))).rejects.toThrow();
    expect((await call(sim, 'GET', connectionPath(ZSCALER))).status).toBe(200);
    expect(sim.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('hangNext never answers, until the client gives up; close() still ends', async () => {
    sim = await startOktaSim({ ...options, faults: { hangNext: { count: 1, path: /connections/ } } });
    const hung = call(sim, 'GET', connectionPath(ZSCALER), { signal: AbortSignal.timeout(300) });
    await expect(hung).rejects.toThrow();
    expect((await call(sim, 'GET', connectionPath(ZSCALER))).status).toBe(200);
    expect(sim.requests.map((r) => r.status)).toEqual([0, 200]);
  });

  it('a hung request left open does not keep close() waiting', async () => {
    sim = await startOktaSim({ ...options, faults: { hangNext: { count: 1 } } });
    const pending = call(sim, 'GET', connectionPath(ZSCALER)).catch((error: unknown) => error);
    while (sim.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    await sim.close();
    sim = undefined;
    expect(await pending).toBeInstanceOf(Error);
  });

  it('burst429 answers 429 with Remaining 0 and counts nothing', async () => {
    sim = await startOktaSim({ ...options, faults: { burst429: { count: 2, path: /connections/ } } });
    for (let i = 0; i < 2; i++) {
      const limited = await call(sim, 'GET', connectionPath(ZSCALER));
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ errorCode: 'E0000047' });
      expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(Number(limited.headers.get('x-rate-limit-reset')) * 1000).toBeGreaterThan(Date.now() - 1000);
    }
    const ok = await call(sim, 'GET', connectionPath(ZSCALER));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-rate-limit-remaining')).toBe('99');
    expect(sim.windowCounts('apps-star')).toEqual([1]);
  });

  it('echoSecretInError makes a connection POST echo the sent secrets in a 400', async () => {
    sim = await startOktaSim({ ...options, faults: { echoSecretInError: true } });
    const token = 'zs-token-ECHO-1234567890';
    const tokenAnswer = await call(sim, 'POST', connectionPath(ZSCALER), {
      body: { profile: { authScheme: 'TOKEN', token } },
    });
    expect(tokenAnswer.status).toBe(400);
    const body = tokenAnswer.body as {
      errorCode: string;
      errorSummary: string;
      errorCauses: { errorSummary: string }[];
    };
    expect(body.errorCode).toBe('E0000001');
    expect(body.errorSummary).toContain(token);
    expect(body.errorCauses[0]?.errorSummary).toContain(token);

    const password = 'o365-PASSWORD-echo-42';
    const officeAnswer = await call(sim, 'POST', connectionPath(OFFICE), {
      body: {
        profile: { authScheme: 'OAUTH2', settings: { adminUsername: 'admin', adminPassword: password } },
      },
    });
    expect(officeAnswer.status).toBe(400);
    expect(officeAnswer.text).toContain(password);
    expect(sim.apps.get(OFFICE)?.connection).toBeUndefined();
    expect(sim.apps.get(ZSCALER)?.connection?.token).toBeUndefined();
  });

  it('serverErrorRate fails a seeded, repeatable share of requests', async () => {
    const statuses = async (seed: number) => {
      const s = await startOktaSim({ ...options, seed, faults: { serverErrorRate: 0.5 } });
      const out: number[] = [];
      for (let i = 0; i < 30; i++) out.push((await call(s, 'GET', `/api/v1/apps/${ZSCALER}`)).status);
      await s.close();
      return out;
    };
    const first = await statuses(42);
    expect(new Set(first)).toEqual(new Set([200, 500]));
    expect(await statuses(42)).toEqual(first);
    expect(await statuses(7)).not.toEqual(first);
  });

  it("setFaults replaces the faults in force and never changes the caller's object", async () => {
    sim = await startOktaSim(options);
    const faults: SimFaults = { failNext: { count: 1, status: 502 } };
    sim.setFaults(faults);
    expect((await call(sim, 'GET', connectionPath(ZSCALER))).status).toBe(502);
    expect(faults.failNext?.count).toBe(1);
    sim.setFaults(faults);
    sim.setFaults({});
    expect((await call(sim, 'GET', connectionPath(ZSCALER))).status).toBe(200);
  });
});
