import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** git with a fixed identity and clock and no user or system configuration, for reproducible repositories. */
export function git(cwd: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      args,
      {
        cwd,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: cwd,
          GIT_CONFIG_NOSYSTEM: '1',
          GIT_CONFIG_GLOBAL: '/dev/null',
          GIT_AUTHOR_NAME: 'Ada Admin',
          GIT_AUTHOR_EMAIL: 'ada@example.com',
          GIT_COMMITTER_NAME: 'Ada Admin',
          GIT_COMMITTER_EMAIL: 'ada@example.com',
          GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z',
          GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z',
        },
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`git ${args.join(' ')}: ${stderr || error.message}`))
          : resolve(stdout.trim()),
    );
  });
}

/** A scratch repository ("origin") whose branches the tests build, and clones of it as a runner checks out. */
export interface Repo {
  dir: string;
  /** Replaces the working tree's files: a map of path → content; `null` deletes. Then commits all. */
  commit(files: Record<string, string | null>, message?: string): Promise<string>;
  git(...args: string[]): Promise<string>;
  /** `git clone --depth <depth> --branch <branch> file://…`, as actions/checkout fetches. */
  clone(branch: string, depth?: number): Promise<string>;
  cleanup(): Promise<void>;
}

export async function makeRepo(): Promise<Repo> {
  const root = await mkdtemp(path.join(tmpdir(), 'oac-git-'));
  const dir = path.join(root, 'origin');
  await mkdir(dir);
  await git(dir, 'init', '-q', '-b', 'main');
  let clones = 0;
  return {
    dir,
    git: (...args) => git(dir, ...args),
    async commit(files, message = 'change') {
      for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        if (content === null) await rm(file);
        else {
          await mkdir(path.dirname(file), { recursive: true });
          await writeFile(file, content);
        }
      }
      await git(dir, 'add', '-A', '.');
      await git(dir, 'commit', '-q', '--allow-empty', '-m', message);
      return git(dir, 'rev-parse', 'HEAD');
    },
    async clone(branch, depth = 2) {
      const target = path.join(root, `clone-${++clones}`);
      await git(root, 'clone', '-q', `--depth=${depth}`, '--branch', branch, `file://${dir}`, target);
      return target;
    },
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}
