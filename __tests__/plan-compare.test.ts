import { describe, expect, it } from 'vitest';
import { compareConnection } from '../src/resources/connection/compare.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

const env = { SCIM_TOKEN: 'value' };
const plan = (
  connection: ReturnType<typeof resolvedConnection>,
  current = live(),
  kind = 'zscalerbyz',
  rotate = false,
) => compareConnection({ connection, app: app(connection.id, kind), live: current, rotate, env });

describe('compareConnection', () => {
  it('plans nothing when the live connection matches', () => {
    const result = plan(
      resolvedConnection({ id: '0oa1234567890abcdef', baseUrl: 'https://a.example.com' }),
      live({ baseUrl: 'https://a.example.com' }),
    );
    expect(result.operations).toEqual([]);
    expect(result.changes).toEqual([]);
    expect(result.writeOnly).toEqual([]);
  });

  it('configures a changed base_url and says the token will be set', () => {
    const result = plan(
      resolvedConnection({ id: '0oa1234567890abcdef', baseUrl: 'https://new.example.com' }),
      live({ baseUrl: 'https://old.example.com' }),
    );
    expect(result.operations).toEqual(['configure']);
    expect(result.changes).toEqual([
      { field: 'base_url', before: 'https://old.example.com', after: 'https://new.example.com' },
    ]);
    expect(result.writeOnly).toEqual([{ field: 'token', env: 'SCIM_TOKEN', present: true }]);
  });

  it('sets up a connection that is not set up: configure then activate', () => {
    const result = plan(
      resolvedConnection({ id: '0oa1234567890abcdef' }),
      live({ status: 'UNKNOWN', authScheme: 'UNKNOWN' }),
    );
    expect(result.operations).toEqual(['configure', 'activate']);
    expect(result.changes[0]).toEqual({ field: 'status', before: null, after: 'ENABLED' });
    expect(result.changes[1]).toEqual({ field: 'auth_scheme', before: null, after: 'TOKEN' });
  });

  it('deactivates before configuring when the target is deactivate', () => {
    const result = plan(
      resolvedConnection({
        id: '0oa1234567890abcdef',
        action: 'deactivate',
        baseUrl: 'https://new.example.com',
      }),
      live({ baseUrl: 'https://old.example.com' }),
    );
    expect(result.operations).toEqual(['deactivate', 'configure']);
  });

  it('only activates when only the status differs, and sends no secret', () => {
    const result = plan(resolvedConnection({ id: '0oa1234567890abcdef' }), live({ status: 'DISABLED' }));
    expect(result.operations).toEqual(['activate']);
    expect(result.writeOnly).toEqual([]);
  });

  it('does not compare client_id when Okta does not return one', () => {
    const connection = resolvedConnection({
      id: '0oa1234567890abcdef',
      authScheme: 'OAUTH2',
      clientId: '0oahub123456789',
    });
    const result = plan(connection, live({ authScheme: 'OAUTH2', rotationMode: 'MANUAL' }), 'okta_org2org');
    expect(result.operations).toEqual([]);
    const changed = plan(
      connection,
      live({ authScheme: 'OAUTH2', clientId: '0oaother12345678' }),
      'okta_org2org',
    );
    expect(changed.changes).toEqual([
      { field: 'client_id', before: '0oaother12345678', after: '0oahub123456789' },
    ]);
  });

  it('rotates secrets only when asked, and marks it as a rotation', () => {
    const result = plan(resolvedConnection({ id: '0oa1234567890abcdef' }), live(), 'zscalerbyz', true);
    expect(result.operations).toEqual(['configure']);
    expect(result.rotation).toBe(true);
    expect(result.writeOnly.map((value) => value.field)).toEqual(['token']);
  });

  it('reports a missing secret variable without failing the plan', () => {
    const result = compareConnection({
      connection: resolvedConnection({ id: '0oa1234567890abcdef' }),
      app: app('0oa1234567890abcdef'),
      live: live({ status: 'UNKNOWN', authScheme: 'UNKNOWN' }),
      rotate: false,
      env: {},
    });
    expect(result.writeOnly).toEqual([{ field: 'token', env: 'SCIM_TOKEN', present: false }]);
  });

  it.each([
    ['bookmark', 'TOKEN', {}, 'unsupported-app'],
    ['office365', 'TOKEN', {}, 'unsupported-auth-scheme'],
    ['okta_org2org', 'OAUTH2', {}, 'missing-client-id'],
    ['office365', 'OAUTH2', {}, 'missing-settings'],
  ] as const)('app kind rule: %s with %s → %s', (kind, authScheme, extra, code) => {
    const connection = resolvedConnection({ id: '0oa1234567890abcdef', authScheme, ...extra });
    const result = plan(connection, live(), kind);
    expect(result.error?.code).toBe(code);
    expect(result.operations).toEqual([]);
  });

  it('refuses signing outside Org2Org', () => {
    const connection = resolvedConnection({
      id: '0oa1234567890abcdef',
      authScheme: 'OAUTH2',
      rotationMode: 'AUTO',
    });
    connection.definition.profile.signing = { rotationMode: 'AUTO' };
    expect(plan(connection, live(), 'google').error?.code).toBe('signing-not-supported');
  });
});
