import { describe, expect, it } from 'vitest';
import { compareConnection } from '../src/resources/connection/compare.js';
import { canonicalJson, connectionChangeHash, planHash } from '../src/plan/hash.js';
import type { ConnectionPlan } from '../src/plan/model.js';
import { assemblePlan } from '../src/plan/plan.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

const options = { orgUrl: 'https://example.okta.com', path: 'okta/connections' };

function planFor(
  baseUrls: Record<string, string>,
  liveBaseUrl = 'https://old.example.com',
  env: Record<string, string> = { SCIM_TOKEN: 'a' },
) {
  const planned = Object.entries(baseUrls).map(([id, baseUrl]) =>
    compareConnection({
      connection: resolvedConnection({ id, baseUrl }),
      app: app(id),
      live: live({ baseUrl: liveBaseUrl }),
      rotate: false,
      env,
    }),
  );
  return assemblePlan(planned, options);
}

describe('plan hash', () => {
  const ids = {
    '0oa1111111111111111': 'https://a.example.com',
    '0oa2222222222222222': 'https://b.example.com',
    '0oa3333333333333333': 'https://old.example.com',
  };

  it('is a sha256 hex digest, the same for the same inputs in any order', () => {
    const first = planFor(ids);
    const reversed = planFor(Object.fromEntries(Object.entries(ids).reverse()));
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(reversed.hash).toBe(first.hash);
  });

  it('does not depend on names, positions, secret values or whether a secret is set in this run', () => {
    const withSecret = planFor(ids, undefined, { SCIM_TOKEN: 'one' });
    const otherSecret = planFor(ids, undefined, { SCIM_TOKEN: 'two' });
    const noSecret = planFor(ids, undefined, {});
    expect(otherSecret.hash).toBe(withSecret.hash);
    expect(noSecret.hash).toBe(withSecret.hash);
  });

  it('changes when any planned value changes', () => {
    const base = planFor(ids).hash;
    expect(planFor({ ...ids, '0oa1111111111111111': 'https://a2.example.com' }).hash).not.toBe(base);
    expect(planFor(ids, 'https://older.example.com').hash).not.toBe(base);
    expect(planFor({ ...ids, '0oa4444444444444444': 'https://d.example.com' }).hash).not.toBe(base);
  });

  it('ignores connections without operations', () => {
    const base = planFor(ids).hash;
    expect(planFor({ ...ids, '0oa5555555555555555': 'https://old.example.com' }).hash).toBe(base);
  });

  it('changes with the secret variable a configure reads', () => {
    const a = compareConnection({
      connection: resolvedConnection({ id: '0oa1111111111111111', baseUrl: 'https://x.example.com' }),
      app: app('0oa1111111111111111'),
      live: live(),
      rotate: false,
      env: {},
    });
    const b = structuredClone(a);
    b.writeOnly = [{ field: 'token', env: 'OTHER_TOKEN', present: false }];
    expect(assemblePlan([a], options).hash).not.toBe(assemblePlan([b], options).hash);
  });

  it('canonical JSON sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('is the same for the same plan from one release to the next', () => {
    // A merge applies only the plan whose hash was reviewed on the pull request, and the hash is
    // recomputed by the release that runs the apply. A release that hashes the same plan differently makes
    // every reviewed plan in flight stale and blocks its apply: change this literal only with a deliberate,
    // versioned change of the hash (and say so in the changelog).
    const source = { file: 'okta/connections/apps.yaml', line: 1, column: 1 };
    const unchanged = {
      writeOnly: [],
      rotation: false,
      consentApp: false,
      source,
      action: 'activate' as const,
    };
    const plan: ConnectionPlan[] = [
      {
        ...unchanged,
        appId: '0oa2222222222222222',
        name: 'Features only',
        operations: ['update-features'],
        changes: [],
        features: [{ field: 'to_app.create_users', before: 'false', after: 'true', origin: 'pull-request' }],
      },
      {
        ...unchanged,
        appId: '0oa1111111111111111',
        name: 'Configure and activate',
        operations: ['configure', 'activate'],
        changes: [
          { field: 'status', before: 'DISABLED', after: 'ENABLED' },
          { field: 'base_url', before: null, after: 'https://a.example.com', origin: 'drift' },
        ],
        writeOnly: [{ field: 'token', env: 'SCIM_TOKEN', present: false }],
        rotation: true,
      },
      {
        ...unchanged,
        appId: '0oa3333333333333333',
        name: 'Not found',
        operations: [],
        changes: [],
        error: { message: 'not found', code: 'app-not-found', status: 404 },
      },
      { ...unchanged, appId: '0oa4444444444444444', name: 'Nothing to do', operations: [], changes: [] },
    ];
    expect(planHash(plan)).toBe('5f8044fb4aac22b9fd91876dbdc9b380f81d2dd784e2295c01aced763e54c058');
  });
});

describe('connectionChangeHash', () => {
  const ids = {
    '0oa1111111111111111': 'https://a.example.com',
    '0oa3333333333333333': 'https://old.example.com',
  };

  it('hashes one connection as the plan hash does: its change, not its neighbours, names or secrets', () => {
    const hashes = (plan: ReturnType<typeof planFor>) =>
      Object.fromEntries(plan.connections.map((c) => [c.appId, connectionChangeHash(c)]));
    const first = hashes(planFor(ids));
    expect(hashes(planFor({ ...ids, '0oa2222222222222222': 'https://b.example.com' }))).toMatchObject(first);
    expect(hashes(planFor(ids, undefined, { SCIM_TOKEN: 'another-value' }))).toEqual(first);
    // The unchanged connection has a hash too, and a change to it shows.
    expect(first['0oa3333333333333333']).toMatch(/^[0-9a-f]{64}$/);
    const drifted = hashes(planFor(ids, 'https://drifted.example.com'));
    expect(drifted['0oa3333333333333333']).not.toBe(first['0oa3333333333333333']);
    expect(drifted['0oa1111111111111111']).not.toBe(first['0oa1111111111111111']);
  });
});
