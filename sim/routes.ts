import { handleGetApp, handleListApps } from './apps.js';
import { authenticate, checkScope } from './auth.js';
import { handleConsentPage, handleOAuthCallback } from './resources/connection/consent.js';
import { handleGetJwks } from './resources/connection/jwks.js';
import {
  handleGetConnection,
  handleLifecycle,
  handlePostConnection,
} from './resources/connection/handlers.js';
import { handleGetFeature, handleListFeatures, handlePutFeature } from './resources/features/handlers.js';
import { methodNotAllowed, notFound, type SimResponse } from './responses.js';
import type { SimRequest, SimState } from './state.js';
import { handleTokenRequest, TOKEN_PATH } from './token-endpoint.js';

const APP = '/api/v1/apps/([^/]+)';
const APP_PATH = new RegExp(`^${APP}$`);
const CONNECTION_PATH = new RegExp(`^${APP}/connections/default$`);
const LIFECYCLE_PATH = new RegExp(`^${APP}/connections/default/lifecycle/(activate|deactivate)$`);
const FEATURES_PATH = new RegExp(`^${APP}/features(?:/([^/]+))?$`);
const JWKS_PATH = new RegExp(`^${APP}/connections/default/jwks$`);
const OAUTH_CALLBACK_PATH = new RegExp(`^${APP}/([^/]+)/oauth2/callback$`);
/** The consent page of the app behind a consent app's authorize link (sim/consent.ts); no Okta auth. */
const CONSENT_PAGE_PATH = /^\/consent\/([^/]+)$/;

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function onlyMethods(req: SimRequest, allowed: string[], handle: () => SimResponse): SimResponse {
  return allowed.includes(req.method) ? handle() : methodNotAllowed(allowed);
}

function routeApi(req: SimRequest, state: SimState): SimResponse {
  if (req.path === '/api/v1/apps') return onlyMethods(req, ['GET'], () => handleListApps(req, state));
  let match = APP_PATH.exec(req.path);
  if (match?.[1]) {
    const appId = decodeSegment(match[1]);
    return onlyMethods(req, ['GET'], () => handleGetApp(req, state, appId));
  }
  match = CONNECTION_PATH.exec(req.path);
  if (match?.[1]) {
    const appId = decodeSegment(match[1]);
    return onlyMethods(req, ['GET', 'POST'], () =>
      req.method === 'GET' ? handleGetConnection(req, state, appId) : handlePostConnection(req, state, appId),
    );
  }
  match = JWKS_PATH.exec(req.path);
  if (match?.[1]) {
    const appId = decodeSegment(match[1]);
    return onlyMethods(req, ['GET'], () => handleGetJwks(req, state, appId));
  }
  match = LIFECYCLE_PATH.exec(req.path);
  if (match?.[1] && match[2]) {
    const appId = decodeSegment(match[1]);
    const action = match[2] === 'activate' ? 'activate' : 'deactivate';
    return onlyMethods(req, ['POST'], () => handleLifecycle(req, state, appId, action));
  }
  match = OAUTH_CALLBACK_PATH.exec(req.path);
  if (match?.[1] && match[2]) {
    const [appName, appId] = [decodeSegment(match[1]), decodeSegment(match[2])];
    return onlyMethods(req, ['POST'], () => handleOAuthCallback(req, state, appName, appId));
  }
  match = FEATURES_PATH.exec(req.path);
  if (match?.[1]) {
    const appId = decodeSegment(match[1]);
    const name = match[2] === undefined ? undefined : decodeSegment(match[2]);
    if (name === undefined) return onlyMethods(req, ['GET'], () => handleListFeatures(req, state, appId));
    return onlyMethods(req, ['GET', 'PUT'], () =>
      req.method === 'GET'
        ? handleGetFeature(req, state, appId, name)
        : handlePutFeature(req, state, appId, name),
    );
  }
  return notFound(req.path);
}

/** Dispatches a request that got past rate limits and faults. */
export function route(req: SimRequest, state: SimState): SimResponse {
  if (req.path === TOKEN_PATH) return handleTokenRequest(req, state);
  const consentPage = CONSENT_PAGE_PATH.exec(req.path);
  if (consentPage?.[1]) {
    const appId = decodeSegment(consentPage[1]);
    return onlyMethods(req, ['GET'], () => handleConsentPage(req, state, appId));
  }
  if (!req.path.startsWith('/api/v1/')) return notFound(req.path);
  const auth = authenticate(req, state);
  if (!auth.ok) return auth.response;
  return checkScope(req, auth.scopes) ?? routeApi(req, state);
}
