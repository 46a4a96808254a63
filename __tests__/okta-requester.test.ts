/** The requester's resends that the simulator does not provoke: auth challenges and 401 renewals, against a scripted transport. */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../src/log.js';
import type { OktaAuth } from '../src/okta/auth.js';
import { OktaApiError } from '../src/okta/errors.js';
import { OktaRequester } from '../src/okta/requester.js';
import { RequestScheduler } from '../src/okta/scheduler.js';
import type { HttpAnswer, HttpRequest, HttpTransport } from '../src/okta/transport.js';
import { SecretRegistry } from '../src/secrets.js';
import { caught } from './helpers/caught.js';

const CHALLENGE = { 'dpop-nonce': 'nonce-1', 'www-authenticate': 'DPoP error="use_dpop_nonce"' };

/** A requester whose transport answers `script` in order, and an auth that records what it was asked. */
function requester(script: Pick<HttpAnswer, 'status' | 'headers'>[]) {
  const sent: HttpRequest[] = [];
  const transport = {
    send: async (request: HttpRequest): Promise<HttpAnswer> => {
      sent.push(request);
      const next = script.shift();
      if (!next) throw new Error('the script has no more answers');
      return { ...next, text: '', receivedAt: Date.now() };
    },
  } as unknown as HttpTransport;
  const seen = { challenged: [] as number[], invalidated: [] as (Record<string, string> | undefined)[] };
  let token = 1;
  const auth: OktaAuth = {
    headers: async () => ({ Authorization: `Bearer token-${token}` }),
    invalidate: (rejected) => {
      seen.invalidated.push(rejected);
      token += 1;
      return true;
    },
    challenged: (answer) => {
      seen.challenged.push(answer.status);
      return answer.status === 401 && answer.headers['dpop-nonce'] !== undefined;
    },
  };
  const okta = new OktaRequester({
    transport,
    scheduler: new RequestScheduler({ share: 50, maxConcurrency: 1 }),
    secrets: new SecretRegistry(),
    logger: silentLogger,
    maxRetries: 2,
    maxRateLimitRetries: 2,
    retryBaseMs: 1,
    deadlineMs: 1_000,
    unauthorizedHint: 'Check the service app',
  });
  const send = () =>
    okta.send({ method: 'GET', url: new URL('https://example.okta.com/api/v1/apps/0oa1'), auth });
  return { okta, send, sent, seen };
}

describe('OktaRequester', () => {
  it('resends once for a challenge and once for a 401 with a renewed token, then gives up with the hint', async () => {
    const { okta, send, sent, seen } = requester([
      { status: 401, headers: CHALLENGE },
      { status: 401, headers: CHALLENGE },
      { status: 401, headers: {} },
    ]);
    const error = await caught(send());
    expect(error).toBeInstanceOf(OktaApiError);
    expect(error.message).toBe('Okta answered 401 to GET /api/v1/apps/0oa1. Check the service app');
    // The second challenge is not taken up again: it counts as the 401 that renews the token.
    expect(seen.challenged).toEqual([401, 401, 401]);
    expect(seen.invalidated).toEqual([{ ...sent[1]!.headers }]);
    expect(sent.map((request) => request.headers.Authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-1',
      'Bearer token-2',
    ]);
    expect(okta.snapshot()['apps-id']).toEqual({ requests: 3, rateLimited: 0, retries: 2 });
  });

  it('retries a 429 with X-Okta-Retry-For and -Count, and shows only the other answers to the auth', async () => {
    const { okta, send, sent, seen } = requester([
      { status: 429, headers: { 'x-okta-request-id': 'req-1' } },
      { status: 200, headers: {} },
    ]);
    expect((await send()).status).toBe(200);
    expect(seen.challenged).toEqual([200]);
    expect(sent[0]!.headers['X-Okta-Retry-For']).toBeUndefined();
    expect(sent[1]!.headers).toMatchObject({ 'X-Okta-Retry-For': 'req-1', 'X-Okta-Retry-Count': '1' });
    expect(okta.snapshot()['apps-id']).toEqual({ requests: 2, rateLimited: 1, retries: 1 });
  });
});
