import { oktaError, type SimResponse } from './responses.js';
import { header, type SimRequest, type SimState } from './state.js';

export type ApiAuth =
  { ok: true; scopes: ReadonlySet<string> | 'all' } | { ok: false; response: SimResponse };

const READ_SCOPE = 'okta.apps.read';
const MANAGE_SCOPE = 'okta.apps.manage';

function unauthorized(wwwAuthenticate: string): ApiAuth {
  return {
    ok: false,
    response: oktaError(401, 'E0000011', 'Invalid token provided', [], {
      'WWW-Authenticate': wwwAuthenticate,
    }),
  };
}

function invalidToken(
  req: SimRequest,
  scheme: 'Bearer' | 'DPoP',
  error: string,
  description: string,
): ApiAuth {
  const algs = scheme === 'DPoP' ? 'algs="RS256 ES256", ' : '';
  return unauthorized(
    `${scheme} ${algs}realm="${req.origin}", error="${error}", error_description="${description}", resource="${req.path}"`,
  );
}

/**
 * `SSWS <api token>` (all rights), `Bearer <access token>`, or `DPoP <access token>` with a proof
 * of the key the token is bound to.
 */
export function authenticate(req: SimRequest, state: SimState): ApiAuth {
  const authorization = header(req, 'authorization') ?? '';
  const space = authorization.indexOf(' ');
  const scheme = (space < 0 ? authorization : authorization.slice(0, space)).toLowerCase();
  const credential = space < 0 ? '' : authorization.slice(space + 1).trim();

  if (scheme === 'ssws') {
    return credential !== '' && credential === state.apiToken
      ? { ok: true, scopes: 'all' }
      : invalidToken(req, 'Bearer', 'invalid_token', 'The API token is invalid.');
  }
  const grant = credential ? state.tokens.find(credential, req.now) : undefined;
  if (scheme === 'bearer') {
    if (!grant)
      return invalidToken(req, 'Bearer', 'invalid_token', 'The access token is invalid or expired.');
    if (grant.jkt)
      return invalidToken(
        req,
        'DPoP',
        'invalid_token',
        'The access token is DPoP-bound: use the DPoP scheme.',
      );
    return { ok: true, scopes: new Set(grant.scopes) };
  }
  if (scheme === 'dpop') {
    if (!grant || !grant.jkt)
      return invalidToken(req, 'DPoP', 'invalid_token', 'The access token is invalid or expired.');
    const proof = header(req, 'dpop');
    if (!proof) return invalidToken(req, 'DPoP', 'invalid_dpop_proof', 'The DPoP proof is missing.');
    const outcome = state.dpop.verify(proof, {
      htm: req.method,
      htu: `${req.origin}${req.path}`,
      now: req.now,
      accessToken: credential,
      jkt: grant.jkt,
    });
    if (outcome.kind !== 'ok') return invalidToken(req, 'DPoP', 'invalid_dpop_proof', outcome.reason);
    return { ok: true, scopes: new Set(grant.scopes) };
  }
  return invalidToken(
    req,
    'Bearer',
    'invalid_token',
    'The Authorization header is missing or not supported.',
  );
}

/** Reads need `okta.apps.read`, writes `okta.apps.manage`: 403 E0000006 with `insufficient_scope` otherwise. */
export function checkScope(req: SimRequest, scopes: ReadonlySet<string> | 'all'): SimResponse | null {
  const needed = req.method === 'GET' || req.method === 'HEAD' ? READ_SCOPE : MANAGE_SCOPE;
  if (scopes === 'all' || scopes.has(needed)) return null;
  return oktaError(403, 'E0000006', 'You do not have permission to perform the requested action', [], {
    'WWW-Authenticate': `Bearer error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="${req.path}"`,
  });
}
