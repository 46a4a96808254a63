/** How the client authenticates its API calls: SSWS API token here, OAuth 2.0 in oauth.ts. */

export interface OktaAuth {
  /** Headers for one API request (may fetch/renew a token first). */
  headers(request: { method: string; url: string }): Promise<Record<string, string>>;
  /**
   * After a 401: drop a cached token; true when a retry with fresh credentials makes sense (the client
   * retries at most once). `rejected` are the headers that got the 401, so concurrent 401s renew once.
   */
  invalidate(rejected?: Record<string, string>): boolean;
  /** Sees every API answer; true when it was a challenge (e.g. a DPoP nonce) worth one immediate resend. */
  challenged?(answer: { status: number; headers: Record<string, string> }): boolean;
}

export class SswsAuth implements OktaAuth {
  constructor(private readonly token: string) {}

  async headers(): Promise<Record<string, string>> {
    return { Authorization: `SSWS ${this.token}` };
  }

  /** An API token cannot be renewed: a 401 is final. */
  invalidate(): boolean {
    return false;
  }
}
