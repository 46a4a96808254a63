import { describe, expect, it } from 'vitest';
import type { ResolvedConnection } from '../src/definitions/env.js';
import type { OktaConnection } from '../src/resources/connection/read.js';
import { planConnections, type ConnectionReader } from '../src/plan/plan.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

const options = { orgUrl: 'https://example.okta.com', path: 'okta/connections', env: { SCIM_TOKEN: 't' } };

function reader(liveById: Record<string, OktaConnection>): ConnectionReader {
  return {
    getApp: async (id) => app(id),
    getConnection: async (id) => liveById[id]!,
    listFeatures: async () => [],
  };
}

const url = (name: string) => `https://${name}.example.com/scim/v2`;

describe('origin of each change: from this pull request or drift in Okta', () => {
  const head = [
    resolvedConnection({ id: '0oachangedbythepr01', baseUrl: url('new') }),
    resolvedConnection({ id: '0oadriftedinokta001', baseUrl: url('same') }),
    resolvedConnection({ id: '0oanewinthispr00001', baseUrl: url('new') }),
    resolvedConnection({ id: '0oadisabledinokta01', baseUrl: url('same') }),
    resolvedConnection({ id: '0oaboththeprandokta', baseUrl: url('new') }),
  ];
  const base = new Map<string, ResolvedConnection>(
    [
      resolvedConnection({ id: '0oachangedbythepr01', baseUrl: url('old') }),
      resolvedConnection({ id: '0oadriftedinokta001', baseUrl: url('same') }),
      resolvedConnection({ id: '0oadisabledinokta01', baseUrl: url('same') }),
      resolvedConnection({ id: '0oaboththeprandokta', baseUrl: url('old') }),
    ].map((connection) => [connection.id, connection]),
  );
  const okta = reader({
    '0oachangedbythepr01': live({ baseUrl: url('old') }),
    '0oadriftedinokta001': live({ baseUrl: url('clicked') }),
    '0oanewinthispr00001': live({ baseUrl: url('old') }),
    '0oadisabledinokta01': live({ baseUrl: url('same'), status: 'DISABLED' }),
    '0oaboththeprandokta': live({ baseUrl: url('clicked') }),
  });

  it('marks a change the base definition also wanted as drift, every other change as the pull request', async () => {
    const plan = await planConnections(okta, head, { ...options, base });
    const origins = Object.fromEntries(
      plan.connections.map((c) => [c.appId, c.changes.map((change) => `${change.field}:${change.origin}`)]),
    );
    expect(origins).toEqual({
      '0oachangedbythepr01': ['base_url:pull-request'],
      '0oadriftedinokta001': ['base_url:drift'],
      '0oanewinthispr00001': ['base_url:pull-request'],
      '0oadisabledinokta01': ['status:drift'],
      '0oaboththeprandokta': ['base_url:pull-request'],
    });
  });

  it('leaves origins out when the base is unknown, and never lets origin or scope change the hash', async () => {
    const withBase = await planConnections(okta, head, {
      ...options,
      base,
      scope: { mode: 'changed', base: 'a'.repeat(40), head: 'b'.repeat(40), unread: 295 },
    });
    const withoutBase = await planConnections(okta, head, options);
    expect(withoutBase.connections.flatMap((c) => c.changes).some((change) => 'origin' in change)).toBe(
      false,
    );
    expect(withoutBase.scope).toBeUndefined();
    expect(withBase.scope).toEqual({
      mode: 'changed',
      base: 'a'.repeat(40),
      head: 'b'.repeat(40),
      unread: 295,
    });
    expect(withBase.hash).toBe(withoutBase.hash);
  });
});

describe('a secret read from another variable than at the base commit', () => {
  it('is sent: Okta never returns secrets, so only the definitions can tell that it is new', async () => {
    const id = '0oanewtokensource01';
    const headDefinition = resolvedConnection({
      id,
      baseUrl: url('same'),
      writeOnly: { token: { env: 'NEW_TOKEN' } },
    });
    const okta = reader({ [id]: live({ baseUrl: url('same') }) });
    const env = { ...options.env, NEW_TOKEN: 'n' };
    const renamed = new Map([[id, resolvedConnection({ id, baseUrl: url('same') })]]);
    const plan = await planConnections(okta, [headDefinition], { ...options, env, base: renamed });
    expect(plan.connections[0]).toMatchObject({ operations: ['configure'], rotation: true });
    expect(plan.connections[0]!.writeOnly).toEqual([{ field: 'token', env: 'NEW_TOKEN', present: true }]);

    const same = new Map([[id, headDefinition]]);
    const unchanged = await planConnections(okta, [headDefinition], { ...options, env, base: same });
    expect(unchanged.connections[0]!.operations).toEqual([]);
    const withoutBase = await planConnections(okta, [headDefinition], { ...options, env });
    expect(withoutBase.connections[0]!.operations).toEqual([]);
  });
});
