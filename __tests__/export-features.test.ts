import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { resolveDefinitions } from '../src/definitions/env.js';
import { loadDefinitions } from '../src/definitions/load.js';
import { exportConnections } from '../src/resources/connection/export.js';
import { exportableValues } from '../src/resources/features/export.js';
import { writeExportFiles } from '../src/export/write.js';
import { OktaClient } from '../src/okta/client.js';
import { planConnections } from '../src/plan/plan.js';
import { SecretRegistry } from '../src/secrets.js';
import { CONSOLE_USER_PROVISIONING, org2orgOAuthHub, slack, zscalerToken } from './helpers/sim-fixtures.js';

const HUB = '0oa5org2orghub00001';
const ZSCALER = '0oa5zscalerprod0001';
const SLACK = '0oa5slackwork000001';

const apps: SimApp[] = [
  org2orgOAuthHub(HUB, {
    features: {
      USER_PROVISIONING: CONSOLE_USER_PROVISIONING,
      INBOUND_PROVISIONING: {
        importSettings: {
          username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' },
          schedule: {
            status: 'ENABLED',
            fullImport: { expression: '0 21 * * Mon', timezone: 'Europe/Berlin' },
            incrementalImport: { expression: '*/30 * * * *', timezone: 'Europe/Berlin' },
          },
        },
        importRules: {
          userCreateAndMatch: {
            exactMatchCriteria: 'USERNAME',
            allowPartialMatch: false,
            autoConfirmPartialMatch: false,
            autoConfirmExactMatch: true,
            autoConfirmNewUsers: false,
            autoActivateNewUsers: true,
          },
        },
      },
    },
  }),
  zscalerToken(ZSCALER, { connection: { baseUrl: 'https://scim.example.com/v2' } }),
  // Waiting for consent: Okta has no provisioning features for it yet.
  slack(SLACK, { connection: { status: 'DISABLED', consent: 'pending' } }),
];

let sim: OktaSim;
let client: OktaClient;
beforeAll(async () => {
  sim = await startOktaSim({ apps });
  client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets: new SecretRegistry(),
    readOnly: true,
  });
});
afterAll(async () => {
  await client.close();
  await sim.close();
});

describe('export of provisioning features', () => {
  it('writes every current setting, re-plans with no change, and reads features only of set-up connections', async () => {
    const result = await exportConnections(client, { apps: 'all', orgUrl: sim.url });
    expect(result.failures).toEqual([]);
    const hub = result.files.find((file) => file.connection.appId === HUB)!;
    expect(hub.content.split('\n').slice(-40).join('\n')).toContain(`    profile:
      auth_scheme: OAUTH2
      client_id: 0oa5hubservice00001
      signing: { rotation_mode: AUTO }
    to_app:
      create_users: true
      update_user_attributes: true
      deactivate_users: false
      sync_password:
        enabled: true
        seed: OKTA
        change: CHANGE
    to_okta:
      username_format: CUSTOM
      username_expression: appuser.login
      schedule:
        enabled: true
        full_import:
          cron: 0 21 * * Mon
          timezone: Europe/Berlin
        incremental_import:
          cron: "*/30 * * * *"
          timezone: Europe/Berlin
      match:
        exact_match_criteria: USERNAME
        allow_partial_match: false
        auto_confirm_partial_match: false
        auto_confirm_exact_match: true
        auto_confirm_new_users: false
        auto_activate_new_users: true
`);
    // Okta's defaults of a connection that never had its features changed are exported too.
    const zscaler = result.files.find((file) => file.connection.appId === ZSCALER)!;
    expect(zscaler.content).toContain('    to_app:\n      create_users: false\n');
    expect(zscaler.content).not.toContain('to_okta');
    const slack = result.files.find((file) => file.connection.appId === SLACK)!;
    expect(slack.connection.features).toBeUndefined();
    const featureReads = sim.requests.filter((request) => request.path.endsWith('/features'));
    expect(featureReads.map((request) => request.path).sort()).toEqual(
      [HUB, SLACK, ZSCALER].map((id) => `/api/v1/apps/${id}/features`),
    );

    const folder = await mkdtemp(path.join(tmpdir(), 'oac-export-features-'));
    await writeExportFiles(folder, result.files);
    const loaded = await loadDefinitions(folder, folder);
    expect(loaded.problems).toEqual([]);
    const env = { ZSCALER_TOKEN: 'z' };
    const resolved = resolveDefinitions(loaded.definitions, env);
    expect(resolved.problems).toEqual([]);
    const plan = await planConnections(client, resolved.connections, { orgUrl: sim.url, path: folder, env });
    expect(plan.connections.filter((c) => c.operations.length > 0 || c.error)).toEqual([]);
    expect(sim.writes()).toEqual([]);
  });

  it('leaves out values that would not validate, and says why', () => {
    expect(
      exportableValues({
        'to_okta.username_format': 'CUSTOM',
        'to_okta.schedule.full_import.timezone': 'Europe/Berlin',
        'to_okta.schedule.incremental_import.cron': 'every hour',
        'to_okta.schedule.incremental_import.timezone': 'Nowhere/Special',
      }),
    ).toEqual({
      values: {},
      notes: [
        'to_okta.schedule.incremental_import.cron is left out: Okta\'s value "every hour" is not a UNIX cron schedule of 5 fields (minute hour day month weekday), e.g. "0 21 * * Mon".',
        'to_okta.schedule.incremental_import.timezone is left out: Okta\'s value "Nowhere/Special" is not an IANA time zone; write one such as Europe/Berlin or America/New_York.',
        'to_okta.schedule.full_import.timezone is left out: Okta has no cron for that schedule.',
        'to_okta.username_format (CUSTOM) is left out: `to_okta.username_format: CUSTOM` needs `username_expression`: the Okta Expression Language statement that makes the username, e.g. `appuser.email`.',
      ],
    });
  });
});
