import { spawn } from 'node:child_process';

/** A git command failed, timed out or said more than we read; the message is git's first line of complaint. */
export class GitError extends Error {}

export interface GitOptions {
  /** Sent on stdin (cat-file --batch). */
  input?: string;
  /** Largest output read; more is an error, not a truncation. */
  maxBytes?: number;
  timeoutMs?: number;
}

/** Runs one read-only git command in `cwd`: no shell, argument arrays, bounded output and time. */
export type Git = (cwd: string, args: readonly string[], options?: GitOptions) => Promise<Buffer>;

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 60_000;
const STDERR_BYTES = 16 * 1024;
/**
 * The only variables git gets: where it and its configuration are. Not the runner's environment, which
 * holds the Okta credentials and the secrets definitions read; not GIT_DIR and the like, which would point
 * it at another repository than the workspace.
 */
const PASSED_VARIABLES = [
  'PATH',
  'HOME',
  'XDG_CONFIG_HOME',
  'TMPDIR',
  'SYSTEMROOT',
  'GIT_EXEC_PATH',
  'GIT_CONFIG_GLOBAL',
  'GIT_CONFIG_SYSTEM',
  'GIT_CONFIG_NOSYSTEM',
];

export const runGit: Git = (cwd, args, options = {}) => {
  const env: NodeJS.ProcessEnv = {
    LC_ALL: 'C',
    GIT_TERMINAL_PROMPT: '0',
    // Reading must not take the index lock (a refresh would write it) while other tools use the checkout.
    GIT_OPTIONAL_LOCKS: '0',
    // A partial clone must not fetch what it lacks: a missing file counts as changed, a missing commit reads all.
    GIT_NO_LAZY_FETCH: '1',
  };
  for (const name of PASSED_VARIABLES) if (process.env[name] !== undefined) env[name] = process.env[name];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const name = `git ${subcommand(args)}`;
  return new Promise((resolve, reject) => {
    // Its own process group, so that stopping it also stops what it started (a filter, a hook, an alias).
    const child = spawn('git', [...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      stop(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      reject(new GitError(message));
    };
    const timer = setTimeout(
      () => fail(`${name} was stopped: it took too long`),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) fail(`${name} said more than ${maxBytes} bytes`);
      else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_BYTES) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => fail(`git could not be run: ${error.message}`));
    child.on('close', (code, signal) => {
      if (code === 0) {
        settled = true;
        clearTimeout(timer);
        resolve(Buffer.concat(chunks));
      } else {
        fail(firstLine(stderr) || `${name} ended with ${signal ?? `exit code ${code}`}`);
      }
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
};

/** The command in an argument list: what follows the global options (`-c name=value`, `--flag`). */
function subcommand(args: readonly string[]): string {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '-c') i++;
    else if (!args[i]!.startsWith('-')) return args[i]!;
  }
  return '';
}

function stop(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean)
      ?.slice(0, 300) ?? ''
  );
}
