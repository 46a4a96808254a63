/** The Okta management API calls this project makes, over one paced, retrying connection pool. */
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import type { RateLimitWait } from '../progress.js';
import { describeRateLimitWait } from './wait-text.js';
import type { SecretRegistry } from '../secrets.js';
import { SswsAuth, type OktaAuth } from './auth.js';
import { OktaApiError, OktaConfigError } from './errors.js';
import {
  parseFeature,
  parseFeatureList,
  type Capabilities,
  type OktaFeature,
} from '../resources/features/read.js';
import type { FeatureName } from '../resources/features/schema.js';
import { linkUrl } from './link.js';
import { parseOrgUrl } from './org-url.js';
import { parsePrivateKey } from './keys.js';
import { OAuthAuth } from './oauth.js';
import { OktaRequester, parseJson, type OktaRequest } from './requester.js';
import { RequestScheduler } from './scheduler.js';
import { HttpTransport, type HttpAnswer } from './transport.js';
import { parseApp, parseAppList, UnexpectedBodyError, type ClientStats, type OktaApp } from './types.js';
import {
  parseConnection,
  parseConnectionJwks,
  type ConnectionPublicKey,
  type ConnectionRequest,
  type OktaConnection,
} from '../resources/connection/read.js';

export type OktaCredentials =
  | { kind: 'api-token'; token: string }
  | {
      kind: 'oauth';
      clientId: string;
      /** PEM PKCS#8, PEM PKCS#1 RSA, SEC1 EC, or a JWK JSON object; RSA or EC P-256. */
      privateKey: string;
      keyId?: string;
      scopes: string[];
    };

export interface OktaClientOptions {
  credentials: OktaCredentials;
  orgUrl: string;
  secrets: SecretRegistry;
  logger?: Logger;
  /** Percent of each rate-limit bucket this run may use, 1..100 (default 50). */
  rateLimitShare?: number;
  /** Requests in flight at once (default 8). */
  maxConcurrency?: number;
  /**
   * Deadline of one attempt: connect, headers and the whole body, however it trickles (default 60 000).
   * Requests that pass it open the org's circuit breaker (breaker.ts).
   */
  timeoutMs?: number;
  /** The largest answer read; a bigger one fails the request unretried (default 4 MiB). */
  maxResponseBytes?: number;
  /** Retries for 5xx, resets and timeouts (default 4). */
  maxRetries?: number;
  /** Retries after 429 (default 8). */
  maxRateLimitRetries?: number;
  /**
   * Every rate-limit wait of 5 s or more, once (the share of a window used up, or a 429). Default: a log
   * line saying how long and why; a progress reporter shows it in its line instead.
   */
  onRateLimitWait?: (wait: RateLimitWait) => void;
  /** The shortest wait announced (default 5 000 ms). */
  rateLimitWaitNoticeMs?: number;
  /** Backoff base in ms (default 500). */
  retryBaseMs?: number;
  /**
   * Plans, exports and drift checks: OAuth asks only for read scopes (least privilege) and any write is
   * refused before it is sent, so nothing outside apply can change Okta.
   */
  readOnly?: boolean;
}

const WRITE_SCOPE = 'okta.apps.manage';

const DEFAULT_PAGE_SIZE = 200;

export class OktaClient {
  private readonly origin: string;
  private readonly transport: HttpTransport;
  private readonly requester: OktaRequester;
  private readonly auth: OktaAuth;
  private readonly readOnly: boolean;
  /** How long Okta has to answer one request (connect to the last byte). */
  readonly deadlineMs: number;

  constructor(options: OktaClientOptions) {
    this.readOnly = options.readOnly ?? false;
    const { credentials, secrets } = options;
    const logger = options.logger ?? silentLogger;
    // Secrets first, and the key checked before anything is opened.
    if (credentials.kind === 'api-token') secrets.add(credentials.token);
    const signingKey =
      credentials.kind === 'oauth' ? parsePrivateKey(credentials.privateKey, secrets) : undefined;
    this.origin = parseOrgUrl(options.orgUrl);
    const share = options.rateLimitShare ?? 50;
    if (!(share >= 1 && share <= 100)) {
      throw new OktaConfigError('rate-limit share must be a percentage from 1 to 100');
    }
    const maxConcurrency = options.maxConcurrency ?? 8;
    if (!(Number.isInteger(maxConcurrency) && maxConcurrency >= 1)) {
      throw new OktaConfigError('max concurrency must be a whole number of at least 1');
    }
    this.deadlineMs = options.timeoutMs ?? 60_000;
    this.transport = new HttpTransport(this.origin, {
      connections: maxConcurrency,
      deadlineMs: this.deadlineMs,
      maxResponseBytes: options.maxResponseBytes ?? 4 * 1024 * 1024,
    });
    this.requester = new OktaRequester({
      transport: this.transport,
      scheduler: new RequestScheduler({
        share,
        maxConcurrency,
        onWait: options.onRateLimitWait ?? ((wait) => logger.info(describeRateLimitWait(wait))),
        announceAfterMs: options.rateLimitWaitNoticeMs,
      }),
      secrets,
      logger,
      maxRetries: options.maxRetries ?? 4,
      maxRateLimitRetries: options.maxRateLimitRetries ?? 8,
      retryBaseMs: options.retryBaseMs ?? 500,
      deadlineMs: this.deadlineMs,
      unauthorizedHint:
        credentials.kind === 'api-token'
          ? `Okta rejected the API token: check that it is complete, not expired or revoked, and was created in ${this.origin}`
          : `Okta rejected the access token even after renewing it: check that service app ${credentials.clientId} is active in ${this.origin}`,
    });
    this.auth =
      credentials.kind === 'api-token'
        ? new SswsAuth(credentials.token)
        : new OAuthAuth({
            clientId: credentials.clientId,
            signingKey: credentials.keyId ? { ...signingKey!, kid: credentials.keyId } : signingKey!,
            scopes: this.readOnly ? readScopes(credentials.scopes) : credentials.scopes,
            origin: this.origin,
            secrets,
            requester: this.requester,
          });
  }

  async getApp(appId: string): Promise<OktaApp> {
    const url = this.appUrl(appId);
    return this.parse(await this.call({ method: 'GET', url }), 'GET', url, parseApp);
  }

  async getConnection(appId: string): Promise<OktaConnection> {
    const url = this.connectionUrl(appId);
    return this.parse(await this.call({ method: 'GET', url }), 'GET', url, parseConnection);
  }

  /** Where Okta serves an Org2Org OAuth connection's public keys (the target org's `jwks_uri` under AUTO). */
  connectionJwksUrl(appId: string): string {
    return this.connectionUrl(appId, '/jwks').href;
  }

  /** The public keys of an Org2Org OAuth connection, to register with the service app in the target org. */
  async getConnectionJwks(appId: string): Promise<ConnectionPublicKey[]> {
    const url = this.connectionUrl(appId, '/jwks');
    return this.parse(await this.call({ method: 'GET', url }), 'GET', url, parseConnectionJwks);
  }

  async updateConnection(
    appId: string,
    body: ConnectionRequest,
    options: { activate?: boolean } = {},
  ): Promise<OktaConnection> {
    this.assertWritable('configure');
    const url = this.connectionUrl(appId);
    if (options.activate) url.searchParams.set('activate', 'true');
    return this.parse(await this.call({ method: 'POST', url, json: body }), 'POST', url, parseConnection);
  }

  async activateConnection(appId: string): Promise<void> {
    this.assertWritable('activate');
    await this.call({ method: 'POST', url: this.connectionUrl(appId, '/lifecycle/activate') });
  }

  async deactivateConnection(appId: string): Promise<void> {
    this.assertWritable('deactivate');
    await this.call({ method: 'POST', url: this.connectionUrl(appId, '/lifecycle/deactivate') });
  }

  /** The app's provisioning features; Okta answers 400 while its connection is not set up. */
  async listFeatures(appId: string): Promise<OktaFeature[]> {
    const url = this.featuresUrl(appId);
    return this.parse(await this.call({ method: 'GET', url }), 'GET', url, parseFeatureList);
  }

  /** A partial update of one feature's capabilities; Okta answers with the feature as it now is. */
  async updateFeature(appId: string, name: FeatureName, capabilities: Capabilities): Promise<OktaFeature> {
    this.assertWritable('update provisioning features');
    const url = this.featuresUrl(appId, name);
    return this.parse(await this.call({ method: 'PUT', url, json: capabilities }), 'PUT', url, parseFeature);
  }

  /** Every app of the org, page by page; the `next` link is followed as given (an opaque cursor). */
  async *listApps(options: { pageSize?: number } = {}): AsyncGenerator<OktaApp> {
    let url: URL | undefined = new URL('/api/v1/apps', this.origin);
    url.searchParams.set('limit', String(options.pageSize ?? DEFAULT_PAGE_SIZE));
    const visited = new Set<string>();
    while (url) {
      visited.add(url.href);
      const answer = await this.call({ method: 'GET', url });
      yield* this.parse(answer, 'GET', url, parseAppList);
      url = linkUrl(answer.headers['link'], 'next', url.href);
      // Never send our credentials to another host, whatever a Link header says.
      if (url && url.origin !== this.origin)
        throw listError(answer, `points to another host (${url.origin})`);
      // A page already read would start an endless loop.
      if (url && visited.has(url.href)) throw listError(answer, 'repeats a page already read');
    }
  }

  private assertWritable(operation: string): void {
    if (this.readOnly) throw new OktaConfigError(`refused to ${operation}: this run only reads from Okta`);
  }

  stats(): ClientStats {
    return this.requester.snapshot();
  }

  /** Ends the run's use of Okta: requests still waiting fail, and the connections are closed at once. */
  close(): Promise<void> {
    this.requester.close();
    return this.transport.close();
  }

  private call(request: Omit<OktaRequest, 'auth'>): Promise<HttpAnswer> {
    return this.requester.send({ ...request, auth: this.auth });
  }

  private appUrl(appId: string): URL {
    return new URL(`/api/v1/apps/${encodeURIComponent(appId)}`, this.origin);
  }

  private featuresUrl(appId: string, name?: FeatureName): URL {
    const path = `/api/v1/apps/${encodeURIComponent(appId)}/features${name ? `/${name}` : ''}`;
    return new URL(path, this.origin);
  }

  private connectionUrl(appId: string, suffix = ''): URL {
    return new URL(`/api/v1/apps/${encodeURIComponent(appId)}/connections/default${suffix}`, this.origin);
  }

  private parse<T>(answer: HttpAnswer, method: string, url: URL, parser: (body: unknown) => T): T {
    try {
      return parser(parseJson(answer.text));
    } catch (error) {
      if (!(error instanceof UnexpectedBodyError)) throw error;
      throw new OktaApiError(
        `Okta's answer to ${method} ${url.pathname} was not understood: ${error.message}`,
        {
          status: answer.status,
          method,
          path: url.pathname,
          requestId: answer.headers['x-okta-request-id'],
        },
      );
    }
  }
}

function listError(answer: HttpAnswer, what: string): OktaApiError {
  return new OktaApiError(`Okta's next-page link for GET /api/v1/apps ${what}`, {
    status: answer.status,
    method: 'GET',
    path: '/api/v1/apps',
  });
}

/** The scopes to ask for when only reading: `okta.apps.manage` dropped (and read kept or added). */
function readScopes(scopes: readonly string[]): string[] {
  const read = scopes.filter((scope) => scope !== WRITE_SCOPE);
  return read.includes('okta.apps.read') ? read : [...read, 'okta.apps.read'];
}
