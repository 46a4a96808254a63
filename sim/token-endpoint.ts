import type { SimServiceApp } from './types.js';
import { decodeJwt, verifyJwtSignature } from './jwt.js';
import { json, methodNotAllowed, oauthError, type SimResponse } from './responses.js';
import { header, type SimRequest, type SimState } from './state.js';

export const TOKEN_PATH = '/oauth2/v1/token';
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_MAX_LIFETIME_SEC = 3600;

export function parseForm(raw: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(raw));
}

function invalidClient(description: string): SimResponse {
  return oauthError(401, 'invalid_client', description);
}

type ClientCheck = { ok: true; app: SimServiceApp; jti: string } | { ok: false; response: SimResponse };

/** private_key_jwt: the assertion must be signed by the app's registered key and be fresh and unused. */
function authenticateClient(form: Record<string, string>, req: SimRequest, state: SimState): ClientCheck {
  const fail = (description: string): ClientCheck => ({ ok: false, response: invalidClient(description) });
  if (form.client_assertion_type !== JWT_BEARER || !form.client_assertion) {
    return fail('Client authentication failed: a private_key_jwt client_assertion is required.');
  }
  const jwt = decodeJwt(form.client_assertion);
  if (!jwt) return fail('The client_assertion is not a well-formed JWT.');
  const { iss, sub, aud, exp, jti } = jwt.payload;
  if (typeof iss !== 'string' || iss !== sub)
    return fail("The client_assertion 'iss' and 'sub' must be the client id.");
  if (form.client_id !== undefined && form.client_id !== iss)
    return fail("'client_id' does not match the assertion.");
  const app = state.serviceApps.get(iss);
  if (!app) return fail('The client_id is not valid.');
  const kid = jwt.header.kid;
  if (kid !== undefined && app.kid !== undefined && kid !== app.kid) {
    return fail("The client_assertion 'kid' does not match a registered key.");
  }
  if (!verifyJwtSignature(jwt, app.publicJwk)) return fail('The client_assertion signature is invalid.');
  const tokenUrl = `${req.origin}${TOKEN_PATH}`;
  if (!(aud === tokenUrl || (Array.isArray(aud) && aud.includes(tokenUrl)))) {
    return fail('The audience claim for client_assertion must be the endpoint invoked for the request.');
  }
  const nowSec = req.now / 1000;
  if (typeof exp !== 'number' || exp <= nowSec) return fail('The client_assertion token is expired.');
  if (exp - nowSec > ASSERTION_MAX_LIFETIME_SEC) {
    return fail('The client_assertion token has an expiration too far into the future.');
  }
  if (typeof jti !== 'string' || jti === '') return fail("The client_assertion has no 'jti'.");
  if (state.assertionJtis.has(jti)) return fail('The client_assertion token has already been used.');
  return { ok: true, app, jti };
}

type DpopCheck = { ok: true; jkt?: string } | { ok: false; response: SimResponse };

/** Only for apps that demand DPoP; others ignore the proof and get Bearer tokens. */
function checkTokenDpop(app: SimServiceApp, req: SimRequest, state: SimState): DpopCheck {
  if (!app.dpop) return { ok: true };
  const proof = header(req, 'dpop');
  if (!proof) {
    return {
      ok: false,
      response: oauthError(400, 'invalid_dpop_proof', 'The DPoP proof JWT header is missing.'),
    };
  }
  const outcome = state.dpop.verify(proof, {
    htm: 'POST',
    htu: `${req.origin}${TOKEN_PATH}`,
    now: req.now,
    nonces: state.nonces,
  });
  if (outcome.kind === 'invalid') {
    return { ok: false, response: oauthError(400, 'invalid_dpop_proof', outcome.reason) };
  }
  if (outcome.kind === 'use_nonce') {
    const nonce = state.nonces.issue(req.now);
    return {
      ok: false,
      response: oauthError(400, 'use_dpop_nonce', outcome.reason, { 'DPoP-Nonce': nonce }),
    };
  }
  return { ok: true, jkt: outcome.jkt };
}

/** POST /oauth2/v1/token: client credentials with a private_key_jwt assertion, DPoP when the app demands it. */
export function handleTokenRequest(req: SimRequest, state: SimState): SimResponse {
  if (req.method !== 'POST') return methodNotAllowed(['POST']);
  const form = parseForm(req.rawBody);
  if (form.grant_type !== 'client_credentials') {
    return oauthError(
      400,
      'unsupported_grant_type',
      `The grant type '${form.grant_type ?? ''}' is not supported.`,
    );
  }
  const client = authenticateClient(form, req, state);
  if (!client.ok) return client.response;
  // The assertion is used up only once the DPoP checks pass, so a client may resend it after `use_dpop_nonce`.
  const dpop = checkTokenDpop(client.app, req, state);
  if (!dpop.ok) return dpop.response;
  state.assertionJtis.add(client.jti);

  const scopes = (form.scope ?? '').split(/\s+/).filter(Boolean);
  if (scopes.length === 0) {
    return oauthError(
      400,
      'invalid_scope',
      "The authorization server has no default scopes: 'scope' must be provided.",
    );
  }
  const notGranted = scopes.filter((scope) => !client.app.scopes.includes(scope));
  if (notGranted.length > 0) {
    return oauthError(
      400,
      'invalid_scope',
      `The following scopes are not granted to the client: ${notGranted.join(' ')}`,
    );
  }
  const accessToken = state.tokens.issue({
    clientId: client.app.clientId,
    scopes,
    expiresAt: req.now + state.tokenLifetimeSec * 1000,
    jkt: dpop.jkt,
  });
  return json(
    200,
    {
      token_type: dpop.jkt ? 'DPoP' : 'Bearer',
      expires_in: state.tokenLifetimeSec,
      access_token: accessToken,
      scope: scopes.join(' '),
    },
    { 'Cache-Control': 'no-store', Pragma: 'no-cache' },
  );
}
