import { createHash } from 'node:crypto';
import { needsConsent, supportedSchemes, supportsProvisioning } from './app-kinds.js';
import { parseConnectionRequest, type ConnectionRequest } from './connection-request.js';
import {
  appNotFound,
  json,
  malformedBody,
  noContent,
  validationFailed,
  type SimResponse,
} from './responses.js';
import type { SimRequest, SimState } from './state.js';
import type { SimApp, SimConnection } from './types.js';

const NOT_ENABLED = 'Provisioning is not enabled for the app instance.';
const CONSENT_GUIDANCE =
  'Specifies the URI to invoke in a browser for granting scope consent required to complete the OAuth 2.0 connection.';

/** The app's connection if it is set up (not UNKNOWN) and the app supports provisioning. */
function setUpConnection(app: SimApp): SimConnection | undefined {
  const connection = app.connection;
  if (!supportsProvisioning(app.name) || !connection) return undefined;
  if (connection.authScheme === 'UNKNOWN' || connection.status === 'UNKNOWN') return undefined;
  return connection;
}

function consentState(appId: string): string {
  return createHash('sha256').update(`consent:${appId}`).digest('base64url').slice(0, 22);
}

function links(app: SimApp, origin: string, status: 'ENABLED' | 'DISABLED' | 'UNKNOWN', authorize: boolean) {
  const base = `${origin}/api/v1/apps/${app.id}/connections/default`;
  const self = { href: base, hints: { allow: ['POST', 'GET'] } };
  if (status === 'UNKNOWN') return { self };
  const lifecycle = (action: string) => ({ href: `${base}/lifecycle/${action}`, hints: { allow: ['POST'] } });
  // Key order as Okta sends it (see the recordings).
  const out: Record<string, unknown> =
    status === 'ENABLED'
      ? { self, deactivate: lifecycle('deactivate') }
      : { activate: lifecycle('activate'), self };
  if (authorize) {
    out.authorize = {
      href: app.connection?.authorizeHref ?? `${origin}/consent/${app.id}?state=${consentState(app.id)}`,
      hints: { allow: ['GET'], guidance: [CONSENT_GUIDANCE] },
    };
  }
  return out;
}

/**
 * The connection as Okta answers it. The top-level `authScheme` appears only for TOKEN (the OpenAPI
 * response schema allows only `TOKEN` there); `profile.authScheme` always carries the scheme.
 * Write-only values (token, admin credentials) are never part of it. Consent apps carry the
 * authorize link in the configure answer and, later, while the connection is disabled.
 */
export function renderConnection(
  app: SimApp,
  origin: string,
  afterConfigure = false,
): Record<string, unknown> {
  const connection = setUpConnection(app);
  if (!connection)
    return {
      status: 'UNKNOWN',
      profile: { authScheme: 'UNKNOWN' },
      _links: links(app, origin, 'UNKNOWN', false),
    };
  const status = connection.status;
  if (connection.authScheme === 'TOKEN') {
    return {
      authScheme: 'TOKEN',
      status,
      ...(connection.baseUrl !== undefined && { baseUrl: connection.baseUrl }),
      profile: { authScheme: 'TOKEN' },
      _links: links(app, origin, status, false),
    };
  }
  if (app.name === 'okta_org2org') {
    return {
      ...(connection.clientId !== undefined && { clientId: connection.clientId }),
      status,
      profile: {
        authScheme: 'OAUTH2',
        ...(connection.clientId !== undefined && { clientId: connection.clientId }),
        signing: { rotationMode: connection.rotationMode ?? 'MANUAL' },
      },
      _links: links(app, origin, status, false),
    };
  }
  return {
    status,
    profile: { authScheme: 'OAUTH2' },
    _links: links(app, origin, status, needsConsent(app.name) && (afterConfigure || status === 'DISABLED')),
  };
}

export function handleGetConnection(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  return app ? json(200, renderConnection(app, req.origin)) : appNotFound(appId);
}

/** Okta echoing secrets in an error: the client must redact them. */
function echoSecrets(body: unknown): SimResponse | null {
  const profile = (body as { profile?: { token?: unknown; settings?: { adminPassword?: unknown } } } | null)
    ?.profile;
  const secrets = [profile?.token, profile?.settings?.adminPassword].filter(
    (v): v is string => typeof v === 'string',
  );
  if (secrets.length === 0) return null;
  return validationFailed(
    `the app rejected the credentials ${secrets.join(', ')}`,
    secrets.map((secret) => `Invalid credentials: '${secret}' was refused by the app.`),
  );
}

function semanticProblems(app: SimApp, request: ConnectionRequest): string[] {
  if (!supportedSchemes(app.name).includes(request.authScheme)) {
    return [`authScheme: ${request.authScheme} is not supported by the app '${app.name}'.`];
  }
  if (request.authScheme === 'TOKEN') return request.token ? [] : ['token: The field cannot be left blank.'];
  if (app.name === 'okta_org2org' && !request.clientId) return ['clientId: The field cannot be left blank.'];
  if (app.name === 'office365' && !request.settings) return ['settings: The field cannot be left blank.'];
  return [];
}

function nextStatus(app: SimApp, request: ConnectionRequest, activate: boolean): 'ENABLED' | 'DISABLED' {
  const previous = setUpConnection(app)?.status;
  // Consent apps stay disabled until a person grants consent.
  if (request.authScheme === 'OAUTH2' && needsConsent(app.name))
    return previous === 'ENABLED' ? 'ENABLED' : 'DISABLED';
  if (activate) return 'ENABLED';
  return previous === 'ENABLED' ? 'ENABLED' : 'DISABLED';
}

function buildConnection(
  app: SimApp,
  request: ConnectionRequest,
  status: 'ENABLED' | 'DISABLED',
): SimConnection {
  if (request.authScheme === 'TOKEN') {
    return {
      authScheme: 'TOKEN',
      status,
      ...(request.baseUrl !== undefined && { baseUrl: request.baseUrl }),
      ...(request.token !== undefined && { token: request.token }),
    };
  }
  const connection: SimConnection = { authScheme: 'OAUTH2', status };
  if (app.name === 'okta_org2org') {
    connection.clientId = request.clientId;
    connection.rotationMode = request.rotationMode ?? 'MANUAL';
  }
  if (app.name === 'office365' && request.settings) {
    connection.adminUsername = request.settings.adminUsername;
    connection.adminPassword = request.settings.adminPassword;
  }
  return connection;
}

/** POST /api/v1/apps/{id}/connections/default[?activate=true]: replaces the connection. */
export function handlePostConnection(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  let body: unknown;
  try {
    body = JSON.parse(req.rawBody);
  } catch {
    return malformedBody();
  }
  if (state.faults.echoSecretInError) {
    const echoed = echoSecrets(body);
    if (echoed) return echoed;
  }
  if (!supportsProvisioning(app.name)) return validationFailed('connection', [NOT_ENABLED]);
  const parsed = parseConnectionRequest(body);
  if (!parsed.ok) return validationFailed('connection', parsed.causes);
  const problems = semanticProblems(app, parsed.value);
  if (problems.length > 0) return validationFailed('connection', problems);

  const status = nextStatus(app, parsed.value, req.query.get('activate') === 'true');
  app.connection = buildConnection(app, parsed.value, status);
  state.lastUpdated.set(app.id, new Date(req.now).toISOString());
  return json(200, renderConnection(app, req.origin, true));
}

/** POST .../connections/default/lifecycle/{activate|deactivate}: 204. */
export function handleLifecycle(
  req: SimRequest,
  state: SimState,
  appId: string,
  action: 'activate' | 'deactivate',
): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  if (!supportsProvisioning(app.name)) return validationFailed('connection', [NOT_ENABLED]);
  const connection = setUpConnection(app);
  if (!connection)
    return validationFailed('connection', [
      'The provisioning connection is not set up for the app instance.',
    ]);
  connection.status = action === 'activate' ? 'ENABLED' : 'DISABLED';
  state.lastUpdated.set(app.id, new Date(req.now).toISOString());
  return noContent();
}
