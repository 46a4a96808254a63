import {
  hasNoConnection,
  needsConsent,
  simKindOf,
  supportedSchemes,
  supportsProvisioning,
} from '../../kinds/index.js';
import { consentHolds, consentState } from './consent.js';
import { parseConnectionRequest, type ConnectionRequest } from './request.js';
import {
  appNotFound,
  json,
  jsonBody,
  noContent,
  notFound,
  validationFailed,
  type SimResponse,
} from '../../responses.js';
import type { SimRequest, SimState } from '../../state.js';
import type { SimApp, SimConnection } from '../../types.js';

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
 * authorize link in every configure answer (as Okta's example shows) and in reads while consent is
 * pending. An org without signing key rotation never returns `signing`.
 */
function renderConnection(
  app: SimApp,
  state: SimState,
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
  const kind = simKindOf(app.name);
  if (kind?.clientId) {
    return {
      ...(connection.clientId !== undefined && { clientId: connection.clientId }),
      status,
      profile: {
        authScheme: 'OAUTH2',
        ...(connection.clientId !== undefined && { clientId: connection.clientId }),
        ...(kind.signing &&
          !state.org.signingUnsupported && {
            signing: { rotationMode: connection.rotationMode ?? 'MANUAL' },
          }),
      },
      _links: links(app, origin, status, false),
    };
  }
  return {
    status,
    profile: { authScheme: 'OAUTH2' },
    _links: links(app, origin, status, needsConsent(app.name) && (afterConfigure || consentPending(app))),
  };
}

function consentPending(app: SimApp): boolean {
  const connection = setUpConnection(app);
  return needsConsent(app.name) && connection !== undefined && !consentHolds(connection);
}

export function handleGetConnection(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  if (hasNoConnection(app.name)) return notFound(`default (ProvisioningConnection of ${appId})`);
  return json(200, renderConnection(app, state, req.origin));
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
  const kind = simKindOf(app.name);
  if (kind?.clientId && !request.clientId) return ['clientId: The field cannot be left blank.'];
  if (kind?.adminSettings && !request.settings) return ['settings: The field cannot be left blank.'];
  return [];
}

/**
 * Status after a configure. Okta answered a POST without `activate` with DISABLED (the one real recording
 * of it, TestAccResourceOktaAppConnection_cru), so only `?activate=true` leaves a connection ENABLED. A consent
 * app's first configure starts waiting for consent; a re-configure keeps a granted consent unless the org
 * asks for it again (`consentOnReconfigure: revoked`).
 */
function nextState(
  app: SimApp,
  state: SimState,
  activate: boolean,
): { status: 'ENABLED' | 'DISABLED'; consent?: 'pending' | 'granted' } {
  const previous = setUpConnection(app);
  if (needsConsent(app.name)) {
    const consented = previous !== undefined && consentHolds(previous);
    if (!consented || state.org.consentOnReconfigure === 'revoked') {
      return { status: 'DISABLED', consent: 'pending' };
    }
    return { status: activate ? 'ENABLED' : 'DISABLED', consent: 'granted' };
  }
  return { status: activate ? 'ENABLED' : 'DISABLED' };
}

function buildConnection(
  app: SimApp,
  state: SimState,
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
  const kind = simKindOf(app.name);
  if (kind?.clientId) connection.clientId = request.clientId;
  if (kind?.signing && !state.org.signingUnsupported) {
    connection.rotationMode = request.rotationMode ?? 'MANUAL';
  }
  if (kind?.adminSettings && request.settings) {
    connection.adminUsername = request.settings.adminUsername;
    connection.adminPassword = request.settings.adminPassword;
  }
  return connection;
}

/** POST /api/v1/apps/{id}/connections/default[?activate=true]: replaces the connection (`TRUE` as in Okta's guide works too). */
export function handlePostConnection(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  const request = jsonBody(req.rawBody);
  if ('error' in request) return request.error;
  const { body } = request;
  if (state.faults.echoSecretInError) {
    const echoed = echoSecrets(body);
    if (echoed) return echoed;
  }
  if (!supportsProvisioning(app.name)) return validationFailed('connection', [NOT_ENABLED]);
  const parsed = parseConnectionRequest(body);
  if (!parsed.ok) return validationFailed('connection', parsed.causes);
  const problems = semanticProblems(app, parsed.value);
  if (problems.length > 0) return validationFailed('connection', problems);
  if (state.org.signingUnsupported && parsed.value.authScheme === 'OAUTH2' && parsed.value.rotationMode) {
    return validationFailed('signing', [
      'signing.rotationMode: Signing key rotation for provisioning connections is not available in this org.',
    ]);
  }

  const { status, consent } = nextState(app, state, req.query.get('activate')?.toLowerCase() === 'true');
  const authorizeHref = app.connection?.authorizeHref;
  app.connection = {
    ...buildConnection(app, state, parsed.value, status),
    ...(consent && { consent }),
    ...(authorizeHref !== undefined && { authorizeHref }),
  };
  state.lastUpdated.set(app.id, new Date(req.now).toISOString());
  return json(200, renderConnection(app, state, req.origin, true));
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
  if (action === 'activate' && needsConsent(app.name) && !consentHolds(connection)) {
    if (state.org.activateBeforeConsent === 'stay-disabled') return noContent();
    return validationFailed('connection', [
      'Consent has not been granted for the provisioning connection. Grant consent at the authorize link first.',
    ]);
  }
  connection.status = action === 'activate' ? 'ENABLED' : 'DISABLED';
  state.lastUpdated.set(app.id, new Date(req.now).toISOString());
  return noContent();
}
