/**
 * Replays the real Okta traffic recorded by the Terraform provider's acceptance tests
 * (sim/contract/recordings) against a sim seeded with the recorded app.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { startOktaSim, type OktaSim, type SimConnection } from '../sim/server.js';
import { RECORDINGS_DIR } from './helpers/okta-reference.js';

interface Interaction {
  request: { method: string; url: string; body?: string; headers: Record<string, string[]> };
  response: { code: number; body: string; headers: Record<string, string[]> };
}

function loadRecording(file: string): Interaction[] {
  const doc = parse(readFileSync(new URL(file, RECORDINGS_DIR), 'utf8')) as { interactions: Interaction[] };
  return doc.interactions;
}

/** The app as it was before the recording: set up as the first GET shows it, or not set up when it starts with a POST. */
function recordedConnection(first: Interaction): SimConnection | undefined {
  if (first.request.method !== 'GET' || first.response.code !== 200) return undefined;
  const body = JSON.parse(first.response.body) as {
    profile: { authScheme: 'TOKEN' };
    status: 'ENABLED';
    baseUrl?: string;
  };
  return { authScheme: body.profile.authScheme, status: body.status, baseUrl: body.baseUrl };
}

/** Every key path of a JSON value, e.g. `_links.self.hints.allow[]`. */
function keyShape(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [`${prefix}[]`, ...value.flatMap((item) => keyShape(item, `${prefix}[]`))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => [
    `${prefix}${key}`,
    ...keyShape(item, `${prefix}${key}.`),
  ]);
}

function hrefs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(hrefs);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === 'href' && typeof item === 'string' ? [item] : hrefs(item),
  );
}

/** Named, so that a recording lost from sim/contract fails its replay instead of dropping out of it. */
const files = [
  'TestAccDataSourceOktaAppConnection_read.classic-00.yaml',
  'TestAccDataSourceOktaAppConnection_read.oie-00.yaml',
  'TestAccResourceOktaAppConnection_cru.classic-00.yaml',
  'TestAccResourceOktaAppConnection_cru.oie-00.yaml',
];

describe('recorded Okta exchanges', () => {
  let sim: OktaSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it.each(files)('%s replays with the same statuses and bodies', async (file) => {
    const interactions = loadRecording(file);
    const first = interactions[0];
    if (!first) throw new Error(`${file} has no interactions`);
    const recordedOrigin = new URL(first.request.url).origin;
    const appId = new URL(first.request.url).pathname.split('/')[4] ?? '';
    const connection = recordedConnection(first);
    sim = await startOktaSim({
      apps: [
        { id: appId, name: 'okta_org2org', label: 'Recorded Org2Org', ...(connection && { connection }) },
      ],
    });

    for (const [index, { request, response }] of interactions.entries()) {
      const where = `${file} #${index} ${request.method} ${request.url}`;
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
      const recorded: unknown = JSON.parse(response.body);
      expect(keyShape(actual).sort(), where).toEqual(keyShape(recorded).sort());
      expect(hrefs(actual).length, where).toBeGreaterThan(0);
      for (const href of hrefs(actual))
        expect(href.startsWith(`${sim.url}/api/v1/apps/${appId}/`), where).toBe(true);
      // Beyond the shape: with the org URL swapped, the values match too.
      expect(actual, where).toStrictEqual(JSON.parse(response.body.split(recordedOrigin).join(sim.url)));
    }
    expect(sim.requests.map((r) => r.status)).toEqual(interactions.map((i) => i.response.code));
  });
});
