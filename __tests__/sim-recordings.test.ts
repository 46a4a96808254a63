/**
 * Conformance with real Okta: replays every interaction of the real traffic recorded by the Terraform
 * provider's acceptance tests (sim/contract/recordings) against a sim seeded with the recorded app, and
 * compares statuses, field names, nulls and values. Interactions on endpoints this project never calls (groups,
 * group push, creating and deleting apps) are named in a table; any other interaction must replay.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startOktaSim, type OktaSim, type SimApp, type SimConnection } from '../sim/server.js';
import type { SimFeatureName } from '../sim/types.js';
import { RECORDINGS_DIR } from './helpers/okta-reference.js';

interface Interaction {
  request: { method: string; url: string; body?: string; headers: Record<string, string[]> };
  response: { code: number; body: string; headers: Record<string, string[]> };
}

function loadRecording(file: string): Interaction[] {
  const doc = parse(readFileSync(new URL(file, RECORDINGS_DIR), 'utf8')) as { interactions: Interaction[] };
  return doc.interactions;
}

const APP = '/api/v1/apps/([^/?]+)';
/** The endpoints this project calls, by method: recorded exchanges on them must replay. */
const PROJECT_ENDPOINTS: [string, RegExp][] = [
  ['GET', new RegExp(`^${APP}$`)],
  ['GET', new RegExp(`^${APP}/connections/default$`)],
  ['POST', new RegExp(`^${APP}/connections/default$`)],
  ['POST', new RegExp(`^${APP}/connections/default/lifecycle/(activate|deactivate)$`)],
  ['GET', new RegExp(`^${APP}/connections/default/jwks$`)],
  ['GET', new RegExp(`^${APP}/features$`)],
  ['GET', new RegExp(`^${APP}/features/[A-Z_]+$`)],
  ['PUT', new RegExp(`^${APP}/features/[A-Z_]+$`)],
];
/** Recorded endpoints the project does not manage (kept for what comes next): not replayed. */
const OUTSIDE_THE_PROJECT: [string, RegExp][] = [
  ['POST', /^\/api\/v1\/groups$/],
  ['GET', /^\/api\/v1\/groups\/[^/]+$/],
  ['DELETE', /^\/api\/v1\/groups\/[^/]+$/],
  ['POST', /^\/api\/v1\/apps$/],
  ['POST', new RegExp(`^${APP}/lifecycle/(activate|deactivate)$`)],
  ['DELETE', new RegExp(`^${APP}$`)],
  ['GET', new RegExp(`^${APP}/group-push/mappings(/[^/]+)?$`)],
  ['POST', new RegExp(`^${APP}/group-push/mappings$`)],
  ['PATCH', new RegExp(`^${APP}/group-push/mappings/[^/]+$`)],
  ['DELETE', new RegExp(`^${APP}/group-push/mappings/[^/]+$`)],
];

const matches = (table: [string, RegExp][], method: string, path: string) =>
  table.some(([m, pattern]) => m === method && pattern.test(path));
const pathOf = (url: string) => new URL(url).pathname;
const inProject = ({ request }: Interaction) =>
  matches(PROJECT_ENDPOINTS, request.method, pathOf(request.url));

/** Every key path of a JSON value with the kind of value there, e.g. `_links.self.hints.allow[]: string`. */
function shape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value))
    return [`${prefix}: array`, ...value.flatMap((item) => shape(item, `${prefix}[]`))];
  if (value === null) return [`${prefix}: null`];
  if (typeof value !== 'object') return [`${prefix}: ${typeof value}`];
  return [
    `${prefix}: object`,
    ...Object.entries(value).flatMap(([key, item]) => shape(item, prefix ? `${prefix}.${key}` : key)),
  ];
}

/**
 * The app as it was before the recording: its kind and its connection and features as the first reads show
 * them (a connection first POSTed did not exist; a feature first PUT has Okta's defaults).
 */
function recordedApp(appId: string, interactions: Interaction[]): SimApp {
  const mine = interactions.filter(
    (i) => inProject(i) && pathOf(i.request.url).startsWith(`/api/v1/apps/${appId}`),
  );
  const firstOf = (suffix: string) =>
    mine.find((i) => pathOf(i.request.url) === `/api/v1/apps/${appId}${suffix}`);
  const appRead = firstOf('');
  const appBody =
    appRead && (JSON.parse(appRead.response.body) as { name: string; label: string; signOnMode: null });
  const app: SimApp = {
    id: appId,
    // The connection recordings are Org2Org connections (baseUrl of an Okta org, TOKEN); the features ones
    // read and write the same app.
    name: appBody?.name ?? 'okta_org2org',
    label: appBody?.label ?? 'Recorded app',
    ...(appBody && { signOnMode: appBody.signOnMode }),
  };
  const connectionRead = firstOf('/connections/default');
  if (connectionRead?.request.method === 'GET' && connectionRead.response.code === 200) {
    const body = JSON.parse(connectionRead.response.body) as SimConnection & {
      profile: { authScheme: 'TOKEN' };
    };
    app.connection = { authScheme: body.profile.authScheme, status: body.status, baseUrl: body.baseUrl };
  } else if (mine.some((i) => pathOf(i.request.url).includes('/features'))) {
    // Features exist only while provisioning is enabled: the recorded app had its connection set up.
    app.connection = { authScheme: 'TOKEN', status: 'ENABLED', baseUrl: 'https://recorded.okta.example' };
  }
  for (const name of ['USER_PROVISIONING', 'INBOUND_PROVISIONING'] as SimFeatureName[]) {
    const first = firstOf(`/features/${name}`);
    if (first?.request.method !== 'GET' || first.response.code !== 200) continue;
    const { capabilities } = JSON.parse(first.response.body) as { capabilities: Record<string, unknown> };
    app.features = { ...app.features, [name]: capabilities };
  }
  return app;
}

/** Named, so that a recording lost from sim/contract fails its replay instead of dropping out of it. */
const files = [
  'TestAccDataSourceOktaAppConnection_read.classic-00.yaml',
  'TestAccDataSourceOktaAppConnection_read.oie-00.yaml',
  'TestAccDataSourceOktaAppFeatures_read.classic-00.yaml',
  'TestAccDataSourceOktaAppFeatures_read.oie-00.yaml',
  'TestAccOktaAppFeatures_basic.classic-00.yaml',
  'TestAccOktaAppFeatures_basic.oie-00.yaml',
  'TestAccResourceOktaAppConnection_cru.classic-00.yaml',
  'TestAccResourceOktaAppConnection_cru.oie-00.yaml',
  'TestAccResourceOktaPushGroup_crud.classic-00.yaml',
];

describe('recorded Okta exchanges', () => {
  let sim: OktaSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('finds the recordings, and every recorded endpoint is either replayed or named as outside the project', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'TestAccDataSourceOktaAppConnection_read.classic-00.yaml',
        'TestAccDataSourceOktaAppFeatures_read.oie-00.yaml',
        'TestAccOktaAppFeatures_basic.classic-00.yaml',
        'TestAccResourceOktaAppConnection_cru.oie-00.yaml',
        'TestAccResourceOktaPushGroup_crud.classic-00.yaml',
      ]),
    );
    const all = files.flatMap((file) => loadRecording(file).map((i) => ({ file, ...i })));
    const unknown = all.filter(
      (i) => !inProject(i) && !matches(OUTSIDE_THE_PROJECT, i.request.method, pathOf(i.request.url)),
    );
    expect(unknown.map((i) => `${i.file}: ${i.request.method} ${i.request.url}`)).toEqual([]);
    // What the replay covers, so that a filter that drops too much shows here.
    expect(all.filter(inProject).length).toBe(40);
  });

  it.each(files)('%s replays with the same statuses, field names, nulls and values', async (file) => {
    const interactions = loadRecording(file).filter(inProject);
    const first = interactions[0];
    if (!first) throw new Error(`${file} has no interaction on an endpoint the project calls`);
    const recordedOrigin = new URL(first.request.url).origin;
    const appIds = [...new Set(interactions.map((i) => pathOf(i.request.url).split('/')[4] ?? ''))];
    sim = await startOktaSim({ apps: appIds.map((id) => recordedApp(id, interactions)) });

    for (const [index, { request, response }] of interactions.entries()) {
      const where = `${file} ${request.method} ${request.url} (#${index} replayed)`;
      const headers: Record<string, string> = {};
      for (const [name, values] of Object.entries(request.headers)) {
        headers[name] = (values[0] ?? '').replace(/^SSWS REDACTED$/, `SSWS ${sim.apiToken}`);
      }
      const url = request.url.replace(recordedOrigin, sim.url);
      const res = await fetch(url, { method: request.method, headers, body: request.body || undefined });
      const text = await res.text();
      expect(res.status, where).toBe(response.code);
      if (response.body === '') {
        expect(text, where).toBe('');
        continue;
      }
      expect(res.headers.get('content-type'), where).toMatch(/^application\/json/);
      const actual: unknown = JSON.parse(text);
      const recorded: unknown = JSON.parse(response.body.split(recordedOrigin).join(sim.url));
      if (/^\/api\/v1\/apps\/[^/]+$/.test(pathOf(request.url))) {
        // An app object: the sim models the part the project reads. Each of its fields is in the real answer,
        // with the same kind of value (null where Okta answered null), and what the client reads is equal.
        const real = new Set(shape(recorded).filter((entry) => !entry.startsWith('lastUpdated')));
        for (const entry of shape(actual).filter((e) => !e.startsWith('lastUpdated'))) {
          expect(real.has(entry), `${where}: ${entry}`).toBe(true);
        }
        for (const key of ['id', 'name', 'label', 'status', 'signOnMode', 'features'] as const) {
          expect((actual as Record<string, unknown>)[key], `${where}: ${key}`).toEqual(
            (recorded as Record<string, unknown>)[key],
          );
        }
        continue;
      }
      expect(shape(actual).sort(), where).toEqual(shape(recorded).sort());
      // Beyond the shape: with the org URL swapped, the values (and key order, as Okta sends them) match too.
      expect(actual, where).toStrictEqual(recorded);
      expect(JSON.stringify(actual), where).toBe(JSON.stringify(recorded));
    }
    expect(sim.requests.map((r) => r.status)).toEqual(interactions.map((i) => i.response.code));
  });

  it('a POST without activate is answered DISABLED; the features answers spell userNameFormat and carry nulls', () => {
    const cru = loadRecording('TestAccResourceOktaAppConnection_cru.classic-00.yaml')[0]!;
    expect(cru.request.url).not.toContain('activate');
    expect(JSON.parse(cru.response.body)).toMatchObject({ status: 'DISABLED' });
    const read = loadRecording('TestAccDataSourceOktaAppFeatures_read.classic-00.yaml')[0]!.response.body;
    expect(read).toContain('"username":{"userNameFormat":"EMAIL"}');
    expect(read).toContain('"fullImport":null,"incrementalImport":null');
  });
});
