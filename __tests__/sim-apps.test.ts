import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generateApps, loadSimOrg, startOktaSim, type OktaSim } from '../sim/server.js';
import { notSetUp, zscalerToken } from './helpers/sim-fixtures.js';
import { call, connectionPath } from './helpers/sim-http.js';

const SAMPLE_ORG = fileURLToPath(new URL('../sim/sample-org.yaml', import.meta.url));

function nextLink(link: string | null): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1];
}

describe('apps', () => {
  let sim: OktaSim | undefined;
  afterEach(async () => {
    await sim?.close();
    sim = undefined;
  });

  it('GET /api/v1/apps/{id} answers the app; unknown ids 404 E0000007 (AppInstance)', async () => {
    sim = await startOktaSim({
      apps: [zscalerToken('0oaZs1'), notSetUp('bookmark', '0oaBm1', { status: 'INACTIVE' })],
    });
    const answer = await call(sim, 'GET', '/api/v1/apps/0oaZs1');
    expect(answer.status).toBe(200);
    const app = answer.body as Record<string, unknown>;
    expect(Object.keys(app).sort()).toEqual(
      ['_links', 'created', 'features', 'id', 'label', 'lastUpdated', 'name', 'signOnMode', 'status'].sort(),
    );
    expect(app).toMatchObject({ id: '0oaZs1', name: 'zscalerbyz', label: 'Zscaler', status: 'ACTIVE' });
    expect(app.features).toContain('PUSH_NEW_USERS');
    expect((await call(sim, 'GET', '/api/v1/apps/0oaBm1')).body).toMatchObject({
      status: 'INACTIVE',
      features: [],
    });

    const missing = await call(sim, 'GET', '/api/v1/apps/0oaNope');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({
      errorCode: 'E0000007',
      errorSummary: 'Not found: Resource not found: 0oaNope (AppInstance)',
      errorLink: 'E0000007',
      errorCauses: [],
    });
    expect((missing.body as { errorId: string }).errorId).toMatch(/\S+/);
  });

  it('lists 450 apps in id order over Link rel="next" pages of at most 200', async () => {
    const apps = generateApps(450, { seed: 3 });
    sim = await startOktaSim({ apps });
    const seen: string[] = [];
    const pageSizes: number[] = [];
    let url: string | undefined = `${sim.url}/api/v1/apps?limit=500`;
    while (url) {
      const res: Response = await fetch(url, { headers: { Authorization: `SSWS ${sim.apiToken}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('link')).toMatch(/rel="self"/);
      const page = (await res.json()) as { id: string }[];
      pageSizes.push(page.length);
      seen.push(...page.map((app) => app.id));
      url = nextLink(res.headers.get('link'));
    }
    expect(pageSizes).toEqual([200, 200, 50]);
    expect(seen).toEqual(apps.map((app) => app.id).sort((a, b) => (a < b ? -1 : 1)));
    expect(sim.windowCounts('apps-list')).toEqual([3]);
  });

  it('pages 20 apps by default, with a next link exactly while apps remain, pointing at the sim', async () => {
    sim = await startOktaSim({ apps: generateApps(21) });
    const first = await call(sim, 'GET', '/api/v1/apps');
    expect((first.body as unknown[]).length).toBe(20);
    const next = nextLink(first.headers.get('link'));
    expect(next?.startsWith(`${sim.url}/api/v1/apps?`)).toBe(true);
    const second = await call(sim, 'GET', next!.slice(sim.url.length));
    expect((second.body as unknown[]).length).toBe(1);
    expect(nextLink(second.headers.get('link'))).toBeUndefined();

    const exact = await startOktaSim({ apps: generateApps(20) });
    try {
      const only = await call(exact, 'GET', '/api/v1/apps');
      expect((only.body as unknown[]).length).toBe(20);
      expect(nextLink(only.headers.get('link'))).toBeUndefined();
    } finally {
      await exact.close();
    }
  });

  it('reflects changes tests make to sim.apps (console drift) and keeps the seed untouched', async () => {
    const seed = generateApps(4, { withConnections: 4 });
    sim = await startOktaSim({ apps: seed });
    const [first] = seed;
    const live = sim.apps.get(first!.id)!;
    live.connection = { authScheme: 'TOKEN', status: 'DISABLED', baseUrl: 'https://drifted.example.com' };
    const answer = await call(sim, 'GET', connectionPath(first!.id));
    expect(answer.body).toMatchObject({ status: 'DISABLED', baseUrl: 'https://drifted.example.com' });
    expect(first!.connection?.baseUrl).not.toBe('https://drifted.example.com');
  });
});

describe('generateApps', () => {
  it('is deterministic per seed and honours withConnections', () => {
    const apps = generateApps(60, { withConnections: 25, seed: 9 });
    expect(apps).toEqual(generateApps(60, { withConnections: 25, seed: 9 }));
    expect(apps).not.toEqual(generateApps(60, { withConnections: 25, seed: 10 }));
    expect(apps.filter((app) => app.connection).length).toBe(25);
    expect(new Set(apps.map((app) => app.id)).size).toBe(60);
    for (const app of apps) expect(app.id).toMatch(/^0oa[A-Za-z0-9]{17}$/);
    expect(new Set(apps.filter((a) => a.connection).map((a) => a.name))).toEqual(
      new Set(['zscalerbyz', 'okta_org2org', 'office365', 'google', 'slack', 'zoomus']),
    );
    expect(generateApps(10).filter((app) => app.connection).length).toBe(5);
  });
});

describe('loadSimOrg', () => {
  it('loads the sample org that npm run sim serves', async () => {
    const org = await loadSimOrg(SAMPLE_ORG);
    expect(org.apiToken).toBe('00sim-demo-token-not-a-secret-0000000000');
    expect(org.apps?.map((app) => [app.id, app.name])).toEqual([
      ['0oa5zscalerprod0001', 'zscalerbyz'],
      ['0oa5org2orghub00001', 'okta_org2org'],
      ['0oa5office365000001', 'office365'],
      ['0oa5org2orglegacy01', 'okta_org2org'],
      ['0oa5googlework00001', 'google'],
      ['0oa5slackwork000001', 'slack'],
      ['0oa5bookmark0000001', 'bookmark'],
      ['0oa5zoomus000000001', 'zoomus'],
    ]);
    const sim = await startOktaSim(org);
    try {
      const read = async (id: string) => (await call(sim, 'GET', connectionPath(id))).body;
      expect(await read('0oa5zscalerprod0001')).toMatchObject({
        authScheme: 'TOKEN',
        status: 'ENABLED',
        baseUrl: 'https://scim.zscaler.example.com/scim/v1',
      });
      expect(await read('0oa5org2orglegacy01')).toMatchObject({ baseUrl: 'https://legacy-partner.okta.com' });
      expect(await read('0oa5org2orghub00001')).toMatchObject({ status: 'UNKNOWN' });
      expect(await read('0oa5googlework00001')).toMatchObject({ status: 'UNKNOWN' });
      expect(await read('0oa5bookmark0000001')).toMatchObject({ errorCode: 'E0000007' });
      expect(await read('0oa5office365000001')).toMatchObject({
        status: 'ENABLED',
        profile: { authScheme: 'OAUTH2' },
      });
      expect(await read('0oa5slackwork000001')).toMatchObject({
        status: 'ENABLED',
        profile: { authScheme: 'OAUTH2' },
      });
      expect(await read('0oa5zoomus000000001')).toMatchObject({
        status: 'DISABLED',
        profile: { authScheme: 'OAUTH2' },
      });
    } finally {
      await sim.close();
    }
  });

  it('loads JSON seeds and rejects invalid ones with a clear message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sim-seed-'));
    const json = join(dir, 'org.json');
    await writeFile(
      json,
      JSON.stringify({
        apps: [{ id: '0oa1', name: 'slack', label: 'S' }],
        rateLimits: { token: { limit: 5, windowMs: 1000 } },
      }),
    );
    expect(await loadSimOrg(json)).toMatchObject({
      apps: [{ id: '0oa1' }],
      rateLimits: { token: { limit: 5 } },
    });

    const typo = join(dir, 'typo.yaml');
    await writeFile(typo, 'apps:\n  - id: 0oa1\n    name: slack\n    label: S\n    conection: {}\n');
    await expect(loadSimOrg(typo)).rejects.toThrow(/conection/);
    const twice = join(dir, 'twice.yaml');
    await writeFile(
      twice,
      'apps:\n  - {id: 0oa1, name: slack, label: A}\n  - {id: 0oa1, name: zoomus, label: B}\n',
    );
    await expect(loadSimOrg(twice)).rejects.toThrow(/0oa1 appears twice/);
  });
});
