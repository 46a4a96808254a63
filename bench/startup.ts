/**
 * The bundled action as the runner starts it: `node dist/index.js` with `INPUT_COMMAND=validate` on a
 * workspace of generated definitions, against a bare `node -e 0`. Commands run interleaved after a
 * warm-up, and medians are reported, so a noisy moment does not favour one of them.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateApps } from '../sim/server.js';
import type { BenchConfig } from './config.js';
import { DEFINITIONS_PER_FILE, writeDefinitionFiles } from './definitions.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..');
/** What `validate` loads at start: each entry's main file (commands load their chunks when they run). */
export const BUNDLES = ['dist/index.js', 'dist/cli/index.js'] as const;

interface Command {
  name: string;
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** Printed by a successful run. */
  expect?: RegExp;
}

/** The action's validate of the bench's definitions may take at most this many bare node starts. */
export const VALIDATE_TARGET_RATIO = 15;

export interface StartupRow {
  name: string;
  medianMs: number;
  minMs: number;
  /** median / the bare node median. */
  ratio: number;
}

export interface StartupFigures {
  definitions: number;
  files: number;
  runs: number;
  rows: StartupRow[];
  bundleBytes: Record<(typeof BUNDLES)[number], number>;
}

export async function runStartupBench(config: BenchConfig): Promise<StartupFigures> {
  const root = await mkdtemp(path.join(tmpdir(), 'oac-bench-startup-'));
  try {
    const definitions = config.startupDefinitions;
    const many = await workspace(root, 'many', definitions);
    const one = await workspace(root, 'one', 1);
    const action = path.join(REPO_ROOT, 'dist/index.js');
    const commands: Command[] = [
      { name: 'node -e 0 (bare start)', args: ['-e', '0'], env: baseEnv(), cwd: root },
      {
        name: `action: validate ${definitions} definitions`,
        args: [action],
        env: await actionEnv(many),
        cwd: many,
        expect: new RegExp(`${definitions} connection definitions in \\d+ files: valid`),
      },
      {
        name: 'action: validate 1 definition',
        args: [action],
        env: await actionEnv(one),
        cwd: one,
        expect: /1 connection definition in 1 file: valid/,
      },
      {
        name: `cli: validate ${definitions} definitions`,
        args: [path.join(REPO_ROOT, 'dist/cli.js'), 'validate', 'okta/connections'],
        env: baseEnv(),
        cwd: many,
        expect: new RegExp(`${definitions} connection definition\\(s\\) in \\d+ file\\(s\\) are valid`),
      },
    ];
    const times = commands.map((): number[] => []);
    for (let run = 0; run <= config.startupRuns; run += 1) {
      for (const [index, command] of commands.entries()) {
        const ms = await timeCommand(command);
        if (run > 0) times[index]!.push(ms);
      }
    }
    const bare = median(times[0]!);
    return {
      definitions,
      files: Math.ceil(definitions / DEFINITIONS_PER_FILE),
      runs: config.startupRuns,
      rows: commands.map((command, index) => ({
        name: command.name,
        medianMs: median(times[index]!),
        minMs: Math.min(...times[index]!),
        ratio: median(times[index]!) / bare,
      })),
      bundleBytes: Object.fromEntries(
        await Promise.all(BUNDLES.map(async (file) => [file, (await stat(path.join(REPO_ROOT, file))).size])),
      ) as StartupFigures['bundleBytes'],
    };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function workspace(root: string, name: string, definitions: number): Promise<string> {
  const dir = path.join(root, name);
  const apps = generateApps(definitions, { withConnections: definitions, seed: 2 });
  await writeDefinitionFiles(apps, path.join(dir, 'okta/connections'));
  return dir;
}

/** Nothing from this process's environment (tsx's loader, NODE_OPTIONS) reaches the timed commands. */
function baseEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir() };
}

/** What the runner gives a JavaScript action: INPUT_* (validate unless `inputs` says otherwise) and the GITHUB_* files. */
export async function actionEnv(
  dir: string,
  inputs: Record<string, string> = {},
): Promise<Record<string, string>> {
  const runner = path.join(dir, '.runner');
  await mkdir(runner, { recursive: true });
  const files = { output: 'github_output', summary: 'step_summary.md', event: 'event.json' };
  await writeFile(path.join(runner, files.output), '');
  await writeFile(path.join(runner, files.summary), '');
  await writeFile(path.join(runner, files.event), '{}');
  return {
    ...baseEnv(),
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: path.join(runner, files.output),
    GITHUB_STEP_SUMMARY: path.join(runner, files.summary),
    GITHUB_EVENT_PATH: path.join(runner, files.event),
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_REPOSITORY: 'acme/okta-config',
    RUNNER_TEMP: runner,
    INPUT_COMMAND: 'validate',
    INPUT_PATH: 'okta/connections',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
  };
}

/** Whether the action's validate of many definitions is within VALIDATE_TARGET_RATIO bare starts. */
export function startupVerdict(figures: StartupFigures): string {
  const row = figures.rows.find(
    (candidate) =>
      candidate.name.startsWith('action: validate') && candidate.name.includes(`${figures.definitions} `),
  );
  if (!row) throw new Error('the start-up bench has no row for the action validating many definitions');
  const met = row.ratio <= VALIDATE_TARGET_RATIO;
  return `${row.name}: ${row.ratio.toFixed(2)} times a bare start (target at most ${VALIDATE_TARGET_RATIO}): ${met ? 'met' : 'MISSED'}.`;
}

function timeCommand(command: Command): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    execFile(process.execPath, command.args, { env: command.env, cwd: command.cwd }, (error, stdout) => {
      const ms = performance.now() - started;
      if (error) reject(new Error(`${command.name} failed: ${error.message}\n${stdout}`));
      else if (command.expect && !command.expect.test(stdout)) {
        reject(new Error(`${command.name} did not report success:\n${stdout}`));
      } else resolve(ms);
    });
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
