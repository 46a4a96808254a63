import { describe, expect, it } from 'vitest';
import { applyPlan, type ConnectionWriter } from '../src/resources/connection/apply.js';
import { connectionRequest } from '../src/resources/connection/request.js';
import { OktaApiError } from '../src/okta/errors.js';
import { type OktaApp } from '../src/okta/types.js';
import { parseConnectionJwks, type OktaConnection } from '../src/resources/connection/read.js';
import { planConnections } from '../src/plan/plan.js';
import { SecretRegistry } from '../src/secrets.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

/** Unit tests for the parts of the apply flow that the end-to-end tests cannot reach with the simulator. */

const ID = '0oa1234567890abcdef';
const env = { SCIM_TOKEN: 'token-value-1234' };
const options = { orgUrl: 'https://example.okta.com', path: 'okta/connections', env };

const notFound = () =>
  new OktaApiError('Okta answered 404 E0000007', { status: 404, method: 'GET', path: '/x' });

/** A reader/writer whose answers the test decides; it records every call. */
function fakeOkta(answers: {
  app?: () => Promise<OktaApp>;
  connection?: () => Promise<OktaConnection>;
  configure?: () => Promise<OktaConnection>;
  activate?: () => Promise<void>;
}) {
  const calls: string[] = [];
  const okta: ConnectionWriter = {
    getApp: async (id) => (answers.app ? answers.app() : app(id)),
    getConnection: async () => {
      calls.push('read');
      return answers.connection ? answers.connection() : live();
    },
    updateConnection: async (_id, _body, opts) => {
      calls.push(opts?.activate ? 'configure?activate' : 'configure');
      return answers.configure ? answers.configure() : live();
    },
    activateConnection: async () => {
      calls.push('activate');
      if (answers.activate) await answers.activate();
    },
    deactivateConnection: async () => void calls.push('deactivate'),
    listFeatures: async () => [],
    updateFeature: async () => {
      throw new Error('these definitions declare no provisioning features');
    },
    connectionJwksUrl: (id) => `https://example.okta.com/api/v1/apps/${id}/connections/default/jwks`,
    getConnectionJwks: async () => {
      calls.push('jwks');
      return [];
    },
  };
  return { okta, calls };
}

describe('plan: a connection Okta cannot read', () => {
  it('of a supported app that exists: says the app exists and its connection cannot be managed', async () => {
    const { okta } = fakeOkta({ connection: () => Promise.reject(notFound()) });
    const plan = await planConnections(okta, [resolvedConnection({ id: ID })], options);
    expect(plan.connections[0]!.error).toMatchObject({ code: 'connection-not-found', status: 404 });
    expect(plan.connections[0]!.error!.message).toMatch(
      /^app "App 0oa1234567890abcdef" \(zscalerbyz\) exists, but Okta answers 404 for its provisioning connection/,
    );
  });

  it('of an app kind without a manageable connection: the unsupported-app message wins', async () => {
    const { okta } = fakeOkta({
      app: async () => app(ID, 'bookmark', 'Intranet'),
      connection: () => Promise.reject(notFound()),
    });
    const plan = await planConnections(okta, [resolvedConnection({ id: ID })], options);
    expect(plan.connections[0]!.error).toMatchObject({ code: 'unsupported-app' });
  });

  it('when the app itself is missing: does not exist', async () => {
    const { okta } = fakeOkta({
      app: () => Promise.reject(notFound()),
      connection: () => Promise.reject(notFound()),
    });
    const plan = await planConnections(okta, [resolvedConnection({ id: ID })], options);
    expect(plan.connections[0]!.error).toMatchObject({ code: 'app-not-found' });
    expect(plan.connections[0]!.error!.message).toMatch(/does not exist in this org/);
  });
});

describe('plan: rotate-secrets', () => {
  it('configures connections with a secret and lists the others as skipped', async () => {
    const oauth = resolvedConnection({ id: '0oaoauth000000000001', authScheme: 'OAUTH2', clientId: 'c1' });
    const { okta } = fakeOkta({});
    okta.getApp = async (id) => app(id, id === oauth.id ? 'okta_org2org' : 'zscalerbyz', `App ${id}`);
    okta.getConnection = async (id) =>
      id === oauth.id ? live({ authScheme: 'OAUTH2', clientId: 'c1', rotationMode: 'AUTO' }) : live();
    const plan = await planConnections(okta, [resolvedConnection({ id: ID }), oauth], {
      ...options,
      rotateSecrets: 'all',
    });
    expect(plan.connections.map((c) => [c.appId, c.operations, c.rotation])).toEqual([
      [ID, ['configure'], true],
      [oauth.id, [], false],
    ]);
    expect(plan.rotationSkipped).toEqual([{ appId: oauth.id, name: `App ${oauth.id}` }]);
  });
});

describe('apply: consent apps and refusals', () => {
  const google = resolvedConnection({ id: ID, authScheme: 'OAUTH2' });
  const planFor = async (current: OktaConnection, okta: ConnectionWriter) => {
    okta.getApp = async (id) => app(id, 'google', 'Google');
    const reader = { ...okta, getConnection: async () => current };
    return planConnections(reader, [google], options);
  };

  it('a consented, enabled consent app: a configure answered ENABLED (link or not) is applied', async () => {
    const { okta, calls } = fakeOkta({
      configure: async () => live({ authScheme: 'OAUTH2', authorizeUrl: 'https://consent.example.com/x' }),
    });
    const plan = await planFor(live({ authScheme: 'OAUTH2', status: 'DISABLED' }), okta);
    plan.connections[0]!.operations = ['configure'];
    const report = await applyPlan(okta, plan, [google], { env, secrets: new SecretRegistry() });
    expect(report.results[0]).toMatchObject({ status: 'applied', done: ['configure'] });
    expect(calls).toEqual(['configure']);
  });

  it('an activation refused for lack of permission is a failure, not consent needed', async () => {
    const forbidden = new OktaApiError('Okta answered 403 E0000006', {
      status: 403,
      method: 'POST',
      path: '/x',
    });
    const { okta, calls } = fakeOkta({
      activate: () => Promise.reject(forbidden),
      connection: async () =>
        live({ authScheme: 'OAUTH2', status: 'DISABLED', authorizeUrl: 'https://c.example.com' }),
    });
    const plan = await planFor(live({ authScheme: 'OAUTH2', status: 'DISABLED' }), okta);
    const report = await applyPlan(okta, plan, [google], { env, secrets: new SecretRegistry() });
    expect(report.results[0]!.status).toBe('failed');
    expect(report).toMatchObject({ applied: 0, failed: 1, consentNeeded: 0 });
    expect(calls).toEqual(['activate']);
  });

  it('a refused activation whose re-read shows no consent link stays a failure', async () => {
    const refused = new OktaApiError('Okta answered 400 E0000001', {
      status: 400,
      method: 'POST',
      path: '/x',
    });
    const { okta } = fakeOkta({
      activate: () => Promise.reject(refused),
      connection: async () => live({ authScheme: 'OAUTH2', status: 'DISABLED' }),
    });
    const plan = await planFor(live({ authScheme: 'OAUTH2', status: 'DISABLED' }), okta);
    const report = await applyPlan(okta, plan, [google], { env, secrets: new SecretRegistry() });
    expect(report.results[0]!.status).toBe('failed');
  });
});

describe('the configure body: Org2Org signing', () => {
  const org2org = (rotationMode?: 'AUTO' | 'MANUAL') =>
    resolvedConnection({
      id: ID,
      authScheme: 'OAUTH2',
      clientId: 'c1',
      ...(rotationMode && { rotationMode }),
    });

  it('sends signing only from the definition or the live connection, never a default', () => {
    const body = (rotationMode?: 'AUTO' | 'MANUAL', current?: OktaConnection) =>
      connectionRequest(org2org(rotationMode), 'okta_org2org', {}, current).profile;
    expect(body()).toEqual({ authScheme: 'OAUTH2', clientId: 'c1' });
    expect(body(undefined, live({ authScheme: 'OAUTH2' }))).not.toHaveProperty('signing');
    expect(body(undefined, live({ authScheme: 'OAUTH2', rotationMode: 'AUTO' }))).toMatchObject({
      signing: { rotationMode: 'AUTO' },
    });
    expect(body('MANUAL', live({ authScheme: 'OAUTH2', rotationMode: 'AUTO' }))).toMatchObject({
      signing: { rotationMode: 'MANUAL' },
    });
  });
});

describe('parseConnectionJwks', () => {
  it('keeps only public members of each key, from the first five entries', () => {
    const key = {
      kid: 'k1',
      kty: 'RSA',
      e: 'AQAB',
      n: 'abc',
      d: 'PRIVATE',
      p: 'PRIVATE',
      use: 'sig',
      x5c: ['x'],
    };
    const keys = parseConnectionJwks({
      jwks: { keys: [key, 'junk', { kid: 'no-kty' }, ...Array(9).fill(key)] },
    });
    expect(keys).toHaveLength(3);
    expect(keys[0]).toEqual({ kid: 'k1', jwk: { kid: 'k1', kty: 'RSA', e: 'AQAB', n: 'abc', use: 'sig' } });
    expect(JSON.stringify(keys)).not.toContain('PRIVATE');
  });

  it('refuses an answer that is not a JWKS', () => {
    expect(() => parseConnectionJwks({ keys: [] })).toThrow(/jwks/);
  });
});

describe('apply: a plan entry without its definition', () => {
  it('fails and writes nothing, instead of passing as unchanged', async () => {
    const connection = resolvedConnection({ id: ID, baseUrl: 'https://scim.example.com/v2' });
    const { okta, calls } = fakeOkta({
      connection: async () => live({ baseUrl: 'https://old.example.com' }),
    });
    const plan = await planConnections(okta, [connection], options);
    expect(plan.connections[0]!.operations).toEqual(['configure']);
    const report = await applyPlan(okta, plan, [], { env, secrets: new SecretRegistry() });
    expect(report.failed).toBe(1);
    expect(report.results[0]).toMatchObject({ status: 'failed', error: { code: 'no-definition' } });
    expect(calls).toEqual(['read']);
  });
});
