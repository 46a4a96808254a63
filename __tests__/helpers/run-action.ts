import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { REPO_ROOT, testBuildDir } from './entries.js';

export { REPO_ROOT };
/**
 * Entry points the tests run: the sources, built once per test run by the global setup
 * (setup/build-entries.ts), unless a test asks for the shipped bundle.
 */
export const ACTION_SOURCE = path.join(testBuildDir(), 'index.mjs');
export const CLI_SOURCE = path.join(testBuildDir(), 'cli.mjs');
export const ACTION_BUNDLE = path.join(REPO_ROOT, 'dist/index.js');
export const CLI_BUNDLE = path.join(REPO_ROOT, 'dist/cli.js');
const TSX_LOADER = pathToFileURL(path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs')).href;

/** Node arguments that start an entry point: TypeScript sources load through tsx, bundles run as they are. */
export function nodeArguments(entry: string): string[] {
  return entry.endsWith('.ts') ? ['--import', TSX_LOADER, entry] : [entry];
}

export interface ProcessRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Starts `node <entry> …args` with exactly `env` (no inherited variables) and collects its output. */
export function runNode(
  entry: string,
  args: string[],
  options: { cwd: string; env: Record<string, string>; timeoutMs?: number },
): Promise<ProcessRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [...nodeArguments(entry), ...args],
      {
        env: options.env,
        cwd: options.cwd,
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 120_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** The CLI as a user starts it, from `cwd`, with PATH and `env` only. Runs the sources unless `entry` says otherwise. */
export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  entry: string = CLI_SOURCE,
): Promise<ProcessRun> {
  return runNode(entry, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
}

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  file?: string;
  line?: number;
  col?: number;
  message: string;
}

export interface ActionRun extends ProcessRun {
  outputs: Record<string, string>;
  /** Every value each output was set to, in order (the last one is in `outputs`). */
  outputWrites: Record<string, string[]>;
  summary: string;
  annotations: Annotation[];
  runnerTemp: string;
}

export interface ActionRunOptions {
  /** Input values by their action.yml names (`okta-api-token`); passed as INPUT_* with hyphens kept. */
  inputs: Record<string, string>;
  workspace: string;
  eventName?: string;
  payload?: Record<string, unknown>;
  ref?: string;
  sha?: string;
  githubApiUrl?: string;
  repository?: string;
  runId?: string;
  runNumber?: string;
  env?: Record<string, string>;
  /** The file node starts: the sources by default, ACTION_BUNDLE for the bundle smoke test. */
  entry?: string;
}

/** Runs the action the way the GitHub runner does: a fresh node process, INPUT_* and GITHUB_* files. */
export async function runAction(options: ActionRunOptions): Promise<ActionRun> {
  const runnerTemp = await mkdtemp(path.join(tmpdir(), 'oac-runner-'));
  const outputFile = path.join(runnerTemp, 'github_output');
  const summaryFile = path.join(runnerTemp, 'step_summary.md');
  const eventFile = path.join(runnerTemp, 'event.json');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  await writeFile(eventFile, JSON.stringify(options.payload ?? {}));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: options.workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_REF: options.ref ?? 'refs/heads/main',
    GITHUB_SHA: options.sha ?? 'a'.repeat(40),
    GITHUB_REPOSITORY: options.repository ?? 'acme/okta-config',
    GITHUB_API_URL: options.githubApiUrl ?? 'http://127.0.0.1:9',
    GITHUB_GRAPHQL_URL: `${options.githubApiUrl ?? 'http://127.0.0.1:9'}/graphql`,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: options.runId ?? '1001',
    GITHUB_RUN_NUMBER: options.runNumber ?? '7',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'octocat',
    GITHUB_WORKFLOW: 'okta',
    GITHUB_JOB: 'okta',
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const { code, stdout, stderr } = await runNode(options.entry ?? ACTION_SOURCE, [], {
    cwd: options.workspace,
    env,
  });
  const outputText = await readFile(outputFile, 'utf8');
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(outputText),
    outputWrites: parseOutputWrites(outputText),
    summary: await readFile(summaryFile, 'utf8'),
    annotations: parseAnnotations(stdout),
    runnerTemp,
  };
}

/** GITHUB_OUTPUT as @actions/core writes it: `name<<delimiter` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(parseOutputWrites(text)).map(([name, values]) => [name, values.at(-1)!]),
  );
}

function parseOutputWrites(text: string): Record<string, string[]> {
  const outputs: Record<string, string[]> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!match) continue;
    const [, name, delimiter] = match;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
    (outputs[name!] ??= []).push(value.join('\n'));
  }
  return outputs;
}

/** Workflow commands `::error file=…,line=…,col=…::message` from stdout, unescaped. */
export function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const index = pair.indexOf('=');
      properties[pair.slice(0, index)] = unescapeProperty(pair.slice(index + 1));
    }
    annotations.push({
      level: match[1] as Annotation['level'],
      ...(properties.file !== undefined && { file: properties.file }),
      ...(properties.line !== undefined && { line: Number(properties.line) }),
      ...(properties.col !== undefined && { col: Number(properties.col) }),
      message: unescapeData(match[3]!),
    });
  }
  return annotations;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/** Writes a map of relative path → content (string or bytes) under a new temporary workspace. */
export async function makeWorkspace(files: Record<string, string | Buffer>): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  const root = await mkdtemp(path.join(tmpdir(), 'oac-ws-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}
