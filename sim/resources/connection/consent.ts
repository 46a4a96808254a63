/**
 * The consent flow of an OAuth 2.0 connection to Google Workspace, Office 365, Slack or Zoom, as Okta's guide
 * "Set up an app provisioning connection" describes it:
 * 1. the configure answer (and reads until consent) carry `_links.authorize.href`, the app's consent page;
 * 2. an admin opens it in a browser, signs in to the app and grants consent; the app calls Okta back, and Okta
 *    answers the browser `{"continue_oauth_flow_url": {"href": ".../api/v1/apps/{appName}/{appId}/oauth2/callback
 *    ?code=…&state=…", "method": "POST"}}`;
 * 3. someone POSTs that URL with Okta API credentials (`okta.apps.manage`): 204, Okta now holds the app's token;
 * 4. the connection can be activated (`.../connections/default/lifecycle/activate`).
 * The sim serves the app's consent page itself (`GET /consent/{appId}?state=…`, standing for steps 2's page and
 * the app's call back), so a test's "browser" gets exactly the JSON Okta shows.
 */
import { createHash, randomBytes } from 'node:crypto';
import { needsConsent } from '../../kinds/index.js';
import {
  appNotFound,
  json,
  noContent,
  notFound,
  validationFailed,
  type SimResponse,
} from '../../responses.js';
import type { SimRequest, SimState } from '../../state.js';
import type { SimApp, SimConnection } from '../../types.js';

/** The `state` of an app's authorize link: fixed per app (the sim issues one consent flow at a time). */
export function consentState(appId: string): string {
  return createHash('sha256').update(`consent:${appId}`).digest('base64url').slice(0, 22);
}

/** Consent is complete: granted and verified through the callback (a connection seeded without it counts). */
export function consentHolds(connection: SimConnection): boolean {
  return connection.consent === undefined || connection.consent === 'granted';
}

function consentConnection(app: SimApp | undefined): SimConnection | undefined {
  const connection = app?.connection;
  if (!app || !connection || !needsConsent(app.name)) return undefined;
  if (connection.authScheme !== 'OAUTH2' || connection.status === 'UNKNOWN') return undefined;
  return connection;
}

/** What `OktaSim.grantConsent` stands for: a person went through the whole flow (steps 2 and 3). */
export function grantConsent(state: SimState, appId: string): void {
  const connection = consentConnection(state.apps.get(appId));
  if (!connection) throw new Error(`grantConsent: ${appId} is not a consent app with a connection set up`);
  connection.consent = 'granted';
  delete connection.consentCode;
}

/**
 * GET /consent/{appId}?state=…: the admin's browser at the app's consent page, consenting (step 2). Answers
 * what Okta answers the browser once the app calls back: the URL that completes the flow.
 */
export function handleConsentPage(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  const connection = consentConnection(app);
  if (!app || !connection || consentHolds(connection)) return notFound(`consent request for ${appId}`);
  const given = req.query.get('state');
  if (given !== consentState(appId)) {
    return validationFailed('state', ['The state does not match the consent request.']);
  }
  const code = randomBytes(24).toString('base64url');
  connection.consent = 'awaiting-verification';
  connection.consentCode = code;
  const query = new URLSearchParams({ code, state: given });
  return json(200, {
    continue_oauth_flow_url: {
      href: `${req.origin}/api/v1/apps/${app.name}/${app.id}/oauth2/callback?${query}`,
      method: 'POST',
    },
  });
}

/**
 * POST /api/v1/apps/{appName}/{appId}/oauth2/callback?code&state (step 3): 204 once the code and state are
 * those Okta issued to the browser; then the connection can be activated. The spec documents no 400 here;
 * a code that does not match is answered like Okta's other validation failures.
 */
export function handleOAuthCallback(
  req: SimRequest,
  state: SimState,
  appName: string,
  appId: string,
): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  const connection = consentConnection(app);
  if (!connection || app.name !== appName)
    return notFound(`${appName}/${appId} (OAuth 2.0 provisioning app)`);
  const code = req.query.get('code');
  if (
    connection.consent !== 'awaiting-verification' ||
    !code ||
    code !== connection.consentCode ||
    req.query.get('state') !== consentState(appId)
  ) {
    return validationFailed('code', ['The authorization code is invalid, already used or expired.']);
  }
  connection.consent = 'granted';
  delete connection.consentCode;
  return noContent();
}
