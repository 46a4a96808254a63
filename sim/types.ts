import type { JsonWebKey } from 'node:crypto';

/** The app's `name` in Okta; a name sim/kinds/ does not know has no provisioning connection. */
export type AppKind = string;

export interface SimConnection {
  authScheme: 'TOKEN' | 'OAUTH2' | 'UNKNOWN';
  status: 'ENABLED' | 'DISABLED' | 'UNKNOWN';
  baseUrl?: string;
  clientId?: string;
  rotationMode?: 'AUTO' | 'MANUAL';
  /** Replaces the consent link (`_links.authorize.href`) a consent app answers (hostile-content tests). */
  authorizeHref?: string;
  /**
   * Consent apps only (see sim/consent.ts): `pending` until an admin consents at the authorize link,
   * `awaiting-verification` once Okta gave the browser the URL that completes the flow, `granted` after that
   * URL was POSTed (or `OktaSim.grantConsent`). A connection seeded without it counts as consented; a first
   * configure makes it `pending`.
   */
  consent?: 'pending' | 'awaiting-verification' | 'granted';
  /** The code of the outstanding `continue_oauth_flow_url`. */
  consentCode?: string;
  // write-only values, stored so tests can assert what was set; never returned by the API
  token?: string;
  adminUsername?: string;
  adminPassword?: string;
}

export type SimFeatureName = 'USER_PROVISIONING' | 'INBOUND_PROVISIONING';

/** An app's provisioning features: each one's `capabilities` as Okta answers them (usernameFormat spelling). */
export type SimFeatures = Partial<Record<SimFeatureName, Record<string, unknown>>>;

export interface SimApp {
  id: string;
  name: AppKind;
  label: string;
  status?: 'ACTIVE' | 'INACTIVE';
  /** Overrides the kind's sign-on mode; `null` as real Okta answers for some catalog apps. */
  signOnMode?: string | null;
  connection?: SimConnection;
  /** Set to Okta's defaults when first needed (provisioning enabled); seeds and tests may preset them. */
  features?: SimFeatures;
}

/** `windowMs` is rounded up to whole seconds. */
export interface BucketLimit {
  limit: number;
  windowMs: number;
}

export interface SimFaults {
  /** Added to every answer. */
  latencyMs?: number;
  /** 0..1: answers 500 E0000009 (seeded RNG, option `seed`). */
  serverErrorRate?: number;
  /**
   * The next N matching requests answer `status`. `path` is tested against the path without query.
   * With `errorSummary` the body is Okta's JSON error with these fields (hostile-content tests);
   * without, 500 is Okta's E0000009 and 502/503/504 the load balancer's HTML.
   */
  failNext?: {
    count: number;
    status: number;
    path?: RegExp;
    errorCode?: string;
    errorSummary?: string;
    causes?: string[];
  };
  /** The next N matching requests: socket destroyed, no answer. */
  resetNext?: { count: number; path?: RegExp };
  /** The next N matching requests never answer (client timeout). */
  hangNext?: { count: number; path?: RegExp };
  /** The next N matching requests answer 429 (concurrency-style, Remaining 0). */
  burst429?: { count: number; path?: RegExp };
  /** The next N matching answers: headers at once, then the body one byte every `intervalMs`. */
  trickleNext?: { count: number; path?: RegExp; intervalMs: number };
  /**
   * The next N matching requests answer 200 with a JSON body of `bytes` bytes, streamed (never held in
   * memory); `Content-Length` is sent only with `declareLength` (else chunked).
   */
  hugeNext?: { count: number; path?: RegExp; bytes: number; declareLength?: boolean };
  /** A connection POST answers 400 E0000001 whose errorSummary and errorCauses echo the sent token/adminPassword. */
  echoSecretInError?: boolean;
}

/** OAuth 2.0 service app (private_key_jwt). */
export interface SimServiceApp {
  clientId: string;
  /** RSA or EC P-256 public key. */
  publicJwk: JsonWebKey;
  kid?: string;
  /** Granted scopes, e.g. ['okta.apps.read', 'okta.apps.manage']. */
  scopes: string[];
  /** The org demands DPoP for this app (see sim-api.md). */
  dpop?: boolean;
}

/**
 * apps-id   = GET /api/v1/apps/{id} exactly
 * apps-star = /api/v1/apps/{id}/... (connections/default, lifecycle, features)
 * apps-list = GET /api/v1/apps
 * token     = POST /oauth2/v1/token
 */
export type BucketName = 'apps-id' | 'apps-star' | 'apps-list' | 'token';

/** The sim's clocks against the host's (tests of clock skew). */
export interface SimClock {
  /** The rate limiter's clock runs this far ahead of the host's (negative: behind). */
  offsetMs?: number;
  /** Bucket answers carry a `Date` this far ahead of the rate limiter's clock (a front end's clock against the limiter's). */
  dateAheadMs?: number;
}

export interface SimOptions {
  apps?: SimApp[];
  /** Skewed clocks for the rate limiter and its answers' `Date` (default: the host's). */
  clock?: SimClock;
  /** SSWS token accepted (default: random, exposed as sim.apiToken). */
  apiToken?: string;
  serviceApps?: SimServiceApp[];
  /** Defaults: apps-id 600/60s, apps-star 100/60s, apps-list 100/60s, token 600/60s. */
  rateLimits?: Partial<Record<BucketName, BucketLimit>>;
  /** Requests in flight at once beyond which the sim answers 429 (default: none). */
  concurrencyLimit?: number;
  faults?: SimFaults;
  seed?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0 (any free port). */
  port?: number;
  /** OAuth access token lifetime (default 3600). */
  tokenLifetimeSec?: number;
  /**
   * What an activation of a consent app's connection before consent answers (Okta does not document it):
   * `refuse` = 400 E0000001 (default), `stay-disabled` = 204 with the connection still DISABLED.
   */
  activateBeforeConsent?: 'refuse' | 'stay-disabled';
  /**
   * How a features PUT lands (the spec says only "partial updates"): `replace-sections` (default) replaces each
   * top-level section sent, resetting what it leaves out to Okta's defaults; `merge` merges key by key.
   */
  featureUpdates?: 'replace-sections' | 'merge';
  /**
   * Whether a re-configure (POST) of a consented consent app keeps the consent (`kept`, default) or makes
   * Okta ask for it again (`revoked`): undocumented either way.
   */
  consentOnReconfigure?: 'kept' | 'revoked';
  /** An org whose edition has no Org2Org signing key rotation: `profile.signing` is refused (400) and never returned. */
  signingUnsupported?: boolean;
}

export interface RecordedRequest {
  /** Position in `requests` (0-based). */
  seq: number;
  method: string;
  /** Without the query. */
  path: string;
  query: Record<string, string>;
  /** Lower-case names, as received. */
  headers: Record<string, string>;
  /** Parsed JSON, or form fields object for the token endpoint, or raw string if unparseable; undefined when empty. */
  body: unknown;
  /** 0 for reset/hang (and while not yet answered). */
  status: number;
  bucket: BucketName | null;
  /** Which window of that bucket. */
  windowIndex: number;
  /** ms epoch. */
  receivedAt: number;
  /** ms epoch when the answer was handed to the network; absent while unanswered (and for reset/hang). */
  answeredAt?: number;
}

export interface OktaSim {
  /** e.g. http://127.0.0.1:PORT */
  url: string;
  apiToken: string;
  /** Live state, mutable by tests (to simulate console drift). */
  apps: Map<string, SimApp>;
  /** Every request in order. */
  requests: RecordedRequest[];
  setFaults(faults: SimFaults): void;
  setRateLimit(bucket: BucketName, limit: BucketLimit): void;
  /** Requests counted per window (index = windowIndex). */
  windowCounts(bucket: BucketName): number[];
  /** Requests that are not GET (excluding the token endpoint). */
  writes(): RecordedRequest[];
  /**
   * A person grants consent at a consent app's authorize link and completes the flow (sim/consent.ts); the
   * connection stays DISABLED until activated.
   */
  grantConsent(appId: string): void;
  close(): Promise<void>;
}
