import { randomString } from './random.js';

export interface AccessTokenGrant {
  clientId: string;
  scopes: string[];
  /** ms epoch */
  expiresAt: number;
  /** RFC 7638 thumbprint of the DPoP key the token is bound to (`cnf.jkt`); absent for Bearer tokens. */
  jkt?: string;
}

/** Opaque random access tokens issued by the token endpoint. */
export class AccessTokenStore {
  private readonly grants = new Map<string, AccessTokenGrant>();

  issue(grant: AccessTokenGrant): string {
    const token = `simat.${randomString(32)}`;
    this.grants.set(token, grant);
    return token;
  }

  /** The grant of a token that exists and has not expired. */
  find(token: string, now: number): AccessTokenGrant | undefined {
    const grant = this.grants.get(token);
    return grant && grant.expiresAt > now ? grant : undefined;
  }
}
