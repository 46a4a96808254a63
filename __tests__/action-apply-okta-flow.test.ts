import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionJwk } from '../sim/resources/connection/jwks.js';
import type { RecordedRequest, SimApp, SimOptions } from '../sim/types.js';
import { SECRET_ENV, startE2E, type E2E } from './helpers/e2e.js';
import { makeWorkspace } from './helpers/run-action.js';
import { org2orgOAuthHub, zscalerToken } from './helpers/sim-fixtures.js';

/**
 * Apply the way Okta documents it, end to end: the action against the simulator. Consent apps,
 * rotate-secrets, the requests an apply costs, Org2Org signing and public key, and what a 404 means.
 */

const GOOGLE = '0oa5googlework00001';
const HUB = '0oa5org2orghub00001';
const BOOKMARK = '0oa5bookmark0000001';

let e2e: E2E;
afterEach(async () => e2e?.close());

/** A definitions folder holding exactly these files. */
async function definitions(files: Record<string, string>): Promise<string> {
  return makeWorkspace(files);
}

async function start(files: Record<string, string>, sim: SimOptions = {}): Promise<E2E> {
  e2e = await startE2E({ definitions: await definitions(files), sim });
  return e2e;
}

/** apply from workflow_dispatch with plan-check off: exactly one plan, then the writes. */
function apply(inputs: Record<string, string> = {}) {
  return e2e.dispatch({ command: 'apply', 'plan-check': 'off', ...inputs });
}

/** The requests of one run, from the sim's log. */
async function requestsOf<T>(run: () => Promise<T>): Promise<{ result: T; requests: RecordedRequest[] }> {
  const from = e2e.sim.requests.length;
  const result = await run();
  return { result, requests: e2e.sim.requests.slice(from) };
}

const describeRequest = (r: RecordedRequest) =>
  `${r.method} ${r.path}${Object.keys(r.query).length > 0 ? `?${new URLSearchParams(r.query)}` : ''}`;

const googleYaml = `connections:
  - id: ${GOOGLE}
    action: activate
    profile:
      auth_scheme: OAUTH2
`;

const hubYaml = (signing = '') => `connections:
  - id: ${HUB}
    name: Partner hub
    action: activate
    profile:
      auth_scheme: OAUTH2
      client_id: 0oa5hubservice00001
${signing}`;

describe('consent apps follow Okta’s documented flow', () => {
  it('configures without activate, ends as consent needed with the link, then activates after consent', async () => {
    await start({ 'google.yaml': googleYaml });
    const first = await requestsOf(() => apply());
    expect(first.result.code, first.result.stdout).toBe(0);
    expect(first.result.outputs).toMatchObject({ applied: '0', failed: '0' });
    expect(first.result.summary).toMatch(/Google Workspace.*⏳ consent needed/);
    expect(first.result.summary).toContain(`/consent/${GOOGLE}?state=`);
    expect(first.result.summary).toContain('1 waiting for consent');
    // One write, without `activate`, and Okta's answer is enough: no re-read, no activation yet.
    expect(first.requests.filter((r) => r.bucket === 'apps-star').map(describeRequest)).toEqual([
      `GET /api/v1/apps/${GOOGLE}/connections/default`,
      `POST /api/v1/apps/${GOOGLE}/connections/default`,
    ]);

    // Before consent: the plan shows activate, Okta refuses it; still consent needed, not a failure.
    const early = await requestsOf(() => apply());
    expect(early.result.code, early.result.stdout).toBe(0);
    expect(early.result.outputs).toMatchObject({ applied: '0', failed: '0' });
    expect(early.result.summary).toMatch(/Google Workspace.*⏳ consent needed/);
    expect(early.result.summary).toContain(`/consent/${GOOGLE}?state=`);
    expect(early.requests.filter((r) => r.method === 'POST').map(describeRequest)).toEqual([
      `POST /api/v1/apps/${GOOGLE}/connections/default/lifecycle/activate`,
    ]);
    expect(e2e.sim.apps.get(GOOGLE)!.connection!.status).toBe('DISABLED');

    e2e.sim.grantConsent(GOOGLE);
    const consented = await apply();
    expect(consented.code, consented.stdout).toBe(0);
    expect(consented.outputs).toMatchObject({ applied: '1', failed: '0' });
    expect(consented.summary).toMatch(/Google Workspace.*✅ activate/);
    expect(e2e.sim.apps.get(GOOGLE)!.connection!.status).toBe('ENABLED');

    const again = await apply();
    expect(again.outputs).toMatchObject({ changes: 'false', applied: '0', failed: '0' });
  });

  it("the admin's steps of the README: the link, consent, POST the continue URL; then apply activates", async () => {
    await start({ 'google.yaml': googleYaml });
    const first = await apply();
    const link = new RegExp(`${e2e.sim.url}/consent/${GOOGLE}\\?state=[\\w-]+`).exec(first.summary)?.[0];
    expect(link, first.summary).toBeDefined();
    // Steps 2 and 3: the admin's browser, no Okta credentials.
    const browser = await fetch(link!);
    const { continue_oauth_flow_url: next } = (await browser.json()) as {
      continue_oauth_flow_url: { href: string; method: string };
    };
    expect(next.method).toBe('POST');
    // Consent alone does not let activation take: still consent needed, not a failure.
    const before = await apply();
    expect(before.outputs).toMatchObject({ applied: '0', failed: '0' });
    expect(before.summary).toMatch(/Google Workspace.*⏳ consent needed/);
    // Step 4: POST the continue URL with an Okta API token.
    const verified = await fetch(next.href, {
      method: 'POST',
      headers: { Authorization: `SSWS ${e2e.sim.apiToken}` },
    });
    expect(verified.status).toBe(204);
    // Step 5: the next apply activates.
    const after = await apply();
    expect(after.outputs).toMatchObject({ applied: '1', failed: '0' });
    expect(e2e.sim.apps.get(GOOGLE)!.connection!.status).toBe('ENABLED');
  });

  it('an activation that Okta takes but leaves DISABLED is consent needed too, with the link from the re-read', async () => {
    await start({ 'google.yaml': googleYaml }, { activateBeforeConsent: 'stay-disabled' });
    e2e.sim.apps.get(GOOGLE)!.connection = { authScheme: 'OAUTH2', status: 'DISABLED', consent: 'pending' };
    const { result, requests } = await requestsOf(() => apply());
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ applied: '0', failed: '0' });
    expect(result.summary).toMatch(/Google Workspace.*⏳ consent needed/);
    expect(result.summary).toContain(`/consent/${GOOGLE}?state=`);
    expect(result.summary).not.toContain('not-confirmed');
    expect(requests.filter((r) => r.bucket === 'apps-star').map(describeRequest)).toEqual([
      `GET /api/v1/apps/${GOOGLE}/connections/default`,
      `POST /api/v1/apps/${GOOGLE}/connections/default/lifecycle/activate`,
      `GET /api/v1/apps/${GOOGLE}/connections/default`,
    ]);

    e2e.sim.grantConsent(GOOGLE);
    const consented = await apply();
    expect(consented.outputs).toMatchObject({ applied: '1', failed: '0' });
    expect(e2e.sim.apps.get(GOOGLE)!.connection!.status).toBe('ENABLED');
  });
});

describe('a re-configure that Okta answers DISABLED (an Office 365 password rotation of an enabled app)', () => {
  const OFFICE = '0oa5office365000001';
  const officeYaml = `connections:
  - id: ${OFFICE}
    name: Microsoft 365
    action: activate
    profile:
      auth_scheme: OAUTH2
      settings:
        admin_username: admin@example.onmicrosoft.com
        admin_password: { env: O365_ADMIN_PASSWORD }
`;

  it('is activated in the same apply while the consent holds', async () => {
    await start({ 'office365.yaml': officeYaml });
    const { result, requests } = await requestsOf(() => apply({ 'rotate-secrets': 'all' }));
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ applied: '1', failed: '0' });
    expect(requests.filter((r) => r.bucket === 'apps-star').map(describeRequest)).toEqual([
      `GET /api/v1/apps/${OFFICE}/connections/default`,
      `POST /api/v1/apps/${OFFICE}/connections/default`,
      `POST /api/v1/apps/${OFFICE}/connections/default/lifecycle/activate`,
      `GET /api/v1/apps/${OFFICE}/connections/default`,
    ]);
    expect(result.summary).toMatch(/Microsoft 365 .*✅ configured \+ activated/);
    expect(e2e.sim.apps.get(OFFICE)!.connection).toMatchObject({
      status: 'ENABLED',
      adminPassword: SECRET_ENV.O365_ADMIN_PASSWORD,
    });
  });

  it('ends as consent needed with the link when Okta asks for consent again', async () => {
    await start({ 'office365.yaml': officeYaml }, { consentOnReconfigure: 'revoked' });
    const result = await apply({ 'rotate-secrets': 'all' });
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ applied: '0', failed: '0' });
    expect(result.summary).toMatch(/Microsoft 365.*⏳ consent needed/);
    expect(result.summary).toContain(`/consent/${OFFICE}?state=`);
    expect(e2e.sim.apps.get(OFFICE)!.connection!.status).toBe('DISABLED');

    e2e.sim.grantConsent(OFFICE);
    const consented = await apply();
    expect(consented.outputs).toMatchObject({ applied: '1', failed: '0' });
    expect(e2e.sim.apps.get(OFFICE)!.connection!.status).toBe('ENABLED');
  });
});

describe('rotate-secrets', () => {
  it('re-sends only connections that hold a secret, and says which it left alone', async () => {
    e2e = await startE2E();
    expect((await apply()).code).toBe(0);
    const { result, requests } = await requestsOf(() => apply({ 'rotate-secrets': 'all' }));
    expect(result.code, result.stdout).toBe(0);
    const posts = requests.filter((r) => r.method === 'POST').map((r) => r.path);
    expect(posts.sort()).toEqual(
      [
        '/api/v1/apps/0oa5office365000001/connections/default',
        // Okta answers a configure without `activate` DISABLED; the consent still holds, so apply activates.
        '/api/v1/apps/0oa5office365000001/connections/default/lifecycle/activate',
        '/api/v1/apps/0oa5org2orglegacy01/connections/default',
        '/api/v1/apps/0oa5zscalerprod0001/connections/default',
      ].sort(),
    );
    expect(result.summary).toMatch(/Microsoft 365 .*✅ configured \+ activated/);
    expect(result.outputs).toMatchObject({ 'to-configure': '3', applied: '3', failed: '0' });
    expect(result.summary).toMatch(
      /rotate-secrets left 1 connection alone, with no secret \(token, admin_password\) to rotate: Partner hub \(`0oa5org2orghub00001`\)/,
    );
    expect(e2e.sim.apps.get('0oa5office365000001')!.connection).toMatchObject({
      status: 'ENABLED',
      adminPassword: SECRET_ENV.O365_ADMIN_PASSWORD,
    });
  });
});

describe('the requests an apply costs', () => {
  const TOKEN_APPS = 10;
  const tokenApps: SimApp[] = Array.from({ length: TOKEN_APPS }, (_, i) =>
    zscalerToken(`0oa5zscaler${String(i).padStart(8, '0')}`, {
      label: `Zscaler ${i}`,
      connection: {
        status: i % 2 === 0 ? 'ENABLED' : 'DISABLED',
        baseUrl: `https://scim.example.com/${i}/v1`,
      },
    }),
  );
  const oauthApps: SimApp[] = [0, 1].map((i) =>
    org2orgOAuthHub(`0oa5org2orgoauth0000${i}`, {
      label: `Org2Org OAuth ${i}`,
      connection: { clientId: 'old-client' },
    }),
  );
  const yaml = [
    'connections:',
    ...tokenApps.flatMap((app, i) => [
      `  - id: ${app.id}`,
      `    base_url: https://scim.example.com/${i}/v2`,
      '    action: activate',
      '    profile: { auth_scheme: TOKEN, token: { env: ZSCALER_SCIM_TOKEN } }',
    ]),
    ...oauthApps.flatMap((app) => [
      `  - id: ${app.id}`,
      '    action: activate',
      '    profile: { auth_scheme: OAUTH2, client_id: 0oa5hubservice00001 }',
    ]),
  ].join('\n');

  it('one read and one write per configured connection in /api/v1/apps/*, plus the key of Org2Org OAuth', async () => {
    await start({ 'many.yaml': `${yaml}\n` }, { apps: [...tokenApps, ...oauthApps] });
    const { result, requests } = await requestsOf(() => apply());
    expect(result.code, result.stdout).toBe(0);
    expect(result.outputs).toMatchObject({ applied: String(TOKEN_APPS + 2), failed: '0' });
    const star = requests.filter((r) => r.bucket === 'apps-star');
    for (const app of tokenApps) {
      expect(star.filter((r) => r.path.includes(app.id)).map(describeRequest), app.id).toEqual([
        `GET /api/v1/apps/${app.id}/connections/default`,
        `POST /api/v1/apps/${app.id}/connections/default?activate=true`,
      ]);
    }
    for (const app of oauthApps) {
      expect(star.filter((r) => r.path.includes(app.id)).map(describeRequest), app.id).toEqual([
        `GET /api/v1/apps/${app.id}/connections/default`,
        `POST /api/v1/apps/${app.id}/connections/default?activate=true`,
        `GET /api/v1/apps/${app.id}/connections/default/jwks`,
      ]);
    }
    expect(star).toHaveLength(2 * TOKEN_APPS + 3 * oauthApps.length);
    expect(star.every((r) => r.status === 200)).toBe(true);
    for (const app of tokenApps) {
      expect(e2e.sim.apps.get(app.id)!.connection).toMatchObject({ status: 'ENABLED' });
    }
  });
});

describe('Org2Org', () => {
  it('sends `signing` only when the definition sets it; a refusal names the setting and the fix', async () => {
    await start({ 'hub.yaml': hubYaml() }, { signingUnsupported: true });
    const first = await requestsOf(() => apply());
    expect(first.result.code, first.result.stdout).toBe(0);
    const post = first.requests.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({ profile: { authScheme: 'OAUTH2', clientId: '0oa5hubservice00001' } });

    await writeFile(
      path.join(e2e.workspace, 'okta/connections/hub.yaml'),
      hubYaml('      signing: { rotation_mode: AUTO }\n'),
    );
    const refused = await apply();
    expect(refused.code).toBe(1);
    expect(refused.outputs).toMatchObject({ applied: '0', failed: '1' });
    expect(refused.summary).toContain('`signing-not-available`');
    // (escaped for markdown: the message holds Okta's text)
    expect(refused.summary.replace(/\\`/g, '`')).toContain(
      "Okta refused `signing.rotation_mode`: this org's edition does not offer signing key rotation for Org2Org connections. Remove `signing` from the definition (okta/connections/hub.yaml:8)",
    );
  });

  it('keeps the live rotation mode when the definition does not set one', async () => {
    await start({ 'hub.yaml': hubYaml() });
    e2e.sim.apps.get(HUB)!.connection = {
      authScheme: 'OAUTH2',
      status: 'ENABLED',
      clientId: 'old-client',
      rotationMode: 'AUTO',
    };
    const { result, requests } = await requestsOf(() => apply());
    expect(result.code, result.stdout).toBe(0);
    expect(requests.find((r) => r.method === 'POST')!.body).toEqual({
      profile: { authScheme: 'OAUTH2', clientId: '0oa5hubservice00001', signing: { rotationMode: 'AUTO' } },
    });
  });

  it('shows the public key to register in the target org after a configure, and in export', async () => {
    await start({ 'hub.yaml': hubYaml() });
    const { kid } = connectionJwk(HUB);
    const run = await apply();
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain(
      'register this public key with the service app `0oa5hubservice00001` in the target org',
    );
    expect(run.summary).toContain(`kid \`${kid}\``);
    // The key itself in a block under the table, ready to copy.
    const [, block] = /\n```json\n([\s\S]*?)\n```\n/.exec(run.summary) ?? [];
    expect(JSON.parse(block!)).toMatchObject({ kid, n: connectionJwk(HUB).n });

    const { result: exported, requests } = await requestsOf(() =>
      e2e.dispatch({ command: 'export', path: 'exported', 'export-apps': HUB }),
    );
    expect(exported.code, exported.stdout).toBe(0);
    expect(exported.summary).toContain('Org2Org public keys');
    expect(exported.summary).toContain(`kid \`${kid}\``);
    expect(requests.filter((r) => r.path.endsWith('/jwks'))).toHaveLength(1);
  });
});

describe('the Org2Org signing key by rotation mode', () => {
  const signing = (mode: string) => `      signing:\n        rotation_mode: ${mode}\n`;

  it('AUTO: the JWKS URL to configure in the target org, not a key that breaks at the first rotation', async () => {
    await start({ 'hub.yaml': hubYaml(signing('AUTO')) });
    const run = await apply();
    expect(run.code, run.stdout).toBe(0);
    const jwksUrl = `${e2e.sim.url}/api/v1/apps/${HUB}/connections/default/jwks`;
    expect(run.summary).toContain(
      `Okta rotates this connection's signing key (rotation_mode AUTO): give the service app \`0oa5hubservice00001\` in the target org the JWKS URL \`${jwksUrl}\` (its jwks_uri)`,
    );
    expect(run.summary).toContain(`current key: kid \`${connectionJwk(HUB).kid}\``);
    expect(run.summary).not.toContain('register this public key');
  });

  it('MANUAL: the key, with what a rotation needs', async () => {
    await start({ 'hub.yaml': hubYaml(signing('MANUAL')) });
    const run = await apply();
    expect(run.summary).toContain('register this public key with the service app `0oa5hubservice00001`');
    expect(run.summary).toContain('rotation_mode MANUAL: the key changes only when it is rotated');
  });

  it('a 404 on the JWKS of the app just configured says the key is missing, not that the app does not exist', async () => {
    await start({ 'hub.yaml': hubYaml(signing('MANUAL')) });
    e2e.sim.setFaults({
      failNext: {
        count: 1,
        status: 404,
        path: /\/jwks$/,
        errorCode: 'E0000007',
        errorSummary: 'Not found: Resource not found: jwks (ProvisioningConnectionJwks)',
      },
    });
    const run = await apply();
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toContain(
      'Okta has no signing key for this connection (404 on its JWKS; the app itself exists)',
    );
    expect(run.summary).not.toContain('does not exist');
  });
});

describe('a connection Okta answers 404 for', () => {
  it('of an app that exists: the unsupported-app message, not "does not exist"', async () => {
    await start({
      'bookmark.yaml': `connections:\n  - id: ${BOOKMARK}\n    action: activate\n    profile: { auth_scheme: TOKEN, token: { env: ZSCALER_SCIM_TOKEN } }\n`,
    });
    const run = await e2e.dispatch({ command: 'plan' });
    expect(run.summary).toContain("has no provisioning connection that Okta's API can manage");
    expect(run.summary).toContain('Intranet bookmark');
    expect(run.summary).not.toContain('does not exist');
  });
});
