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
/** Variables that would point git at another repository than the workspace. */
const REPOSITORY_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_NAMESPACE',
];

export const runGit: Git = (cwd, args, options = {}) => {
  const env: NodeJS.ProcessEnv = { ...process.env, LC_ALL: 'C', GIT_TERMINAL_PROMPT: '0' };
  // Reading must not take the index lock (a refresh would write it) while other tools use the checkout.
  env.GIT_OPTIONAL_LOCKS = '0';
  for (const name of REPOSITORY_VARIABLES) delete env[name];
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return new Promise((resolve, reject) => {
    const child = spawn('git', [...args], {
      cwd,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      killSignal: 'SIGKILL',
    });
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let failure: GitError | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        failure ??= new GitError(`git ${args[0]} said more than ${maxBytes} bytes`);
        child.kill('SIGKILL');
      } else chunks.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < STDERR_BYTES) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      failure ??= new GitError(`git could not be run: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      if (failure) return reject(failure);
      if (signal) return reject(new GitError(`git ${args[0]} was stopped (${signal}): it took too long`));
      if (code !== 0) return reject(new GitError(firstLine(stderr) || `git ${args[0]} exited with ${code}`));
      resolve(Buffer.concat(chunks));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
};

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find(Boolean)
      ?.slice(0, 300) ?? ''
  );
}
