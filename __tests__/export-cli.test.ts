import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { runCli as runCliInProcess } from '../src/cli/run.js';
import { runCli } from './helpers/run-action.js';
import { notSetUp, slack, zscalerToken } from './helpers/sim-fixtures.js';

const APPS: SimApp[] = [
  zscalerToken('0oaCliZscaler0000001', {
    label: 'Zscaler production',
    connection: { baseUrl: 'https://scim.example.com/v1' },
  }),
  slack('0oaCliSlack000000001', { connection: { status: 'DISABLED' } }),
  notSetUp('bookmark', '0oaCliBookmark000001', { label: 'Intranet' }),
];

let sim: OktaSim;
let stdout: string;
let stderr: string;

beforeAll(async () => {
  sim = await startOktaSim({ apps: APPS });
});

afterAll(async () => {
  await sim?.close();
});

/** Runs `export` in-process through the CLI's entry, capturing what it prints. */
async function run(args: {
  path: string;
  orgUrl?: string;
  env?: Record<string, string>;
  apps?: string;
  force?: boolean;
}): Promise<number> {
  stdout = '';
  stderr = '';
  const { orgUrl = sim.url, env = { OKTA_API_TOKEN: sim.apiToken } } = args;
  const argv = [
    'export',
    args.path,
    ...(args.orgUrl === undefined && 'orgUrl' in args ? [] : ['--org', orgUrl]),
    ...(args.apps ? ['--apps', args.apps] : []),
    ...(args.force ? ['--force'] : []),
  ];
  return runCliInProcess(argv, env, {
    cwd: process.cwd(),
    out: (text) => (stdout += text),
    err: (text) => (stderr += text),
  });
}

const tempDir = () => mkdtemp(path.join(tmpdir(), 'oac-cli-'));

describe('export through the CLI entry', () => {
  it('writes the files, prints them and the variables to create, and writes nothing to Okta', async () => {
    const folder = path.join(await tempDir(), 'okta/connections');
    expect(await run({ path: folder })).toBe(0);
    expect((await readdir(folder)).sort()).toEqual(['slack.yaml', 'zscaler-production.yaml']);
    expect(stdout).toContain('Wrote 2 definition files for the connections of 127.0.0.1');
    expect(stdout).toContain('3 apps read, 1 skipped');
    expect(stdout).toMatch(/^ {2}ZSCALER_PRODUCTION_TOKEN \(secret\): /m);
    expect(stdout).not.toContain(sim.apiToken);
    expect(stderr).toBe('');
    expect(sim.writes()).toEqual([]);
  });

  it('refuses existing files (exit 2, nothing written) unless --force', async () => {
    const folder = await tempDir();
    await writeFile(path.join(folder, 'slack.yaml'), 'mine\n');
    expect(await run({ path: folder })).toBe(2);
    expect(stderr).toContain('Nothing was written: 1 file of the export exists already');
    expect(stderr).toContain(`exists: ${path.join(folder, 'slack.yaml')}`);
    expect(stderr).toContain('pass --force');
    expect(await readdir(folder)).toEqual(['slack.yaml']);

    expect(await run({ path: folder, force: true })).toBe(0);
    expect(await readFile(path.join(folder, 'slack.yaml'), 'utf8')).toContain('    action: deactivate\n');
  });

  it('exports only --apps, and rejects a word that is not an app id', async () => {
    const folder = await tempDir();
    expect(await run({ path: folder, apps: '0oaCliZscaler0000001' })).toBe(0);
    expect(await readdir(folder)).toEqual(['zscaler-production.yaml']);
    expect(await run({ path: folder, apps: '0oaCliSlack000000001,slack' })).toBe(2);
    expect(stderr).toContain('`--apps` must be `all` or Okta app ids');
    expect(stderr).toContain('(got "slack")');
  });

  it('explains missing settings and unreadable apps', async () => {
    const folder = await tempDir();
    expect(await run({ path: folder, orgUrl: undefined })).toBe(2);
    expect(stderr).toContain('give the Okta org with --org');
    expect(await run({ path: folder, env: {} })).toBe(2);
    expect(stderr).toContain('no Okta credentials: set OKTA_API_TOKEN');
    expect(await run({ path: 'okta/*.yaml' })).toBe(2);
    expect(stderr).toContain('export writes into one folder');
    expect(await run({ path: folder, apps: '0oaCliMissing0000001' })).toBe(2);
    expect(stderr).toContain(
      'could not read 0oaCliMissing0000001: app 0oaCliMissing0000001 does not exist in this org',
    );
    expect(await readdir(folder)).toEqual([]);
  });
});

describe('the CLI', () => {
  it('exports with `okta-app-connections export <path> --org URL`', async () => {
    const cwd = await tempDir();
    const { code, stdout: out } = await runCli(['export', 'defs', '--org', sim.url], cwd, {
      OKTA_API_TOKEN: sim.apiToken,
    });
    expect(code).toBe(0);
    expect(out).toContain('Wrote 2 definition files');
    expect((await readdir(path.join(cwd, 'defs'))).sort()).toEqual(['slack.yaml', 'zscaler-production.yaml']);
  });
});
