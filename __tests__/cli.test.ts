import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSimOrg, startOktaSim } from '../sim/server.js';
import type { OktaSim } from '../sim/types.js';
import { SECRET_ENV } from './helpers/e2e.js';
import { REPO_ROOT, runCli } from './helpers/run-action.js';

let sim: OktaSim | undefined;
afterEach(async () => sim?.close());

async function workspace(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'oac-cli-'));
  await cp(path.join(REPO_ROOT, 'examples/connections'), path.join(root, 'okta/connections'), {
    recursive: true,
  });
  return root;
}

async function sampleOrg(): Promise<OktaSim> {
  sim = await startOktaSim(await loadSimOrg(path.join(REPO_ROOT, 'sim/sample-org.yaml')));
  return sim;
}

describe('the CLI', () => {
  it('validates the default folder, and prints file:line:col problems with exit code 1', async () => {
    const root = await workspace();
    const ok = await runCli(['validate'], root);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('4 connection definition(s) in 3 file(s) are valid.');
    await writeFile(
      path.join(root, 'okta/connections/bad.yaml'),
      'connections:\n  - id: 0oa9999999999999999\n    action: Activate\n',
    );
    const bad = await runCli(['validate', 'okta/connections'], root);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(
      'okta/connections/bad.yaml:3:13: error: `connections[0].action` must be one of: activate, deactivate',
    );
  });

  it('plans (exit 0, text or --json), refuses a wrong --plan-hash, then applies and converges', async () => {
    const root = await workspace();
    const org = await sampleOrg();
    const env = { OKTA_API_TOKEN: org.apiToken, ...SECRET_ENV };
    const plan = await runCli(['plan', '--org', org.url], root, env);
    expect(plan.code, plan.stderr).toBe(0);
    expect(plan.stdout).toContain(
      'Plan: 2 to configure, 1 to activate, 1 to deactivate, 1 to update features, 1 unchanged.',
    );
    const json = await runCli(['plan', '--org', org.url, '--json'], root, env);
    const parsed = JSON.parse(json.stdout) as { hash: string; counts: { toConfigure: number } };
    expect(parsed.counts.toConfigure).toBe(2);
    expect(plan.stdout).toContain(`Plan hash: ${parsed.hash}`);

    const wrong = await runCli(['apply', '--org', org.url, '--plan-hash', 'f'.repeat(64)], root, env);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Nothing was applied');
    expect(org.writes()).toEqual([]);

    const apply = await runCli(['apply', '--org', org.url, '--plan-hash', parsed.hash], root, env);
    expect(apply.code, apply.stderr).toBe(0);
    expect(apply.stdout).toContain('Apply: 3 applied, 0 failed, 0 waiting for consent.');
    const again = await runCli(['plan', '--org', org.url], root, env);
    expect(again.stdout).toContain('No changes: Okta matches the definitions.');
    for (const run of [plan, json, apply, again]) {
      for (const secret of [org.apiToken, ...Object.values(SECRET_ENV)])
        expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });

  it('exits 2 with a clear message on usage errors and unreadable connections', async () => {
    const root = await workspace();
    const noOrg = await runCli(['plan'], root, { OKTA_API_TOKEN: 'x'.repeat(20) });
    expect(noOrg.code).toBe(2);
    expect(noOrg.stderr).toContain('give the Okta org with --org');
    const org = await sampleOrg();
    const noAuth = await runCli(['plan', '--org', org.url], root);
    expect(noAuth.code).toBe(2);
    expect(noAuth.stderr).toContain('no Okta credentials');
    org.apps.delete('0oa5zscalerprod0001');
    const missing = await runCli(['plan', '--org', org.url], root, { OKTA_API_TOKEN: org.apiToken });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('app 0oa5zscalerprod0001 does not exist in this org');
    const unknown = await runCli(['deploy'], root);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "deploy"');
  });
});
