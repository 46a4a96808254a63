import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApps, startOktaSim, type OktaSim } from '../sim/server.js';
import { hasErrors, loadDefinitions } from '../src/definitions/load.js';
import { shownVariables } from './helpers/e2e.js';
import { makeWorkspace, runAction, type ActionRun } from './helpers/run-action.js';

/**
 * End to end: the action exports a simulated org of 400 apps (150 with a connection), then plans
 * the exported folder against the same org. Run `npm run bundle` first.
 */
const APPS = generateApps(400, { withConnections: 150, seed: 11 });
const PROVISIONING = new Set(['okta_org2org', 'zscalerbyz', 'office365', 'google', 'slack', 'zoomus']);
const CONNECTED = APPS.filter((app) => app.connection && PROVISIONING.has(app.name));
const SHARE = 40;

let sim: OktaSim;
let workspace: string;
let exported: ActionRun;
let exportRequests: OktaSim['requests'];

const inputs = (extra: Record<string, string>) => ({
  'okta-org-url': sim.url,
  'okta-api-token': sim.apiToken,
  'drift-issue': 'false',
  'rate-limit-share': String(SHARE),
  ...extra,
});

beforeAll(async () => {
  sim = await startOktaSim({
    apps: APPS,
    rateLimits: {
      'apps-star': { limit: 500, windowMs: 1000 },
      'apps-id': { limit: 500, windowMs: 1000 },
      'apps-list': { limit: 20, windowMs: 1000 },
    },
  });
  workspace = await makeWorkspace({ 'README.md': '# okta config\n' });
  exported = await runAction({
    workspace,
    inputs: inputs({ command: 'export', path: 'okta/connections' }),
  });
  exportRequests = [...sim.requests];
}, 60_000);

afterAll(async () => {
  await sim?.close();
});

const folder = () => path.join(workspace, 'okta/connections');

describe('export (the action, run as the runner does)', () => {
  it('succeeds, follows the pagination of the app list, and writes nothing to Okta', () => {
    expect(exported.stderr).toBe('');
    expect(exported.code, exported.stdout).toBe(0);
    const listed = exportRequests.filter((request) => request.path === '/api/v1/apps');
    expect(listed.length).toBe(2);
    expect(listed[0]!.query).toEqual({ limit: '200' });
    expect(listed[1]!.query.after).toMatch(/^0oa/);
    expect(exportRequests.every((request) => request.method === 'GET')).toBe(true);
    expect(sim.writes()).toEqual([]);
  });

  it('stays inside the rate-limit share', () => {
    for (const bucket of ['apps-star', 'apps-list'] as const) {
      const limit = bucket === 'apps-star' ? 500 : 20;
      expect(Math.max(...sim.windowCounts(bucket))).toBeLessThanOrEqual(Math.floor((limit * SHARE) / 100));
    }
  });

  it('writes one valid file per connection', async () => {
    const names = (await readdir(folder())).sort();
    expect(names.length).toBe(CONNECTED.length);
    expect(names.every((name) => /^[a-z0-9-]+\.yaml$/.test(name))).toBe(true);
    const loaded = await loadDefinitions('okta/connections', workspace);
    expect(hasErrors(loaded.problems)).toBe(false);
    expect(loaded.definitions.map((definition) => definition.id).sort()).toEqual(
      CONNECTED.map((app) => app.id).sort(),
    );
    const zscaler = CONNECTED.find((app) => app.name === 'zscalerbyz')!;
    const file = await readFile(
      path.join(folder(), `${zscaler.label.toLowerCase().replace(/ /g, '-')}.yaml`),
      'utf8',
    );
    expect(file).toContain(
      `  - id: ${zscaler.id}\n    name: ${zscaler.label}\n    base_url: ${zscaler.connection!.baseUrl}\n`,
    );
    expect(file).toContain(`      token: { env: ${zscaler.label.toUpperCase().replace(/ /g, '_')}_TOKEN }\n`);
  });

  it('lists the files and the secrets to create in the job summary, and no secret anywhere', () => {
    expect(exported.summary).toContain(`Wrote ${CONNECTED.length} definition files`);
    expect(exported.summary).toContain(`${APPS.length} apps read`);
    const tokenApps = CONNECTED.filter((app) => app.connection!.authScheme === 'TOKEN');
    for (const app of tokenApps)
      expect(exported.summary).toContain(`| ${app.label} | \`${app.id}\` | TOKEN |`);
    expect(exported.summary).toMatch(/^ {2}ZSCALER_1_TOKEN: \$\{\{ secrets\.ZSCALER_1_TOKEN \}\}$/m);
    expect(exported.summary).toMatch(
      /^ {2}OFFICE_365_4_ADMIN_USERNAME: \$\{\{ vars\.OFFICE_365_4_ADMIN_USERNAME \}\}$/m,
    );
    const printed = exported.stdout.replace(/^::add-mask::.*$/gm, '');
    for (const text of [printed, exported.summary, JSON.stringify(exported.outputs)]) {
      expect(text).not.toContain(sim.apiToken);
    }
    const variables =
      CONNECTED.filter((app) => app.connection!.authScheme === 'TOKEN').length +
      2 * CONNECTED.filter((app) => app.name === 'office365').length;
    expect(exported.annotations.filter((a) => a.level === 'notice').map((a) => a.message)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Create ${variables} environment variable\\(s\\) before apply .*: OFFICE_365_102_ADMIN_USERNAME, .* and ${variables - 10} more\\.`,
        ),
      ),
    ]);
  });

  it('re-plans the exported files against the same org with no change', async () => {
    const before = sim.requests.length;
    const plan = await runAction({
      workspace,
      inputs: inputs({
        command: 'plan',
        path: 'okta/connections',
        'visible-env': await shownVariables(folder()),
      }),
    });
    expect(plan.code, plan.stdout).toBe(0);
    expect(plan.outputs.changes).toBe('false');
    expect(plan.outputs.unchanged).toBe(String(CONNECTED.length));
    expect(plan.outputs.errors).toBe('0');
    expect(plan.outputs['to-configure']).toBe('0');
    expect(sim.requests.length).toBeGreaterThan(before);
    expect(sim.writes()).toEqual([]);
  });

  it('refuses to overwrite, names the files, and leaves them untouched', async () => {
    const name = (await readdir(folder())).sort()[0]!;
    const before = await stat(path.join(folder(), name));
    const again = await runAction({
      workspace,
      inputs: inputs({ command: 'export', path: 'okta/connections' }),
    });
    expect(again.code).not.toBe(0);
    const error = again.annotations.find((a) => a.level === 'error')?.message ?? '';
    expect(error).toMatch(/Nothing was written: \d+ files of the export exist already in okta\/connections/);
    expect(error).toContain(`delete okta/connections/${name}, `);
    expect(error).toContain(`and ${CONNECTED.length - 10} more (listed in the job summary) first.`);
    expect(again.summary).toContain(`- \`okta/connections/${name}\``);
    expect(error).toMatch(/export into an empty folder \(input `path`\)/);
    expect(again.summary).toContain('Export never overwrites definition files.');
    expect(again.summary).not.toContain('| file | app |');
    expect(again.summary).not.toContain('env:');
    expect((await stat(path.join(folder(), name))).mtimeMs).toBe(before.mtimeMs);
    expect(sim.writes()).toEqual([]);
  });

  it('exports only `export-apps`, read by id without listing', async () => {
    const chosen = [CONNECTED[0]!, CONNECTED[3]!];
    const before = sim.requests.length;
    const run = await runAction({
      workspace,
      inputs: inputs({
        command: 'export',
        path: 'okta/chosen',
        'export-apps': chosen.map((app) => app.id).join(','),
      }),
    });
    expect(run.code, run.stdout).toBe(0);
    const requests = sim.requests.slice(before);
    expect(requests.some((request) => request.path === '/api/v1/apps')).toBe(false);
    expect(requests.filter((request) => /^\/api\/v1\/apps\/[^/]+$/.test(request.path)).length).toBe(2);
    expect((await readdir(path.join(workspace, 'okta/chosen'))).length).toBe(2);
    expect(run.summary).toContain('2 apps read, 0 skipped');
  });

  it('fails clearly when `path` is not one folder inside the workspace', async () => {
    const glob = await runAction({
      workspace,
      inputs: inputs({ command: 'export', path: 'okta/**/*.yaml' }),
    });
    expect(glob.code).not.toBe(0);
    expect(glob.annotations.find((a) => a.level === 'error')?.message).toMatch(
      /export writes into one folder: `path` must be a folder/,
    );
    const outside = await runAction({
      workspace,
      inputs: inputs({ command: 'export', path: '../elsewhere' }),
    });
    expect(outside.code).not.toBe(0);
    expect(outside.annotations.find((a) => a.level === 'error')?.message).toMatch(/is outside/);
  });
});
