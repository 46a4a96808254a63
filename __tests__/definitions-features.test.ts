import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDefinitions } from '../src/definitions/env.js';
import { loadDefinitions } from '../src/definitions/load.js';

/** Loads one definition file the way validate does and returns `line:column message` per problem. */
async function load(yaml: string, visibleEnv: string[] = []) {
  const root = await mkdtemp(path.join(tmpdir(), 'oac-features-'));
  await mkdir(path.join(root, 'okta/connections'), { recursive: true });
  await writeFile(path.join(root, 'okta/connections/f.yaml'), yaml);
  const loaded = await loadDefinitions('okta/connections', root, { visibleEnv });
  return {
    ...loaded,
    lines: loaded.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`),
  };
}

const HEAD = `connections:
  - id: 0oa5org2orghub00001
    action: activate
    profile: { auth_scheme: OAUTH2, client_id: 0oa5hubservice00001 }
`;

describe('to_app and to_okta in definitions', () => {
  it('accepts the contract example and flattens the declared settings by path', async () => {
    const { problems, definitions } = await load(
      HEAD +
        `    to_app:
      create_users: true
      update_user_attributes: true
      deactivate_users: false
      sync_password: { enabled: true, seed: OKTA, change: CHANGE }
    to_okta:
      username_format: EMAIL
      schedule:
        enabled: true
        full_import: { cron: "0 21 * * Mon", timezone: Europe/Berlin }
        incremental_import: { cron: "0 * * * *", timezone: Europe/Berlin }
      match:
        exact_match_criteria: EMAIL
        allow_partial_match: false
        auto_confirm_partial_match: false
        auto_confirm_exact_match: true
        auto_confirm_new_users: false
        auto_activate_new_users: false
`,
    );
    expect(problems).toEqual([]);
    expect(definitions[0]!.features).toEqual({
      'to_app.create_users': true,
      'to_app.update_user_attributes': true,
      'to_app.deactivate_users': false,
      'to_app.sync_password.enabled': true,
      'to_app.sync_password.seed': 'OKTA',
      'to_app.sync_password.change': 'CHANGE',
      'to_okta.username_format': 'EMAIL',
      'to_okta.schedule.enabled': true,
      'to_okta.schedule.full_import.cron': '0 21 * * Mon',
      'to_okta.schedule.full_import.timezone': 'Europe/Berlin',
      'to_okta.schedule.incremental_import.cron': '0 * * * *',
      'to_okta.schedule.incremental_import.timezone': 'Europe/Berlin',
      'to_okta.match.exact_match_criteria': 'EMAIL',
      'to_okta.match.allow_partial_match': false,
      'to_okta.match.auto_confirm_partial_match': false,
      'to_okta.match.auto_confirm_exact_match': true,
      'to_okta.match.auto_confirm_new_users': false,
      'to_okta.match.auto_activate_new_users': false,
    });
  });

  it('refuses bad values at their line with the exact values, and near-miss keys with a hint', async () => {
    const { lines, definitions } = await load(
      HEAD +
        `    to_app:
      create_users: yes-please
      update_user_attributes: "true"
      deactivat_users: true
      sync_password: { seed: okta }
    to_okta:
      schedule:
        full_import: { cron: "0 21 * *", timezone: Europe/Berlln }
        incremental_import: { timezone: Europe/Berlin }
      match: { exact_match_criteria: mail }
`,
    );
    expect(definitions).toEqual([]);
    expect(lines).toEqual([
      '6:21 error `connections[0].to_app.create_users` must be true or false, or { env: NAME } (got "yes-please").',
      '7:31 error `connections[0].to_app.update_user_attributes` must be true or false, or { env: NAME } (got "true"). Write it without quotes.',
      '8:7 error unknown key `deactivat_users` in `connections[0].to_app`; did you mean `deactivate_users`?',
      '9:30 error `connections[0].to_app.sync_password.seed` must be one of: OKTA, RANDOM, or { env: NAME } (got "okta"); did you mean `OKTA`? Values are case-sensitive.',
      '12:30 error `connections[0].to_okta.schedule.full_import.cron`: "0 21 * *" is not a UNIX cron schedule of 5 fields (minute hour day month weekday), e.g. "0 21 * * Mon".',
      '12:52 error `connections[0].to_okta.schedule.full_import.timezone`: "Europe/Berlln" is not an IANA time zone; write one such as Europe/Berlin or America/New_York.',
      '13:9 error `connections[0].to_okta.schedule.incremental_import.cron` is required; Okta needs the cron of every import schedule, e.g. `cron: "0 21 * * Mon"`.',
      '14:38 error `connections[0].to_okta.match.exact_match_criteria` must be one of: EMAIL, USERNAME, or { env: NAME } (got "mail"); did you mean `EMAIL`? Values are case-sensitive.',
    ]);
  });

  it('username_format CUSTOM needs username_expression, and username_expression needs CUSTOM', async () => {
    const custom = await load(HEAD + '    to_okta:\n      username_format: CUSTOM\n');
    expect(custom.lines).toEqual([
      '6:7 error `connections[0].to_okta.username_format: CUSTOM` needs `username_expression`: the Okta Expression Language statement that makes the username, e.g. `appuser.email`.',
    ]);
    const expression = await load(HEAD + '    to_okta:\n      username_expression: appuser.email\n');
    expect(expression.lines).toEqual([
      '6:7 error `connections[0].to_okta.username_expression` is used only with `username_format: CUSTOM`; set `username_format: CUSTOM` or remove the expression.',
    ]);
    const both = await load(
      HEAD + '    to_okta:\n      username_format: CUSTOM\n      username_expression: appuser.email\n',
    );
    expect(both.problems).toEqual([]);
  });

  it('reads { env } feature values (visible-env only) and checks them like literals', async () => {
    const yaml =
      HEAD +
      `    to_app:
      create_users: { env: CREATE_USERS }
      sync_password: { seed: { env: SEED } }
    to_okta:
      username_format: { env: FORMAT }
      schedule: { full_import: { cron: { env: CRON } } }
`;
    const hidden = await load(yaml, ['CREATE_USERS', 'SEED', 'FORMAT']);
    expect(hidden.lines).toEqual([
      expect.stringMatching(
        /^10:47 error `connections\[0\]\.to_okta\.schedule\.full_import\.cron` reads CRON, which is not listed in the `visible-env` input/,
      ),
    ]);

    const loaded = await load(yaml, ['CREATE_USERS', 'SEED', 'FORMAT', 'CRON']);
    expect(loaded.problems).toEqual([]);
    const bad = resolveDefinitions(loaded.definitions, {
      CREATE_USERS: 'yes-please',
      SEED: 'random',
      FORMAT: 'CUSTOM',
      CRON: '0 21 * *',
    });
    expect(bad.connections).toEqual([]);
    expect(bad.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '6: `to_app.create_users` from CREATE_USERS: must be true or false (got "yes-please").',
      '7: `to_app.sync_password.seed` from SEED: must be one of: OKTA, RANDOM (got "random"); did you mean `RANDOM`? Values are case-sensitive.',
      '10: `to_okta.schedule.full_import.cron` from CRON: "0 21 * *" is not a UNIX cron schedule of 5 fields (minute hour day month weekday), e.g. "0 21 * * Mon".',
      '9: `to_okta.username_format: CUSTOM` needs `username_expression`: the Okta Expression Language statement that makes the username, e.g. `appuser.email`. (username_format from FORMAT)',
    ]);

    const good = resolveDefinitions(loaded.definitions, {
      CREATE_USERS: 'true',
      SEED: 'RANDOM',
      FORMAT: 'EMAIL',
      CRON: '0 21 * * Mon',
    });
    expect(good.problems).toEqual([]);
    expect(good.connections[0]!.features).toEqual({
      'to_app.create_users': true,
      'to_app.sync_password.seed': 'RANDOM',
      'to_okta.username_format': 'EMAIL',
      'to_okta.schedule.full_import.cron': '0 21 * * Mon',
    });
  });
});
