import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessTokenStore } from './access-tokens.js';
import { DpopVerifier, NonceStore } from './dpop.js';
import { FaultState } from './faults.js';
import { grantConsent } from './resources/connection/consent.js';
import { createRequestHandler } from './handler.js';
import { randomString } from './random.js';
import { RateLimiter } from './rate-limits.js';
import type { SimState } from './state.js';
import type { OktaSim, RecordedRequest, SimApp, SimOptions } from './types.js';

export type {
  AppKind,
  BucketLimit,
  BucketName,
  OktaSim,
  RecordedRequest,
  SimApp,
  SimConnection,
  SimFaults,
  SimOptions,
  SimServiceApp,
} from './types.js';
export { generateApps, loadSimOrg } from './seed.js';

function indexApps(apps: SimApp[]): Map<string, SimApp> {
  const map = new Map<string, SimApp>();
  for (const app of apps) {
    if (map.has(app.id)) throw new Error(`startOktaSim: app id ${app.id} appears twice`);
    // A copy: the caller's seed stays untouched and can seed other sims.
    map.set(app.id, structuredClone(app));
  }
  return map;
}

/** Starts a simulated Okta org on a real HTTP server (127.0.0.1, any free port by default). */
export async function startOktaSim(options: SimOptions = {}): Promise<OktaSim> {
  const apiToken = options.apiToken ?? `00${randomString(30)}`;
  const apps = indexApps(options.apps ?? []);
  const requests: RecordedRequest[] = [];
  const state: SimState = {
    apiToken,
    apps,
    serviceApps: new Map((options.serviceApps ?? []).map((app) => [app.clientId, structuredClone(app)])),
    tokens: new AccessTokenStore(),
    dpop: new DpopVerifier(),
    nonces: new NonceStore(),
    assertionJtis: new Set(),
    tokenLifetimeSec: options.tokenLifetimeSec ?? 3600,
    faults: new FaultState(options.faults, options.seed ?? 1),
    startedAt: new Date().toISOString(),
    lastUpdated: new Map(),
    org: {
      activateBeforeConsent: options.activateBeforeConsent ?? 'refuse',
      featureUpdates: options.featureUpdates ?? 'replace-sections',
      consentOnReconfigure: options.consentOnReconfigure ?? 'kept',
      signingUnsupported: options.signingUnsupported ?? false,
    },
  };
  const limiter = new RateLimiter(options.rateLimits, options.clock);
  const hung = new Set<ServerResponse>();
  const server = createServer(
    createRequestHandler({ state, limiter, requests, concurrencyLimit: options.concurrencyLimit, hung }),
  );

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    apiToken,
    apps,
    requests,
    setFaults: (faults) => state.faults.set(faults),
    setRateLimit: (bucket, limit) => limiter.setLimit(bucket, limit),
    windowCounts: (bucket) => limiter.windowCounts(bucket),
    writes: () => requests.filter((r) => r.method !== 'GET' && r.bucket !== 'token'),
    grantConsent: (appId) => grantConsent(state, appId),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hung) res.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
