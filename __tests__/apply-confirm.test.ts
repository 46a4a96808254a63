import { describe, expect, it } from 'vitest';
import { applyPlan, type ConnectionWriter } from '../src/resources/connection/apply.js';
import { compareConnection } from '../src/resources/connection/compare.js';
import { assemblePlan } from '../src/plan/plan.js';
import type { ConnectionRequest, OktaConnection } from '../src/resources/connection/read.js';
import { SecretRegistry } from '../src/secrets.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

/** An in-memory Okta that stores what it is sent, but may answer (configure and re-reads) with something else. */
function memoryOkta(reread: (sent: ConnectionRequest) => OktaConnection) {
  const calls: string[] = [];
  let sent: ConnectionRequest | undefined;
  const okta = { reads: 0 };
  const writer: ConnectionWriter = {
    getApp: async (id) => app(id),
    getConnection: async () => {
      okta.reads += 1;
      return sent ? reread(sent) : live({ baseUrl: 'https://old.example.com' });
    },
    updateConnection: async (id, body, options) => {
      calls.push(`configure ${id}${options?.activate ? '?activate=true' : ''}`);
      sent = body;
      return reread(body);
    },
    activateConnection: async (id) => void calls.push(`activate ${id}`),
    deactivateConnection: async (id) => void calls.push(`deactivate ${id}`),
    listFeatures: async () => [],
    updateFeature: async () => {
      throw new Error('these definitions declare no provisioning features');
    },
    connectionJwksUrl: (id) => `https://example.okta.com/api/v1/apps/${id}/connections/default/jwks`,
    getConnectionJwks: async () => [],
  };
  return {
    writer,
    calls,
    get reads() {
      return okta.reads;
    },
  };
}

const connection = resolvedConnection({ id: '0oa1234567890abcdef', baseUrl: 'https://new.example.com' });
const env = { SCIM_TOKEN: 'token-value-1234' };

function planFor() {
  const planned = compareConnection({
    connection,
    app: app(connection.id),
    live: live({ baseUrl: 'https://old.example.com' }),
    rotate: false,
    env,
  });
  return assemblePlan([planned], { orgUrl: 'https://example.okta.com', path: 'okta/connections' });
}

describe('applyPlan confirmation', () => {
  it("applies and confirms from Okta's answer to the configure, without a re-read", async () => {
    const okta = memoryOkta((body) => live({ baseUrl: body.baseUrl }));
    const report = await applyPlan(okta.writer, planFor(), [connection], {
      env,
      secrets: new SecretRegistry(),
    });
    expect(report.results[0]).toMatchObject({ status: 'applied', done: ['configure'] });
    expect(okta.calls).toEqual(['configure 0oa1234567890abcdef?activate=true']);
    expect(okta.reads).toBe(0);
  });

  it('fails the connection, with both values, when Okta does not answer the desired state', async () => {
    const okta = memoryOkta(() => live({ baseUrl: 'https://normalized.example.com' }));
    const report = await applyPlan(okta.writer, planFor(), [connection], {
      env,
      secrets: new SecretRegistry(),
    });
    expect(report.failed).toBe(1);
    expect(report.results[0]).toMatchObject({
      status: 'failed',
      error: { code: 'not-confirmed' },
      mismatches: [
        { field: 'base_url', before: 'https://normalized.example.com', after: 'https://new.example.com' },
      ],
    });
  });

  it('sends the secret read at apply time and registers it before use', async () => {
    const okta = memoryOkta((body) => live({ baseUrl: body.baseUrl }));
    const secrets = new SecretRegistry();
    let sentToken: string | undefined;
    const update = okta.writer.updateConnection;
    okta.writer.updateConnection = async (id, body, options) => {
      sentToken = body.profile.authScheme === 'TOKEN' ? body.profile.token : undefined;
      expect(secrets.has(sentToken!)).toBe(true);
      return update(id, body, options);
    };
    await applyPlan(okta.writer, planFor(), [connection], {
      env: { SCIM_TOKEN: 'rotated-token-5678' },
      secrets,
    });
    expect(sentToken).toBe('rotated-token-5678');
  });
});
