import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, runAction, type ActionRun } from './helpers/run-action.js';

const OUTSIDE_DEFINITION =
  'connections:\n  - id: 0oa1234567890abcdef\n    name: OUTSIDE-SECRET-NAME\n    action: activate\n    profile:\n      auth_scheme: TOKEN\n      token: OUTSIDE-LITERAL-TOKEN\n';

const bogus = (entries: number) => `connections:\n${'  - bogus: 1\n'.repeat(entries)}`;

const validate = (workspace: string) => runAction({ workspace, inputs: { command: 'validate' } });

/** Everything the run shows a reader: log, annotations and the job summary. */
const shown = (run: ActionRun) => `${run.stdout}\n${run.stderr}\n${run.summary}`;

describe('validate on a hostile checkout: the action as the runner runs it', () => {
  it('refuses okta/connections committed as a link to a folder outside the repository, and shows none of it', async () => {
    const workspace = await makeWorkspace({ 'README.md': 'x' });
    const outside = await mkdtemp(path.join(tmpdir(), 'oac-outside-'));
    await writeFile(path.join(outside, 'stolen.yaml'), OUTSIDE_DEFINITION);
    await mkdir(path.join(workspace, 'okta'));
    await symlink(outside, path.join(workspace, 'okta/connections'));

    const run = await validate(workspace);
    expect(run.code).toBe(1);
    expect(run.annotations.filter((a) => a.level === 'error').map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^path "okta\/connections" is a symbolic link that leads outside the repository; it was not read/,
      ),
    );
    expect(run.summary).toContain('symbolic link that leads outside the repository');
    expect(shown(run)).not.toMatch(/OUTSIDE-SECRET-NAME|OUTSIDE-LITERAL-TOKEN|stolen/);
  });

  it('refuses okta/connections as a FIFO without waiting on it', async () => {
    const workspace = await makeWorkspace({ 'okta/README.md': 'x' });
    execFileSync('mkfifo', [path.join(workspace, 'okta/connections')]);
    const run = await validate(workspace);
    expect(run.code).toBe(1);
    expect(run.annotations.map((a) => a.message)).toContainEqual(
      expect.stringMatching(
        /^path "okta\/connections" is a named pipe \(FIFO\), not a file or a folder; it was not read/,
      ),
    );
  });

  it('one file with 80,000 broken entries: a report, no stack overflow', async () => {
    const workspace = await makeWorkspace({ 'okta/connections/big.yaml': bogus(80_000) });
    const run = await validate(workspace);
    expect(run.code, run.stderr).toBe(1);
    expect(shown(run)).not.toContain('Maximum call stack');
    expect(run.annotations.filter((a) => a.level === 'error').length).toBeGreaterThan(0);
    expect(run.annotations.filter((a) => a.level === 'error').length).toBeLessThanOrEqual(11);
    expect(run.summary).toContain('unknown key `bogus`');
  }, 120_000);

  it('300 files × 300 broken entries: at most a handful of annotations and a summary far below 1 MiB', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        `okta/connections/f${String(i).padStart(3, '0')}.yaml`,
        bogus(300),
      ]),
    );
    const run = await validate(await makeWorkspace(files));
    expect(run.code, run.stderr).toBe(1);
    const commands = run.stdout.split('\n').filter((line) => /^::(error|warning|notice)/.test(line));
    expect(commands.length).toBeLessThanOrEqual(22);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(200 * 1024);
    expect(run.summary).toMatch(/… and [\d,]+ more problems \([\d,]+ errors\) not shown\./);
  }, 120_000);
});
