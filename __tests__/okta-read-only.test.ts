import { afterEach, describe, expect, it } from 'vitest';
import { startOktaSim } from '../sim/server.js';
import type { OktaSim } from '../sim/types.js';
import { OktaClient } from '../src/okta/client.js';
import { OktaConfigError } from '../src/okta/errors.js';
import { SecretRegistry } from '../src/secrets.js';
import { caught } from './helpers/caught.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

let sim: OktaSim;
let client: OktaClient;
afterEach(async () => {
  await client?.close();
  await sim?.close();
});

describe('a read-only client (plan, export, drift)', () => {
  it('reads, and refuses every write before anything is sent', async () => {
    sim = await startOktaSim({
      apps: [zscalerToken('0oa1234567890abcdef', { label: 'Z' })],
    });
    client = new OktaClient({
      orgUrl: sim.url,
      credentials: { kind: 'api-token', token: sim.apiToken },
      secrets: new SecretRegistry(),
      readOnly: true,
    });
    expect((await client.getConnection('0oa1234567890abcdef')).status).toBe('ENABLED');
    const body = { profile: { authScheme: 'TOKEN' as const, token: 'secret-token-value' } };
    for (const write of [
      () => client.updateConnection('0oa1234567890abcdef', body),
      () => client.activateConnection('0oa1234567890abcdef'),
      () => client.deactivateConnection('0oa1234567890abcdef'),
    ]) {
      const error = await caught(write());
      expect(error).toBeInstanceOf(OktaConfigError);
      expect(error.message).toMatch(/this run only reads from Okta/);
    }
    expect(sim.writes()).toEqual([]);
  });
});
