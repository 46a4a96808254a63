import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planComments, startE2E, type E2E } from './helpers/e2e.js';
import { REPO_ROOT } from './helpers/run-action.js';
import { runnerCommands } from './helpers/runner-commands.js';

let e2e: E2E;
afterEach(async () => e2e?.close());

const HUB = '0oa5org2orghub00001';

/** The example definitions with the Zscaler connection renamed. */
async function definitionsNamed(name: string): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'oac-defs-'));
  await cp(path.join(REPO_ROOT, 'examples/connections'), folder, { recursive: true });
  const file = path.join(folder, 'zscaler.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, text.replace('name: Zscaler production', `name: ${JSON.stringify(name)}`));
  return folder;
}

/** Every command the runner would run from our stdout, apart from the masks we register. */
const commandsBesidesMasks = (stdout: string) =>
  runnerCommands(stdout).filter((command) => command.command !== 'add-mask');

describe('hostile text in the action log', () => {
  it('a definition name and an Okta error cannot start workflow commands', async () => {
    e2e = await startE2E({
      definitions: await definitionsNamed('Hub ##[stop-commands]x ##[error file=README.md,line=1]pwned'),
    });
    e2e.sim.setFaults({
      failNext: {
        count: 5,
        status: 400,
        path: new RegExp(`${HUB}/connections/default$`),
        errorCode: 'E0000001',
        errorSummary:
          'Api validation failed\n::stop-commands::x\n::error file=README.md,line=2::pwned\r##[error]pwned',
        causes: ['  ::warning file=README.md,line=3::pwned'],
      },
    });
    const run = await e2e.pullRequest();

    // The text is shown, as text.
    expect(run.stdout).toContain('pwned');
    expect(run.stdout).toContain('Api validation failed');
    const commands = commandsBesidesMasks(run.stdout);
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(command.command, command.line).not.toBe('stop-commands');
      expect(command.line, command.line).not.toMatch(/pwned|README/);
    }
    expect(run.annotations.filter((annotation) => annotation.file === 'README.md')).toEqual([]);
  });

  it('a secret Okta echoes base64-, hex- or double-URL-encoded is masked everywhere; short secrets are masked too (item 10)', async () => {
    e2e = await startE2E();
    const token = e2e.sim.apiToken;
    const encodings = [
      Buffer.from(token).toString('base64'),
      Buffer.from(`svc-user:${token}`).toString('base64'),
      Buffer.from(token).toString('hex'),
      Buffer.from(token).toString('hex').toUpperCase(),
      encodeURIComponent(encodeURIComponent(`${token}/`)),
    ];
    e2e.sim.setFaults({
      failNext: {
        count: 5,
        status: 400,
        path: new RegExp(`${HUB}/connections/default$`),
        errorCode: 'E0000001',
        errorSummary: `Invalid credentials: ${encodings[0]} (basic ${encodings[1]})`,
        causes: [`token ${encodings[2]}`, `TOKEN ${encodings[3]}`, `redirect=${encodings[4]}`],
      },
    });
    const run = await e2e.pullRequest({ env: { O365_ADMIN_PASSWORD: 'Q7x' } });

    expect(run.stdout).toContain('Invalid credentials: ***');
    const comment = planComments(e2e.github)[0]!.body;
    const stdout = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const [where, text] of Object.entries({ stdout, summary: run.summary, comment })) {
      for (const leak of [token, ...encodings, token.slice(5, 25)]) {
        expect(text.includes(leak), `${leak} in ${where}`).toBe(false);
      }
      // What is left of the Basic value is the user name's few characters, never the token's.
      expect(text).not.toMatch(/basic [A-Za-z0-9+/]{16,}/);
    }
    // A three-character secret is registered with the runner, which masks it in the log.
    expect(run.stdout).toContain('::add-mask::Q7x\n');
  });
});
