import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { expectNoSecrets, planComments, startE2E, type E2E } from './helpers/e2e.js';
import { validateRequestBody } from './helpers/openapi.js';
import { makeWorkspace, runAction } from './helpers/run-action.js';
import {
  CONSOLE_INBOUND_PROVISIONING,
  CONSOLE_USER_PROVISIONING,
  consoleFeatures,
  org2orgOAuthHub,
  org2orgToken,
} from './helpers/sim-fixtures.js';

/**
 * End to end, the action run as the runner does against the simulator: provisioning features (`to_app`,
 * `to_okta`) from the pull request's plan to the merge's apply, drift, validation and export.
 * examples/connections declares features for the new Org2Org connection (planned against Okta's defaults)
 * and for Zscaler (which already has them in the sample org).
 */
const HUB = '0oa5org2orghub00001';
const ZSCALER = '0oa5zscalerprod0001';

let e2e: E2E | undefined;
let sim: OktaSim | undefined;
afterEach(async () => {
  await e2e?.close();
  await sim?.close();
  e2e = undefined;
  sim = undefined;
});

describe('provisioning features through the action', () => {
  it('plans them on the PR, applies them on merge after the new connection is configured, then converges', async () => {
    e2e = await startE2E();
    const pr = await e2e.pullRequest();
    expect(pr.code, pr.stdout + pr.stderr).toBe(0);
    expect(pr.outputs).toMatchObject({ 'to-configure': '2', 'to-update-features': '1' });
    const comment = planComments(e2e.github)[0]!.body;
    for (const line of [
      'to_app.create_users: `false` → `true`',
      'to_app.sync_password.seed: `RANDOM` → `OKTA`',
      'to_okta.schedule.incremental_import.cron: not set → `0 * * * *`',
      'to_okta.match.auto_confirm_exact_match: `false` → `true`',
    ]) {
      expect(comment).toContain(line);
    }
    // Declared values equal to Okta's are neither shown nor sent.
    expect(comment).not.toContain('to_okta.username_format');
    expect(comment).not.toContain('to_okta.match.allow_partial_match');
    expect(e2e.sim.writes()).toEqual([]);

    e2e.merge();
    const merged = await e2e.push();
    expect(merged.code, merged.stdout + merged.stderr).toBe(0);
    expect(merged.outputs).toMatchObject({ 'plan-hash': pr.outputs['plan-hash'], failed: '0' });

    const hubWrites = e2e.sim.writes().filter((r) => r.path.startsWith(`/api/v1/apps/${HUB}/`));
    expect(hubWrites.map((r) => `${r.method} ${r.path.slice(`/api/v1/apps/${HUB}/`.length)}`)).toEqual([
      'POST connections/default',
      'PUT features/USER_PROVISIONING',
      'PUT features/INBOUND_PROVISIONING',
    ]);
    // Each touched section whole: Okta's values (here its defaults after the configure) with the declared over them.
    expect(hubWrites[1]!.body).toEqual({
      create: { lifecycleCreate: { status: 'ENABLED' } },
      update: {
        profile: { status: 'ENABLED' },
        lifecycleDeactivate: { status: 'ENABLED' },
        password: { status: 'ENABLED', seed: 'OKTA', change: 'CHANGE' },
      },
    });
    expect(hubWrites[2]!.body).toEqual({
      importSettings: {
        username: { userNameFormat: 'EMAIL' },
        schedule: {
          status: 'ENABLED',
          fullImport: { expression: '0 21 * * Mon', timezone: 'Europe/Berlin' },
          incrementalImport: { expression: '0 * * * *', timezone: 'Europe/Berlin' },
        },
      },
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
    for (const put of hubWrites.slice(1)) expect(validateRequestBody(put.path, 'PUT', put.body)).toEqual([]);
    expect(e2e.sim.writes().filter((r) => r.path.startsWith(`/api/v1/apps/${ZSCALER}/features`))).toEqual([]);
    expect(merged.summary).toMatch(/Partner hub .*✅ configured \+ activated \+ features updated/);
    await expectNoSecrets(merged, e2e.secrets);

    // The next run finds Okta as defined: no change, no write.
    const writes = e2e.sim.writes().length;
    const again = await e2e.dispatch({ command: 'plan' });
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({ changes: 'false', 'to-update-features': '0' });
    expect(e2e.sim.writes()).toHaveLength(writes);
  });

  it.each(['replace-sections', 'merge'] as const)(
    'one declared setting and a username format reach an Okta that says userNameFormat (PUT: %s); nothing else moves',
    async (featureUpdates) => {
      const legacy = '0oa5org2orglegacy01';
      const definitions = await mkdtemp(path.join(tmpdir(), 'oac-features-'));
      await writeFile(
        path.join(definitions, 'legacy.yaml'),
        [
          'connections:',
          `  - id: ${legacy}`,
          '    base_url: https://legacy-partner.okta.com',
          '    action: activate',
          '    profile: { auth_scheme: TOKEN, token: { env: LEGACY_PARTNER_TOKEN } }',
          '    to_app: { deactivate_users: true }',
          '    to_okta: { username_format: CUSTOM, username_expression: appuser.login }',
          '',
        ].join('\n'),
      );
      e2e = await startE2E({
        definitions,
        sim: {
          featureUpdates,
          // Set in the Admin Console, nothing at Okta's defaults; real Okta's spelling and nulls.
          apps: [org2orgToken(legacy, { features: consoleFeatures() })],
        },
      });
      const pr = await e2e.pullRequest();
      expect(pr.code, pr.stdout + pr.stderr).toBe(0);
      const comment = planComments(e2e.github)[0]!.body;
      expect(comment).toContain('to_okta.username_format: `EMAIL` → `CUSTOM`');
      expect(comment).toContain('to_app.deactivate_users: `false` → `true`');
      e2e.merge();
      const merged = await e2e.push();
      expect(merged.code, merged.stdout + merged.stderr).toBe(0);
      expect(merged.outputs).toMatchObject({ failed: '0', 'plan-hash': pr.outputs['plan-hash'] });

      const puts = e2e.sim.writes().filter((r) => r.method === 'PUT');
      expect(puts.map((r) => r.path.split('/').pop())).toEqual(['USER_PROVISIONING', 'INBOUND_PROVISIONING']);
      expect(JSON.stringify(puts.map((r) => r.body))).not.toContain('usernameFormat');
      expect(e2e.sim.apps.get(legacy)!.features).toEqual({
        USER_PROVISIONING: {
          ...CONSOLE_USER_PROVISIONING,
          update: { ...CONSOLE_USER_PROVISIONING.update, lifecycleDeactivate: { status: 'ENABLED' } },
        },
        INBOUND_PROVISIONING: {
          ...CONSOLE_INBOUND_PROVISIONING,
          importSettings: {
            ...CONSOLE_INBOUND_PROVISIONING.importSettings,
            username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' },
          },
        },
      });
      const again = await e2e.dispatch({ command: 'plan' });
      expect(again.outputs).toMatchObject({ changes: 'false', 'to-update-features': '0' });
    },
  );

  it('shows feature drift on a scheduled run like connection drift', async () => {
    e2e = await startE2E();
    const zscaler = e2e.sim.apps.get(ZSCALER)!.features!.USER_PROVISIONING as {
      create: { lifecycleCreate: { status: string } };
    };
    zscaler.create.lifecycleCreate.status = 'DISABLED'; // someone clicked in the console
    const run = await runAction({
      workspace: e2e.workspace,
      eventName: 'schedule',
      payload: { schedule: '17 6 * * *' },
      inputs: { 'okta-org-url': e2e.sim.url, 'okta-api-token': e2e.sim.apiToken },
      env: {},
    });
    expect(run.outputs).toMatchObject({ changes: 'true', 'to-update-features': '2' });
    expect(run.summary).toMatch(/Zscaler production .*to_app\.create_users: `false` → `true`/);
    expect(e2e.sim.writes()).toEqual([]);
  });

  it('warns at plan time that the features of a connection to deactivate are not written', async () => {
    sim = await startOktaSim({
      apps: [org2orgToken('0oa5org2orglegacy01')],
    });
    const workspace = await makeWorkspace({
      'okta/connections/legacy.yaml': [
        'connections:',
        '  - id: 0oa5org2orglegacy01',
        '    base_url: https://legacy-partner.okta.com',
        '    action: deactivate',
        '    profile: { auth_scheme: TOKEN, token: { env: LEGACY_TOKEN } }',
        '    to_app: { create_users: true }',
        '',
      ].join('\n'),
    });
    const run = await runAction({
      workspace,
      inputs: { command: 'plan', 'okta-org-url': sim.url, 'okta-api-token': sim.apiToken },
      env: { LEGACY_TOKEN: 'legacy-token-0123456789' },
    });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'okta/connections/legacy.yaml:4:5: warning: `connections[0]` has `action: deactivate`, so its provisioning features (`to_app`) are neither compared nor written',
    );
    expect(run.summary).toContain('neither compared nor written');
    expect(run.outputs).toMatchObject({ 'to-deactivate': '1', 'to-update-features': '0' });
    expect(sim.requests.filter((r) => r.path.includes('/features'))).toEqual([]);
  });

  it('refuses a bad value at its line without reading Okta', async () => {
    sim = await startOktaSim({});
    const workspace = await makeWorkspace({
      'okta/connections/hub.yaml': [
        'connections:',
        '  - id: 0oa5org2orghub00001',
        '    action: activate',
        '    profile: { auth_scheme: OAUTH2, client_id: 0oa5hubservice00001 }',
        '    to_app:',
        '      create_users: yes-please',
        '    to_okta:',
        '      match: { exact_match_critera: EMAIL }',
        '',
      ].join('\n'),
    });
    const run = await runAction({
      workspace,
      inputs: { command: 'plan', 'okta-org-url': sim.url, 'okta-api-token': sim.apiToken },
    });
    expect(run.code).toBe(1);
    const errors = run.annotations.filter((a) => a.level === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'okta/connections/hub.yaml',
          line: 6,
          message: expect.stringContaining(
            '`connections[0].to_app.create_users` must be true or false, or { env: NAME } (got "yes-please").',
          ),
        }),
        expect.objectContaining({
          file: 'okta/connections/hub.yaml',
          line: 8,
          message: expect.stringContaining('did you mean `exact_match_criteria`?'),
        }),
      ]),
    );
    expect(sim.requests).toEqual([]);
  });

  it('exports a connection with its features, and the export plans with no change', async () => {
    const apps: SimApp[] = [
      org2orgOAuthHub(HUB, {
        features: {
          INBOUND_PROVISIONING: {
            importSettings: {
              username: { userNameFormat: 'CUSTOM', userNameExpression: 'appuser.login' },
              schedule: {
                status: 'ENABLED',
                fullImport: { expression: '0 3 * * *', timezone: 'Asia/Tokyo' },
              },
            },
            importRules: {
              userCreateAndMatch: {
                exactMatchCriteria: 'USERNAME',
                allowPartialMatch: true,
                autoConfirmPartialMatch: false,
                autoConfirmExactMatch: true,
                autoConfirmNewUsers: true,
                autoActivateNewUsers: false,
              },
            },
          },
        },
      }),
    ];
    sim = await startOktaSim({ apps });
    const workspace = await makeWorkspace({ 'README.md': '# okta config\n' });
    const inputs = { 'okta-org-url': sim.url, 'okta-api-token': sim.apiToken, path: 'okta/connections' };
    const exported = await runAction({ workspace, inputs: { ...inputs, command: 'export' } });
    expect(exported.code, exported.stdout + exported.stderr).toBe(0);
    const file = await readFile(path.join(workspace, 'okta/connections/partner-hub.yaml'), 'utf8');
    expect(file).toContain(
      [
        '    to_okta:',
        '      username_format: CUSTOM',
        '      username_expression: appuser.login',
        '      schedule:',
        '        enabled: true',
        '        full_import:',
        '          cron: 0 3 * * *',
        '          timezone: Asia/Tokyo',
        '      match:',
        '        exact_match_criteria: USERNAME',
        '        allow_partial_match: true',
      ].join('\n'),
    );
    expect(file).toContain('    to_app:\n      create_users: false\n');

    const plan = await runAction({ workspace, inputs: { ...inputs, command: 'plan' } });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.outputs).toMatchObject({ changes: 'false', 'to-update-features': '0', unchanged: '1' });
    expect(sim.writes()).toEqual([]);
  });
});
