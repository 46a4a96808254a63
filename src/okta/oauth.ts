/**
 * OAuth 2.0 service-app auth: client credentials with a private_key_jwt assertion, DPoP when the org
 * demands it (nonce dance included), the token cached until shortly before expiry.
 */
import { randomUUID } from 'node:crypto';
import type { SecretRegistry } from '../secrets.js';
import type { OktaAuth } from './auth.js';
import { DpopKey } from './dpop.js';
import { OktaApiError } from './errors.js';
import { signJwt } from './jwt.js';
import type { SigningKey } from './keys.js';
import { parseJson, type OktaRequester } from './requester.js';
import type { HttpAnswer } from './transport.js';
import { parseErrorBody } from './types.js';

export interface OAuthAuthOptions {
  clientId: string;
  /** From parsePrivateKey; `kid` already set from the configuration or the JWK. */
  signingKey: SigningKey;
  scopes: string[];
  /** The org's origin, e.g. https://example.okta.com */
  origin: string;
  secrets: SecretRegistry;
  /** Token requests go through it, so they are paced in the `token` bucket and retried. */
  requester: OktaRequester;
  now?: () => number;
}

interface AccessToken {
  value: string;
  type: 'Bearer' | 'DPoP';
  refreshAt: number;
}

const ASSERTION_LIFETIME_SEC = 300;
const REFRESH_BEFORE_EXPIRY_MS = 60_000;
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export class OAuthAuth implements OktaAuth {
  private readonly dpop: DpopKey;
  private readonly tokenUrl: URL;
  private readonly now: () => number;
  private token: AccessToken | undefined;
  private pending: Promise<AccessToken> | undefined;
  /** DPoP-Nonce of the authorization server and of the resource server (they differ). */
  private tokenNonce: string | undefined;
  private resourceNonce: string | undefined;

  constructor(private readonly options: OAuthAuthOptions) {
    this.now = options.now ?? Date.now;
    this.dpop = new DpopKey(this.now);
    this.tokenUrl = new URL('/oauth2/v1/token', options.origin);
  }

  async headers(request: { method: string; url: string }): Promise<Record<string, string>> {
    const token = await this.currentToken();
    if (token.type === 'Bearer') return { Authorization: `Bearer ${token.value}` };
    // A proof is not registered as a secret: it is bound to one method, URL and key, lives 5 minutes, and
    // registering one per call would flood the log with mask commands.
    const proof = this.dpop.proof({ ...request, nonce: this.resourceNonce, accessToken: token.value });
    return { Authorization: `DPoP ${token.value}`, DPoP: proof };
  }

  invalidate(rejected?: Record<string, string>): boolean {
    // Only drop the token that was rejected: concurrent 401s must not renew it again and again.
    const current = this.token;
    if (current && (!rejected || rejected.Authorization?.endsWith(` ${current.value}`)))
      this.token = undefined;
    return true;
  }

  challenged(answer: { status: number; headers: Record<string, string> }): boolean {
    const nonce = answer.headers['dpop-nonce'];
    if (nonce) this.resourceNonce = nonce;
    return (
      answer.status === 401 && !!nonce && /use_dpop_nonce/.test(answer.headers['www-authenticate'] ?? '')
    );
  }

  private currentToken(): Promise<AccessToken> {
    if (this.token && this.now() < this.token.refreshAt) return Promise.resolve(this.token);
    this.pending ??= this.requestToken().finally(() => {
      this.pending = undefined;
    });
    return this.pending;
  }

  private async requestToken(): Promise<AccessToken> {
    for (let nonceRetried = false; ; nonceRetried = true) {
      const answer = await this.options.requester.send({
        method: 'POST',
        url: this.tokenUrl,
        form: () => this.tokenForm(),
        // Always a DPoP proof: an org that demands DPoP refuses token requests without one.
        headers: () => ({
          DPoP: this.dpop.proof({ method: 'POST', url: this.tokenUrl.href, nonce: this.tokenNonce }),
        }),
        passStatus: (status) => status >= 400 && status < 500,
      });
      const nonce = answer.headers['dpop-nonce'];
      if (nonce) this.tokenNonce = nonce;
      if (answer.status < 300) {
        this.token = this.accept(answer);
        return this.token;
      }
      const error = parseErrorBody(parseJson(answer.text));
      if (error.errorCode === 'use_dpop_nonce' && nonce && !nonceRetried) continue;
      throw this.tokenError(answer, error.errorCode, error.errorSummary);
    }
  }

  private tokenForm(): URLSearchParams {
    const { clientId, scopes } = this.options;
    const iat = Math.floor(this.now() / 1000);
    const { key, alg, kid } = this.options.signingKey;
    const header = kid ? { typ: 'JWT', kid } : { typ: 'JWT' };
    const claims = {
      iss: clientId,
      sub: clientId,
      aud: this.tokenUrl.href,
      iat,
      exp: iat + ASSERTION_LIFETIME_SEC,
      jti: randomUUID(),
    };
    const assertion = this.secret(signJwt(header, claims, key, alg));
    return new URLSearchParams({
      grant_type: 'client_credentials',
      scope: scopes.join(' '),
      client_assertion_type: CLIENT_ASSERTION_TYPE,
      client_assertion: assertion,
    });
  }

  private accept(answer: HttpAnswer): AccessToken {
    const body = parseJson(answer.text) as {
      token_type?: unknown;
      access_token?: unknown;
      expires_in?: unknown;
    };
    const value = typeof body?.access_token === 'string' ? body.access_token : undefined;
    const type = String(body?.token_type).toLowerCase();
    if (!value || (type !== 'bearer' && type !== 'dpop')) {
      throw this.tokenError(answer, undefined, 'the answer has no access_token or an unknown token_type');
    }
    this.secret(value);
    const lifetimeMs =
      (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    return {
      value,
      type: type === 'dpop' ? 'DPoP' : 'Bearer',
      refreshAt: this.now() + lifetimeMs - Math.min(REFRESH_BEFORE_EXPIRY_MS, lifetimeMs / 2),
    };
  }

  private tokenError(
    answer: HttpAnswer,
    code: string | undefined,
    description: string | undefined,
  ): OktaApiError {
    const { clientId, scopes, secrets } = this.options;
    const kid = this.options.signingKey.kid;
    const checks: Record<string, string> = {
      invalid_client:
        `check the client id ${clientId}, that the service app authenticates with "Public key / Private key" ` +
        `and that its public key is registered${kid ? ` with kid ${kid}` : ''}`,
      invalid_scope: `grant the scopes ${scopes.join(', ')} to the service app (Okta API Scopes tab)`,
      unauthorized_client: 'allow the Client Credentials grant for the service app',
      invalid_dpop_proof:
        'the org refused the DPoP proof; check the runner clock and any proxy rewriting the URL',
    };
    const check =
      (code && checks[code]) ??
      `check the client id ${clientId}, the key registered for the service app and the granted scopes (${scopes.join(', ')})`;
    const summary = description ? `: ${description}` : '';
    const message = `Okta refused the OAuth token request (${answer.status}${code ? ` ${code}` : ''}${summary}); ${check}.`;
    return new OktaApiError(secrets.redact(message), {
      status: answer.status,
      method: 'POST',
      path: this.tokenUrl.pathname,
      errorCode: code === undefined ? undefined : secrets.redact(code),
      errorSummary: description === undefined ? undefined : secrets.redact(description),
      requestId: answer.headers['x-okta-request-id'],
    });
  }

  private secret(value: string): string {
    this.options.secrets.add(value);
    return value;
  }
}
