import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { generateApps, startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { resolveDefinitions } from '../src/definitions/env.js';
import { hasErrors, loadDefinitions } from '../src/definitions/load.js';
import { exportConnections } from '../src/resources/connection/export.js';
import type { ExportResult } from '../src/export/model.js';
import { writeExportFiles } from '../src/export/write.js';
import { OktaClient } from '../src/okta/client.js';
import { planConnections } from '../src/plan/plan.js';
import { SecretRegistry } from '../src/secrets.js';
import { notSetUp, office365, org2orgOAuthHub, zscalerToken } from './helpers/sim-fixtures.js';

/** Hand-made apps at the edges of naming and of what Okta returns, next to a large generated org. */
const EDGE_APPS: SimApp[] = [
  zscaler('0oaEdgeZscalerA00001', 'Zscaler'),
  zscaler('0oaEdgeZscalerB00001', 'Zscaler'),
  zscaler('0oaEdgeGithub0000001', 'GitHub SCIM'),
  zscaler('0oaEdgeDigits0000001', '1Password'),
  zscaler('0oaEdgeYes0000000001', 'yes'),
  zscaler('0oaEdgeZurich0000001', 'Zürich: HR # main'),
  zscalerToken('0oaEdgeHttpUrl000001', {
    label: 'Legacy SCIM',
    connection: { status: 'DISABLED', baseUrl: 'http://scim.legacy.example.com' },
  }),
  org2orgOAuthHub('0oaEdgeHubNoClient01', {
    label: 'Hub without client id',
    connection: { clientId: undefined },
  }),
  office365('0oaEdgeO365000000001'),
  notSetUp('okta_org2org', '0oaEdgeNotSetUp00001', { label: 'Partner hub (not set up)' }),
  notSetUp('bookmark', '0oaEdgeBookmark00001', { label: 'Intranet bookmark' }),
];

function zscaler(id: string, label: string): SimApp {
  return zscalerToken(id, { label, connection: { baseUrl: `https://scim.example.com/${id}` } });
}

const GENERATED = generateApps(400, { withConnections: 120, seed: 7 });
const PROVISIONING = new Set(['okta_org2org', 'zscalerbyz', 'office365', 'google', 'slack', 'zoomus']);
const connected = (apps: SimApp[]) =>
  apps.filter((app) => app.connection && app.connection.status !== 'UNKNOWN' && PROVISIONING.has(app.name));

let sim: OktaSim;
let client: OktaClient;
let result: ExportResult;
let folder: string;

beforeAll(async () => {
  sim = await startOktaSim({
    apps: [...GENERATED, ...EDGE_APPS],
    rateLimits: {
      'apps-star': { limit: 600, windowMs: 1000 },
      'apps-id': { limit: 600, windowMs: 1000 },
      'apps-list': { limit: 100, windowMs: 1000 },
    },
  });
  client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets: new SecretRegistry(),
    retryBaseMs: 10,
  });
  result = await exportConnections(client, { apps: 'all', orgUrl: sim.url, pageSize: 50 });
  folder = await mkdtemp(path.join(tmpdir(), 'oac-export-'));
  const outcome = await writeExportFiles(folder, result.files);
  expect(outcome).toHaveProperty('written');
});

afterAll(async () => {
  await client?.close();
  await sim?.close();
});

const fileOf = (appId: string) => result.files.find((file) => file.connection.appId === appId)!;

describe('export of a large org', () => {
  it('follows every page of the app list and only reads', () => {
    const listed = sim.requests.filter((request) => request.path === '/api/v1/apps');
    expect(listed.length).toBe(Math.ceil((GENERATED.length + EDGE_APPS.length) / 50));
    expect(listed.filter((request) => request.query.after).length).toBe(listed.length - 1);
    expect(result.appsRead).toBe(GENERATED.length + EDGE_APPS.length);
    expect(sim.writes()).toEqual([]);
    expect(sim.requests.every((request) => request.method === 'GET')).toBe(true);
  });

  it('writes one file per set-up connection and skips the rest with a reason', () => {
    const expected = connected([...GENERATED, ...EDGE_APPS])
      .map((app) => app.id)
      .sort();
    expect(result.files.map((file) => file.connection.appId).sort()).toEqual(expected);
    expect(result.failures).toEqual([]);
    expect(result.skipped.length).toBe(GENERATED.length + EDGE_APPS.length - expected.length);
    const reason = (id: string) => result.skipped.find((skipped) => skipped.appId === id)?.reason;
    expect(reason('0oaEdgeNotSetUp00001')).toBe('no connection set up');
    expect(reason('0oaEdgeBookmark00001')).toMatch(/no provisioning connection .*\(bookmark\)/);
  });

  it('never reads the connection of an app kind without provisioning', () => {
    const noProvisioning = [...GENERATED, ...EDGE_APPS].filter((app) => !PROVISIONING.has(app.name));
    expect(noProvisioning.length).toBeGreaterThan(0);
    const read = new Set(
      sim.requests.filter((r) => r.path.endsWith('/connections/default')).map((r) => r.path.split('/')[4]),
    );
    for (const app of noProvisioning) expect(read.has(app.id)).toBe(false);
  });

  it('writes files that load without errors, with keys in the documented order', async () => {
    const loaded = await loadDefinitions(folder, folder);
    expect(loaded.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(hasErrors(loaded.problems)).toBe(false);
    expect(loaded.definitions.length).toBe(result.files.length);
    expect((await readdir(folder)).sort()).toEqual(result.files.map((file) => file.fileName).sort());
    for (const file of result.files) {
      const value = parse(file.content) as { connections: Record<string, unknown>[] };
      const keys = Object.keys(value.connections[0]!);
      const order = ['id', 'name', 'base_url', 'action', 'profile', 'to_app', 'to_okta'].filter((key) =>
        keys.includes(key),
      );
      expect(keys).toEqual(order);
      expect(file.content.startsWith('# yaml-language-server: $schema=https://')).toBe(true);
    }
  });

  it('re-plans with no change against the same org', async () => {
    const loaded = await loadDefinitions(folder, folder);
    const env = { HUB_WITHOUT_CLIENT_ID_CLIENT_ID: '0oahubclient0000001' };
    const resolved = resolveDefinitions(loaded.definitions, env);
    expect(resolved.problems).toEqual([]);
    const plan = await planConnections(client, resolved.connections, { orgUrl: sim.url, path: folder, env });
    const changed = plan.connections.filter((c) => c.operations.length > 0 || c.error);
    expect(changed).toEqual([]);
    expect(plan.changes).toBe(false);
    expect(plan.counts.unchanged).toBe(result.files.length);
    expect(sim.writes()).toEqual([]);
  });
});

describe('names', () => {
  it('gives colliding labels distinct files and variables, the first by id keeping the plain name', () => {
    const first = fileOf('0oaEdgeZscalerA00001');
    const second = fileOf('0oaEdgeZscalerB00001');
    expect(first.fileName).toBe('zscaler.yaml');
    expect(second.fileName).toBe('zscaler-0oaedgezscalerb00001.yaml');
    expect(first.variables.map((v) => v.name)).toEqual(['ZSCALER_TOKEN']);
    expect(second.variables.map((v) => v.name)).toEqual(['ZSCALER_2_TOKEN']);
    const names = result.variables.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    const files = result.files.map((f) => f.fileName.toLowerCase());
    expect(new Set(files).size).toBe(files.length);
  });

  it('keeps variable names out of the runner namespaces and away from a leading digit', () => {
    expect(fileOf('0oaEdgeGithub0000001').variables[0]!.name).toBe('OKTA_GITHUB_SCIM_TOKEN');
    expect(fileOf('0oaEdgeDigits0000001').variables[0]!.name).toBe('APP_1PASSWORD_TOKEN');
    expect(fileOf('0oaEdgeDigits0000001').fileName).toBe('1password.yaml');
  });

  it('quotes labels that YAML would misread and strips accents from names', () => {
    const yes = fileOf('0oaEdgeYes0000000001');
    expect(yes.content).toContain('    name: "yes"\n');
    expect(yes.variables[0]!.name).toBe('YES_TOKEN');
    const zurich = fileOf('0oaEdgeZurich0000001');
    expect(zurich.fileName).toBe('zurich-hr-main.yaml');
    expect(zurich.variables[0]!.name).toBe('ZURICH_HR_MAIN_TOKEN');
    expect((parse(zurich.content) as { connections: { name: string }[] }).connections[0]!.name).toBe(
      'Zürich: HR # main',
    );
  });
});

describe('what Okta returns', () => {
  it('writes a TOKEN connection with its base URL and a token placeholder', () => {
    const file = fileOf('0oaEdgeZscalerA00001');
    expect(file.content).toContain(
      [
        'connections:',
        '  - id: 0oaEdgeZscalerA00001',
        '    name: Zscaler',
        '    base_url: https://scim.example.com/0oaEdgeZscalerA00001',
        '    action: activate',
        '    profile:',
        '      auth_scheme: TOKEN',
        '      token: { env: ZSCALER_TOKEN }',
        '',
      ].join('\n'),
    );
    expect(file.content).toMatch(/^# {3}ZSCALER_TOKEN: .*\(secret\)$/m);
  });

  it('leaves out a base URL the definitions would reject, and says so', () => {
    const file = fileOf('0oaEdgeHttpUrl000001');
    expect(file.content).not.toMatch(/^\s+base_url:/m);
    expect(file.content).toMatch(
      /^# Note: base_url http:\/\/scim\.legacy\.example\.com is left out: it must use https/m,
    );
    expect(file.content).toContain('    action: deactivate\n');
  });

  it('writes Org2Org OAuth with signing, and a client id placeholder when Okta returns none', () => {
    const hub = fileOf('0oaEdgeHubNoClient01');
    expect(hub.content).toContain(
      '      auth_scheme: OAUTH2\n      client_id: { env: HUB_WITHOUT_CLIENT_ID_CLIENT_ID }\n      signing: { rotation_mode: AUTO }\n',
    );
    expect(hub.variables).toEqual([
      expect.objectContaining({ name: 'HUB_WITHOUT_CLIENT_ID_CLIENT_ID', secret: false }),
    ]);
    const generated = GENERATED.find(
      (app) => app.label.startsWith('Org2Org (OAuth)') && app.connection?.clientId,
    )!;
    const file = fileOf(generated.id);
    expect(file.content).toContain(`      client_id: ${generated.connection!.clientId}\n`);
    expect(file.content).toContain(
      `      signing: { rotation_mode: ${generated.connection!.rotationMode} }\n`,
    );
    expect(file.variables).toEqual([]);
    expect(file.content).toContain('# This connection needs no secrets.');
  });

  it('writes Office 365 settings as placeholders and lists them in the header', () => {
    const file = fileOf('0oaEdgeO365000000001');
    expect(file.content).toContain(
      '      settings:\n        admin_username: { env: OFFICE_365_ADMIN_USERNAME }\n        admin_password: { env: OFFICE_365_ADMIN_PASSWORD }\n',
    );
    expect(file.content).toMatch(/^# {3}OFFICE_365_ADMIN_USERNAME: .*administrator$/m);
    expect(file.content).toMatch(/^# {3}OFFICE_365_ADMIN_PASSWORD: .*\(secret\)$/m);
  });

  it('writes files that read the same on a second export (stable output)', async () => {
    const again = await exportConnections(client, { apps: 'all', orgUrl: sim.url });
    expect(again.files.map((f) => [f.fileName, f.content])).toEqual(
      result.files.map((f) => [f.fileName, f.content]),
    );
    const onDisk = await readFile(path.join(folder, 'zscaler.yaml'), 'utf8');
    expect(onDisk).toBe(fileOf('0oaEdgeZscalerA00001').content);
  });
});

describe('export of chosen apps', () => {
  it('reads only those apps by id, without listing, and reports unknown ids', async () => {
    const before = sim.requests.length;
    const chosen = await exportConnections(client, {
      apps: ['0oaEdgeZscalerB00001', '0oaEdgeBookmark00001', '0oaDoesNotExist00001', '0oaEdgeZscalerB00001'],
      orgUrl: sim.url,
    });
    const requests = sim.requests.slice(before);
    expect(requests.some((request) => request.path === '/api/v1/apps')).toBe(false);
    expect(requests.filter((request) => request.path === '/api/v1/apps/0oaEdgeZscalerB00001').length).toBe(1);
    expect(chosen.files.map((file) => file.fileName)).toEqual(['zscaler.yaml']);
    expect(chosen.skipped.map((skipped) => skipped.appId)).toEqual(['0oaEdgeBookmark00001']);
    expect(chosen.failures).toEqual([
      { appId: '0oaDoesNotExist00001', message: expect.stringMatching(/does not exist in this org/) },
    ]);
    expect(chosen.appsRead).toBe(3);
  });
});

describe('rate limits', () => {
  it('stays inside the rate-limit share of every bucket', async () => {
    const small = await startOktaSim({
      apps: generateApps(40, { withConnections: 20, seed: 3 }),
      rateLimits: { 'apps-star': { limit: 60, windowMs: 1000 }, 'apps-list': { limit: 8, windowMs: 1000 } },
    });
    const paced = new OktaClient({
      orgUrl: small.url,
      credentials: { kind: 'api-token', token: small.apiToken },
      secrets: new SecretRegistry(),
      rateLimitShare: 25,
    });
    try {
      const exported = await exportConnections(paced, { apps: 'all', pageSize: 10 });
      expect(exported.files.length).toBe(20);
      const star = small.windowCounts('apps-star');
      expect(star.reduce((a, b) => a + b, 0)).toBeGreaterThan(15);
      expect(Math.max(...star)).toBeLessThanOrEqual(15);
      expect(Math.max(...small.windowCounts('apps-list'))).toBeLessThanOrEqual(2);
      expect(small.writes()).toEqual([]);
    } finally {
      await paced.close();
      await small.close();
    }
  });
});
