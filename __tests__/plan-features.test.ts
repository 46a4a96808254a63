import { afterEach, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { applyPlan } from '../src/resources/connection/apply.js';
import { featureRequest } from '../src/resources/features/apply.js';
import type { FeatureValues } from '../src/definitions/types.js';
import { OktaClient } from '../src/okta/client.js';
import { compareConnection } from '../src/resources/connection/compare.js';
import { withFeatureChanges, type LiveFeatures } from '../src/resources/features/compare.js';
import { assemblePlan, planConnections } from '../src/plan/plan.js';
import { SecretRegistry } from '../src/secrets.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';
import { validateRequestBody } from './helpers/openapi.js';
import { CONSOLE_USER_PROVISIONING, notSetUp, zscalerToken } from './helpers/sim-fixtures.js';

const options = { orgUrl: 'https://example.okta.com', path: 'okta/connections' };
const ORG2ORG_APP = app('0oa1111111111111111', 'okta_org2org', 'Hub');

/** A set-up Org2Org OAuth connection that matches its definition, with these declared features. */
function planned(features: FeatureValues | undefined, okta: LiveFeatures | undefined) {
  const connection = resolvedConnection({
    id: ORG2ORG_APP.id,
    authScheme: 'OAUTH2',
    clientId: '0oahub',
    ...(features && { features }),
  });
  const compared = compareConnection({
    connection,
    app: ORG2ORG_APP,
    live: live({ authScheme: 'OAUTH2', clientId: '0oahub' }),
    rotate: false,
    env: {},
  });
  return withFeatureChanges(compared, connection, ORG2ORG_APP, okta);
}

const OKTA: LiveFeatures = {
  offered: ['USER_PROVISIONING', 'INBOUND_PROVISIONING'],
  values: {
    'to_app.create_users': false,
    'to_app.deactivate_users': true,
    'to_okta.username_format': 'EMAIL',
  },
  source: 'okta',
};

describe('features in the plan (pure)', () => {
  it('compares only declared settings and shows each before → after', () => {
    const plan = planned(
      { 'to_app.create_users': true, 'to_app.deactivate_users': true, 'to_okta.schedule.enabled': true },
      OKTA,
    );
    expect(plan.operations).toEqual(['update-features']);
    expect(plan.features).toEqual([
      { field: 'to_app.create_users', before: 'false', after: 'true' },
      { field: 'to_okta.schedule.enabled', before: null, after: 'true' },
    ]);
    expect(planned({ 'to_app.deactivate_users': true }, OKTA).operations).toEqual([]);
    expect(assemblePlan([plan], options).counts).toMatchObject({ toUpdateFeatures: 1, unchanged: 0 });
  });

  it('a declared feature the app does not offer is an error of that connection', () => {
    const plan = planned({ 'to_okta.username_format': 'EMAIL' }, { ...OKTA, offered: ['USER_PROVISIONING'] });
    expect(plan.operations).toEqual([]);
    expect(plan.error).toMatchObject({
      code: 'feature-not-offered',
      message:
        'app "Hub" (Okta Org2Org) does not offer "To Okta" provisioning (INBOUND_PROVISIONING); remove `to_okta` from this definition.',
    });
  });

  it('the hash covers feature changes, and is unchanged for plans without features', () => {
    const none = assemblePlan([planned(undefined, undefined)], options);
    const noChange = assemblePlan([planned({ 'to_app.create_users': false }, OKTA)], options);
    expect(noChange.hash).toBe(none.hash);
    const on = assemblePlan([planned({ 'to_app.create_users': true }, OKTA)], options);
    const other = assemblePlan([planned({ 'to_app.create_users': true }, { ...OKTA, values: {} })], options);
    expect(new Set([none.hash, on.hash, other.hash]).size).toBe(3);
  });

  it("PUT bodies carry each touched section whole: Okta's values with the declared ones laid over them", () => {
    const change = (field: string) => ({ field, before: null, after: '' });
    const declared: FeatureValues = {
      'to_app.create_users': true,
      'to_app.sync_password.seed': 'OKTA',
      'to_okta.username_format': 'CUSTOM',
      'to_okta.username_expression': 'appuser.email',
      'to_okta.schedule.full_import.cron': '0 21 * * Mon',
      'to_okta.schedule.full_import.timezone': 'Europe/Berlin',
    };
    const liveUser = {
      create: { lifecycleCreate: { status: 'DISABLED' } },
      update: {
        profile: { status: 'ENABLED' },
        lifecycleDeactivate: { status: 'ENABLED' },
        password: { status: 'ENABLED', seed: 'RANDOM', change: 'CHANGE' },
      },
    };
    const user = featureRequest(
      'USER_PROVISIONING',
      [change('to_app.create_users'), change('to_app.sync_password.seed')],
      declared,
      liveUser,
    );
    expect(user).toEqual({
      create: { lifecycleCreate: { status: 'ENABLED' } },
      update: {
        profile: { status: 'ENABLED' },
        lifecycleDeactivate: { status: 'ENABLED' },
        password: { status: 'ENABLED', seed: 'OKTA', change: 'CHANGE' },
      },
    });
    // Only the touched section: `update` is not sent when only `create` changes.
    expect(featureRequest('USER_PROVISIONING', [change('to_app.create_users')], declared, liveUser)).toEqual({
      create: { lifecycleCreate: { status: 'ENABLED' } },
    });
    const liveInbound = {
      importSettings: {
        username: { userNameFormat: 'EMAIL' },
        schedule: { status: 'ENABLED', incrementalImport: { expression: '0 * * * *', timezone: 'UTC' } },
      },
      importRules: { userCreateAndMatch: { exactMatchCriteria: 'USERNAME', allowPartialMatch: true } },
    };
    const inbound = featureRequest(
      'INBOUND_PROVISIONING',
      [change('to_okta.username_expression'), change('to_okta.schedule.full_import.timezone')],
      declared,
      liveInbound,
    );
    expect(inbound).toEqual({
      importSettings: {
        username: { userNameExpression: 'appuser.email', userNameFormat: 'CUSTOM' },
        schedule: {
          status: 'ENABLED',
          fullImport: { timezone: 'Europe/Berlin', expression: '0 21 * * Mon' },
          incrementalImport: { expression: '0 * * * *', timezone: 'UTC' },
        },
      },
      importRules: { userCreateAndMatch: { exactMatchCriteria: 'USERNAME', allowPartialMatch: true } },
    });
    expect(liveInbound.importSettings.username).toEqual({ userNameFormat: 'EMAIL' }); // not changed in place
    const path = (name: string) => `/api/v1/apps/0oa1/features/${name}`;
    expect(validateRequestBody(path('USER_PROVISIONING'), 'PUT', user)).toEqual([]);
    expect(validateRequestBody(path('INBOUND_PROVISIONING'), 'PUT', inbound)).toEqual([]);
  });
});

describe('features against the simulator: plan, apply, plan again', () => {
  let sim: OktaSim;
  let client: OktaClient;
  afterEach(async () => {
    await client?.close();
    await sim?.close();
  });

  const apps: SimApp[] = [
    notSetUp('okta_org2org', '0oa5org2orghub00001', { label: 'Hub (new)' }),
    zscalerToken('0oa5zscalerprod0001', {
      connection: { baseUrl: 'https://scim.example.com/v2' },
      // Set in the Admin Console; the definition declares only `deactivate_users`.
      features: { USER_PROVISIONING: CONSOLE_USER_PROVISIONING },
    }),
    zscalerToken('0oa5zscalerplain001', {
      label: 'Zscaler, no features declared',
      connection: { baseUrl: 'https://scim.example.com/v2' },
    }),
  ];
  const env = { HUB_TOKEN: 'hub-token-1', ZS_TOKEN: 'zs-token-1' };
  const hub = resolvedConnection({
    id: '0oa5org2orghub00001',
    baseUrl: 'https://hub.example.com',
    writeOnly: { token: { env: 'HUB_TOKEN' } },
    features: { 'to_app.create_users': true, 'to_okta.match.auto_confirm_exact_match': true },
  });
  const zscaler = resolvedConnection({
    id: '0oa5zscalerprod0001',
    baseUrl: 'https://scim.example.com/v2',
    writeOnly: { token: { env: 'ZS_TOKEN' } },
    features: { 'to_app.deactivate_users': true },
  });
  const plain = resolvedConnection({ id: '0oa5zscalerplain001', baseUrl: 'https://scim.example.com/v2' });

  it("plans a new connection against Okta's defaults without reading them, applies after configure, converges", async () => {
    sim = await startOktaSim({ apps });
    client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
    });
    const connections = [hub, zscaler, plain];
    const first = await planConnections(client, connections, { ...options, orgUrl: sim.url, env });
    const byId = (id: string) => first.connections.find((c) => c.appId === id)!;
    expect(byId(hub.id).operations).toEqual(['configure', 'activate', 'update-features']);
    expect(byId(hub.id).features).toEqual([
      { field: 'to_app.create_users', before: 'false', after: 'true' },
      { field: 'to_okta.match.auto_confirm_exact_match', before: 'false', after: 'true' },
    ]);
    expect(byId(zscaler.id).operations).toEqual(['update-features']);
    expect(byId(plain.id).operations).toEqual([]);
    expect(first.counts).toMatchObject({ toConfigure: 1, toUpdateFeatures: 2, unchanged: 1 });
    // One GET /features, for the only connection that declares features and is set up.
    const featureReads = sim.requests.filter((r) => r.path.endsWith('/features'));
    expect(featureReads.map((r) => r.path)).toEqual([`/api/v1/apps/${zscaler.id}/features`]);

    const report = await applyPlan(client, first, connections, { env, secrets: new SecretRegistry() });
    expect(report.results.map((r) => [r.appId, r.status, r.done])).toEqual([
      [hub.id, 'applied', ['configure', 'activate', 'update-features']],
      [plain.id, 'unchanged', []],
      [zscaler.id, 'applied', ['update-features']],
    ]);
    // Per connection, in order: the connection's own configure first, then one PUT per changed feature.
    const writesOf = (id: string) =>
      sim
        .writes()
        .filter((r) => r.path.startsWith(`/api/v1/apps/${id}/`))
        .map((r) => `${r.method} ${r.path.slice(`/api/v1/apps/${id}/`.length)}`);
    expect(writesOf(hub.id)).toEqual([
      'POST connections/default',
      'PUT features/USER_PROVISIONING',
      'PUT features/INBOUND_PROVISIONING',
    ]);
    expect(writesOf(zscaler.id)).toEqual(['PUT features/USER_PROVISIONING']);
    // Each PUT carries the sections it touches whole: Okta's values with the declared ones laid over them.
    const putBody = (id: string, name: string) =>
      sim.writes().find((r) => r.method === 'PUT' && r.path === `/api/v1/apps/${id}/features/${name}`)?.body;
    expect(putBody(zscaler.id, 'USER_PROVISIONING')).toEqual({
      update: { ...CONSOLE_USER_PROVISIONING.update, lifecycleDeactivate: { status: 'ENABLED' } },
    });
    expect(putBody(hub.id, 'USER_PROVISIONING')).toEqual({
      create: { lifecycleCreate: { status: 'ENABLED' } },
    });
    expect(putBody(hub.id, 'INBOUND_PROVISIONING')).toEqual({
      importSettings: { username: { userNameFormat: 'EMAIL' }, schedule: { status: 'DISABLED' } },
      importRules: {
        userCreateAndMatch: {
          exactMatchCriteria: 'EMAIL',
          allowPartialMatch: false,
          autoConfirmPartialMatch: false,
          autoConfirmExactMatch: true,
          autoConfirmNewUsers: false,
          autoActivateNewUsers: false,
        },
      },
    });
    // The sim replaces whole sections (its default): the settings nobody declared are as they were.
    expect(sim.apps.get(zscaler.id)!.features!.USER_PROVISIONING).toEqual({
      ...CONSOLE_USER_PROVISIONING,
      update: { ...CONSOLE_USER_PROVISIONING.update, lifecycleDeactivate: { status: 'ENABLED' } },
    });

    const second = await planConnections(client, connections, { ...options, orgUrl: sim.url, env });
    expect(second.changes).toBe(false);
    expect(second.counts).toMatchObject({ toUpdateFeatures: 0, unchanged: 3 });
  });

  it('a failing feature update fails only its connection, after its configure', async () => {
    sim = await startOktaSim({ apps });
    client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
      retryBaseMs: 1,
      maxRetries: 0,
    });
    const plan = await planConnections(client, [hub, zscaler], { ...options, orgUrl: sim.url, env });
    sim.setFaults({
      failNext: { count: 5, status: 500, path: /\/apps\/0oa5org2orghub00001\/features\/USER_PROVISIONING$/ },
    });
    const report = await applyPlan(client, plan, [hub, zscaler], { env, secrets: new SecretRegistry() });
    const [hubResult, zscalerResult] = report.results;
    expect(hubResult).toMatchObject({ status: 'failed', done: ['configure', 'activate'] });
    expect(hubResult!.error!.message).toMatch(
      /^updating its provisioning features \(USER_PROVISIONING\) failed: Okta answered 500/,
    );
    expect(zscalerResult).toMatchObject({ status: 'applied', done: ['update-features'] });
    expect(report).toMatchObject({ applied: 1, failed: 1 });
  });
});

describe('"provisioning not enabled" and connections to deactivate', () => {
  let sim: OktaSim;
  let client: OktaClient;
  afterEach(async () => {
    await client?.close();
    await sim?.close();
  });
  const ZSCALER = '0oa5zscalerprod0001';
  const zscaler = (action: 'activate' | 'deactivate') =>
    resolvedConnection({
      id: ZSCALER,
      action,
      baseUrl: 'https://scim.example.com/v2',
      features: { 'to_app.deactivate_users': true },
    });
  async function start() {
    sim = await startOktaSim({
      apps: [zscalerToken(ZSCALER, { connection: { baseUrl: 'https://scim.example.com/v2' } })],
    });
    client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
      maxRetries: 0,
    });
  }

  it("is told by Okta's status and code on the features read, whatever the wording", async () => {
    await start();
    sim.setFaults({
      failNext: {
        count: 1,
        status: 400,
        path: /\/features$/,
        errorCode: 'E0000001',
        errorSummary: 'Api validation failed: feature',
        causes: ['Provisioning was switched off for this app instance.'],
      },
    });
    const plan = await planConnections(client, [zscaler('activate')], {
      ...options,
      orgUrl: sim.url,
      env: {},
    });
    expect(plan.connections[0]).toMatchObject({
      operations: ['update-features'],
      features: [{ field: 'to_app.deactivate_users', before: 'false', after: 'true' }],
    });
    expect(plan.connections[0]!.error).toBeUndefined();

    // Another 400 (bad JSON, E0000003) on the same read is an error, not "not enabled".
    sim.setFaults({ failNext: { count: 1, status: 400, path: /\/features$/, errorCode: 'E0000003' } });
    const refused = await planConnections(client, [zscaler('activate')], {
      ...options,
      orgUrl: sim.url,
      env: {},
    });
    expect(refused.connections[0]!.error).toBeDefined();
  });

  it('a connection to deactivate: its features are neither read nor written', async () => {
    await start();
    const plan = await planConnections(client, [zscaler('deactivate')], {
      ...options,
      orgUrl: sim.url,
      env: {},
    });
    expect(plan.connections[0]!.operations).toEqual(['deactivate']);
    expect(plan.connections[0]!.features).toBeUndefined();
    expect(sim.requests.filter((r) => r.path.includes('/features'))).toEqual([]);
  });
});
