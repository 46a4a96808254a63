import type { IncomingHttpHeaders } from 'node:http';
import type { AccessTokenStore } from './access-tokens.js';
import type { DpopVerifier, NonceStore } from './dpop.js';
import type { FaultState } from './faults.js';
import type { SimApp, SimServiceApp } from './types.js';

/** Everything the route handlers read and change. */
export interface SimState {
  apiToken: string;
  apps: Map<string, SimApp>;
  serviceApps: Map<string, SimServiceApp>;
  tokens: AccessTokenStore;
  dpop: DpopVerifier;
  nonces: NonceStore;
  /** `jti`s of client assertions already used at the token endpoint. */
  assertionJtis: Set<string>;
  tokenLifetimeSec: number;
  faults: FaultState;
  /** ISO time the sim started: the `created` of every app. */
  startedAt: string;
  /** ISO time of each app's last connection change. */
  lastUpdated: Map<string, string>;
  /** How this org answers what Okta leaves undocumented or what depends on its edition. */
  org: {
    activateBeforeConsent: 'refuse' | 'stay-disabled';
    signingUnsupported: boolean;
    featureUpdates: 'replace-sections' | 'merge';
    consentOnReconfigure: 'kept' | 'revoked';
  };
}

/** A parsed request as the handlers see it. */
export interface SimRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** `http://<Host header>`: hrefs, `aud` and `htu` are built from what the client connected to. */
  origin: string;
  /** ms epoch the request arrived. */
  now: number;
}

export function header(req: SimRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
