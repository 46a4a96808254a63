import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { OktaClient } from '../src/okta/client.js';
import { OktaConfigError } from '../src/okta/errors.js';
import { isProvisioningNotEnabled } from '../src/resources/features/read.js';
import { SecretRegistry } from '../src/secrets.js';
import { caught } from './helpers/caught.js';
import { FEATURES_OPENAPI_FILE } from './helpers/okta-reference.js';
import { validateRequestBody, validateResponseBody } from './helpers/openapi.js';
import { notSetUp, org2orgOAuthHub, org2orgToken, slack, zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath } from './helpers/sim-http.js';

const ORG2ORG = '0oaOrg2orgFeat000001';
const ORG2ORG_NEW = '0oaOrg2orgNewFeat0001';
const ZSCALER = '0oaZscalerFeat0000001';
const BOOKMARK = '0oaBookmarkFeat000001';
const SLACK_PENDING = '0oaSlackFeat000000001';
const ZSCALER_LESS_ORG2ORG = '0oaOrg2orgFeat000002';

const apps: SimApp[] = [
  org2orgOAuthHub(ORG2ORG, { label: 'Hub', connection: { clientId: '0oahub1' } }),
  notSetUp('okta_org2org', ORG2ORG_NEW, { label: 'Hub (not set up)' }),
  org2orgToken(ZSCALER_LESS_ORG2ORG, {
    label: 'Spoke',
    connection: { baseUrl: 'https://spoke.okta.example.com' },
  }),
  zscalerToken(ZSCALER, { connection: { baseUrl: 'https://scim.example.com/v2' } }),
  notSetUp('bookmark', BOOKMARK),
  slack(SLACK_PENDING, { connection: { status: 'DISABLED', consent: 'pending' } }),
];

const features = (appId: string, name = '') => `/api/v1/apps/${appId}/features${name ? `/${name}` : ''}`;

describe('the OpenAPI helper on the features spec', () => {
  const spec = parse(readFileSync(FEATURES_OPENAPI_FILE, 'utf8')) as {
    components: { examples: Record<string, { value: unknown }> };
  };
  const example = (name: string) => spec.components.examples[name]!.value;

  it("accepts Okta's examples that follow its schemas, and checks capabilities through the discriminator", () => {
    expect(validateResponseBody(features('0oa1'), 'GET', 200, example('AppFeatureListResponseEx'))).toEqual(
      [],
    );
    expect(
      validateRequestBody(features('0oa1', 'USER_PROVISIONING'), 'PUT', example('UpdateAppFeatureRequestEx')),
    ).toEqual([]);
    const broken = structuredClone(example('AppFeatureResponseEx')) as {
      capabilities: { create: { lifecycleCreate: { status: string } } };
    };
    broken.capabilities.create.lifecycleCreate.status = 'ON';
    expect(validateResponseBody(features('0oa1', 'USER_PROVISIONING'), 'GET', 200, broken)).not.toEqual([]);
  });

  it("checks the username format as real Okta spells it (userNameFormat), so the spec's INBOUND example passes", () => {
    const path = features('0oa1', 'INBOUND_PROVISIONING');
    expect(validateRequestBody(path, 'PUT', example('UpdateInboundProvisioningFeatureRequestEx'))).toEqual(
      [],
    );
    expect(
      validateResponseBody(path, 'PUT', 200, example('UpdateInboundProvisioningFeatureResponseEx')),
    ).toEqual([]);
    const schemaSpelling = { importSettings: { username: { usernameFormat: 'EMAIL' } }, importRules: {} };
    expect(validateRequestBody(path, 'PUT', schemaSpelling)).toContain(
      "/importSettings/username must have required property 'userNameFormat'",
    );
  });
});

/**
 * The request bodies of Okta's guide "Set up an app provisioning connection" (developer.okta.com, step
 * "Configure the provisioning feature for your app"), as printed there.
 */
const GUIDE_INBOUND_EXAMPLE = {
  importSettings: {
    username: { userNameFormat: 'CUSTOM', userNameExpression: 'source.userName' },
    schedule: {
      status: 'ENABLED',
      fullImport: { expression: '0 */4 * * *', timeZone: 'America/New_York' },
      incrementalImport: {},
    },
  },
  importRules: {
    userCreateAndMatch: {
      exactMatchCriteria: 'USERNAME',
      allowPartialMatch: false,
      autoConfirmPartialMatch: false,
      autoConfirmExactMatch: false,
      autoConfirmNewUsers: false,
      autoActivateNewUsers: false,
    },
  },
};
const GUIDE_USER_EXAMPLE = {
  create: { lifecycleCreate: { status: 'ENABLED' } },
  update: {
    lifecycleDeactivate: { status: 'ENABLED' },
    profile: { status: 'ENABLED' },
    password: { status: 'ENABLED', seed: 'RANDOM', change: 'CYCLE' },
  },
};

describe('the simulated Application Features API', () => {
  let sim: OktaSim;
  beforeAll(async () => {
    sim = await startOktaSim({ apps });
  });
  afterAll(() => sim.close());

  async function expectConforms(method: string, path: string, status: number, body?: unknown) {
    const answer = await call(sim, method, path, { body });
    expect(answer.status, `${method} ${path}: ${answer.text}`).toBe(status);
    expect(validateResponseBody(path, method, status, answer.body), `${method} ${path}`).toEqual([]);
    return answer;
  }

  it('answers 400 "Provisioning is not enabled" until the connection is set up, then Okta\'s defaults', async () => {
    for (const appId of [ORG2ORG_NEW, BOOKMARK, SLACK_PENDING]) {
      const refused = await expectConforms('GET', features(appId), 400);
      expect(refused.body).toMatchObject({
        errorCode: 'E0000001',
        errorCauses: [{ errorSummary: 'Provisioning is not enabled for the app instance.' }],
      });
    }
    await expectConforms('GET', features(ORG2ORG_NEW, 'USER_PROVISIONING'), 404);

    await expectConforms('POST', connectionPath(ORG2ORG_NEW, '?activate=true'), 200, {
      profile: { authScheme: 'OAUTH2', clientId: '0oahub2', signing: { rotationMode: 'AUTO' } },
    });
    const list = await expectConforms('GET', features(ORG2ORG_NEW), 200);
    expect(list.body).toMatchObject([
      {
        name: 'USER_PROVISIONING',
        status: 'ENABLED',
        capabilities: {
          create: { lifecycleCreate: { status: 'DISABLED' } },
          update: {
            profile: { status: 'DISABLED' },
            lifecycleDeactivate: { status: 'DISABLED' },
            password: { status: 'DISABLED', seed: 'RANDOM', change: 'KEEP_EXISTING' },
          },
        },
        _links: { self: { href: `${sim.url}${features(ORG2ORG_NEW, 'USER_PROVISIONING')}` } },
      },
      {
        name: 'INBOUND_PROVISIONING',
        capabilities: {
          importSettings: {
            username: { userNameFormat: 'EMAIL' },
            schedule: { status: 'DISABLED', fullImport: null, incrementalImport: null },
          },
          importRules: { userCreateAndMatch: { exactMatchCriteria: 'EMAIL', autoConfirmExactMatch: false } },
        },
      },
    ]);
  });

  it('lists only the features an app kind offers: Zscaler 2.0 has no INBOUND_PROVISIONING', async () => {
    const list = await expectConforms('GET', features(ZSCALER), 200);
    expect((list.body as { name: string }[]).map((feature) => feature.name)).toEqual(['USER_PROVISIONING']);
    await expectConforms('GET', features(ZSCALER, 'INBOUND_PROVISIONING'), 404);
    await expectConforms('PUT', features(ZSCALER, 'INBOUND_PROVISIONING'), 404, {
      importSettings: {},
      importRules: {},
    });
    await expectConforms('GET', features(ZSCALER, 'USER_PROVISIONING'), 200);
  });

  it("PUT replaces each section it is sent: what a sent section leaves out goes back to Okta's defaults", async () => {
    const path = features(ORG2ORG, 'USER_PROVISIONING');
    const whole = {
      create: { lifecycleCreate: { status: 'ENABLED' } },
      update: {
        profile: { status: 'ENABLED' },
        lifecycleDeactivate: { status: 'ENABLED' },
        password: { status: 'ENABLED', seed: 'OKTA', change: 'CHANGE' },
      },
    };
    expect(validateRequestBody(path, 'PUT', whole)).toEqual([]);
    expect((await expectConforms('PUT', path, 200, whole)).body).toMatchObject({ capabilities: whole });
    // Only one leaf of `update`: its neighbours are reset; `create`, not sent, stays.
    const leaf = { update: { lifecycleDeactivate: { status: 'DISABLED' } } };
    const answer = await expectConforms('PUT', path, 200, leaf);
    expect(answer.body).toMatchObject({
      capabilities: {
        create: { lifecycleCreate: { status: 'ENABLED' } },
        update: {
          profile: { status: 'DISABLED' },
          lifecycleDeactivate: { status: 'DISABLED' },
          password: { status: 'DISABLED', seed: 'RANDOM', change: 'KEEP_EXISTING' },
        },
      },
    });
  });

  it("PUT accepts the spec's and the guide's request examples, ignoring keys it does not know", async () => {
    const spec = parse(readFileSync(FEATURES_OPENAPI_FILE, 'utf8')) as {
      components: { examples: Record<string, { value: unknown }> };
    };
    const inbound = features(ORG2ORG, 'INBOUND_PROVISIONING');
    const user = features(ORG2ORG, 'USER_PROVISIONING');
    const specInbound = spec.components.examples.UpdateInboundProvisioningFeatureRequestEx!.value;
    expect((await expectConforms('PUT', inbound, 200, specInbound)).body).toMatchObject({
      capabilities: specInbound,
    });
    const specUser = spec.components.examples.UpdateAppFeatureRequestEx!.value;
    expect((await expectConforms('PUT', user, 200, specUser)).body).toMatchObject({ capabilities: specUser });

    // The guide writes `timeZone` (unknown: ignored) and an empty incremental schedule (not set).
    const guided = await expectConforms('PUT', inbound, 200, GUIDE_INBOUND_EXAMPLE);
    expect(guided.body).toMatchObject({
      capabilities: {
        importSettings: {
          username: { userNameFormat: 'CUSTOM', userNameExpression: 'source.userName' },
          schedule: { status: 'ENABLED', fullImport: { expression: '0 */4 * * *' }, incrementalImport: null },
        },
        importRules: GUIDE_INBOUND_EXAMPLE.importRules,
      },
    });
    // Its USER_PROVISIONING example says `change: CYCLE`, a value the spec's enum does not have: refused, named.
    const cycle = await expectConforms('PUT', user, 400, GUIDE_USER_EXAMPLE);
    expect(cycle.text).toContain(
      'update.password.change: Invalid value. Allowed values: CHANGE, KEEP_EXISTING.',
    );
    const { change: _cycle, ...password } = GUIDE_USER_EXAMPLE.update.password;
    const withoutCycle = { ...GUIDE_USER_EXAMPLE, update: { ...GUIDE_USER_EXAMPLE.update, password } };
    await expectConforms('PUT', user, 200, withoutCycle);
  });

  it("treats the schema's `usernameFormat` as an unknown key: ignored, the format does not change", async () => {
    const path = features(ZSCALER_LESS_ORG2ORG, 'INBOUND_PROVISIONING');
    const answer = await expectConforms('PUT', path, 200, {
      importSettings: { username: { usernameFormat: 'CUSTOM', userNameExpression: 'appuser.email' } },
      importRules: {},
    });
    expect(answer.body).toMatchObject({
      capabilities: {
        importSettings: { username: { userNameFormat: 'EMAIL', userNameExpression: 'appuser.email' } },
      },
    });
  });

  it('refuses bad enums, missing required keys and bad JSON with 400s that name them', async () => {
    const path = features(ORG2ORG, 'INBOUND_PROVISIONING');
    const cases: [unknown, string[]][] = [
      [
        { importSettings: { username: { userNameFormat: 'PHONE' } }, importRules: {} },
        ['importSettings.username.userNameFormat: Invalid value. Allowed values: EMAIL, CUSTOM.'],
      ],
      [
        { importSettings: {}, importRules: { userCreateAndMatch: { exactMatchCriteria: 'PHONE' } } },
        [
          'importRules.userCreateAndMatch.exactMatchCriteria: Invalid value. Allowed values: EMAIL, USERNAME.',
        ],
      ],
      [{ importSettings: {} }, ['importRules: The field cannot be left blank.']],
      [
        { importSettings: { schedule: { fullImport: { timezone: 'Mars/Olympus' } } }, importRules: {} },
        [
          'importSettings.schedule.fullImport.expression: The field cannot be left blank.',
          'importSettings.schedule.fullImport.timezone: Invalid time zone: Mars/Olympus.',
        ],
      ],
    ];
    for (const [body, causes] of cases) {
      const answer = await expectConforms('PUT', path, 400, body);
      expect(answer.body).toMatchObject({ errorCode: 'E0000001' });
      expect(
        (answer.body as { errorCauses: { errorSummary: string }[] }).errorCauses.map((c) => c.errorSummary),
      ).toEqual(causes);
    }
    // The app set up above still has Okta's default username format (EMAIL, no expression).
    const custom = await expectConforms('PUT', features(ORG2ORG_NEW, 'INBOUND_PROVISIONING'), 400, {
      importSettings: { username: { userNameFormat: 'CUSTOM' } },
      importRules: {},
    });
    expect(custom.text).toContain(
      'importSettings.username.userNameExpression: The field cannot be left blank when userNameFormat is CUSTOM.',
    );
    const userProvisioning = await expectConforms('PUT', features(ORG2ORG, 'USER_PROVISIONING'), 400, {
      create: { lifecycleCreate: { status: true } },
      importSettings: {},
    });
    expect(userProvisioning.text).toContain(
      'create.lifecycleCreate.status: Invalid value. Allowed values: ENABLED, DISABLED.',
    );
    expect((await call(sim, 'PUT', path, { body: '{"importSettings":' })).body).toMatchObject({
      errorCode: 'E0000003',
    });
    await expectConforms('PUT', features('0oaMissing0000000001', 'USER_PROVISIONING'), 404, {});
  });

  it('puts the features paths in the apps-star bucket', () => {
    const featureRequests = sim.requests.filter((request) => request.path.includes('/features'));
    expect(featureRequests.length).toBeGreaterThan(10);
    expect(new Set(featureRequests.map((request) => request.bucket))).toEqual(new Set(['apps-star']));
  });
});

describe('the Okta client on the features API', () => {
  let sim: OktaSim;
  let client: OktaClient;
  beforeAll(async () => {
    sim = await startOktaSim({ apps });
    client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
    });
  });
  afterAll(async () => {
    await client.close();
    await sim.close();
  });

  it('lists features, tells "provisioning not enabled" apart, and PUTs bodies that follow the request schema', async () => {
    const listed = await client.listFeatures(ZSCALER);
    expect(listed.map((feature) => feature.name)).toEqual(['USER_PROVISIONING']);
    expect(isProvisioningNotEnabled(await caught(client.listFeatures(ORG2ORG_NEW)))).toBe(true);

    const updated = await client.updateFeature(ORG2ORG, 'INBOUND_PROVISIONING', {
      importSettings: { username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' } },
      importRules: { userCreateAndMatch: { autoConfirmExactMatch: true } },
    });
    expect(updated.capabilities).toMatchObject({
      importSettings: { username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' } },
      importRules: { userCreateAndMatch: { autoConfirmExactMatch: true } },
    });
    const put = sim.requests.filter((request) => request.method === 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0]!.body).toEqual({
      importSettings: { username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' } },
      importRules: { userCreateAndMatch: { autoConfirmExactMatch: true } },
    });
    for (const request of put) expect(validateRequestBody(request.path, 'PUT', request.body)).toEqual([]);
    // The client paces features requests in Okta's /api/v1/apps/* bucket, like the connection's.
    expect(Object.keys(client.stats())).toEqual(['apps-star']);
  });

  it('reads the username format under either spelling Okta uses', async () => {
    sim.apps.get(ZSCALER)!.features = {};
    const org2org = sim.apps.get(ORG2ORG)!;
    const inbound = org2org.features!.INBOUND_PROVISIONING as { importSettings: { username: object } };
    const read = async () =>
      (await client.listFeatures(ORG2ORG)).find((f) => f.name === 'INBOUND_PROVISIONING')!.capabilities;
    inbound.importSettings.username = { usernameFormat: 'CUSTOM', userNameExpression: 'appuser.login' };
    expect((await read()).importSettings).toEqual(
      expect.objectContaining({
        username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' },
      }),
    );
    inbound.importSettings.username = { userNameFormat: 'EMAIL' };
    expect((await read()).importSettings).toEqual(
      expect.objectContaining({ username: { userNameFormat: 'EMAIL' } }),
    );
  });

  it('a read-only client refuses the PUT before sending it', async () => {
    const readOnly = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
      readOnly: true,
    });
    const before = sim.requests.length;
    const error = await caught(
      readOnly.updateFeature(ORG2ORG, 'USER_PROVISIONING', {
        create: { lifecycleCreate: { status: 'ENABLED' } },
      }),
    );
    await readOnly.close();
    expect(error).toBeInstanceOf(OktaConfigError);
    expect((error as Error).message).toBe(
      'refused to update provisioning features: this run only reads from Okta',
    );
    expect(sim.requests.length).toBe(before);
  });
});
