import { afterEach, describe, expect, it } from 'vitest';
import { GitError, runGit } from '../src/plan/git.js';
import { caught } from './helpers/caught.js';
import { makeRepo, type Repo } from './helpers/git-repo.js';

let repo: Repo | undefined;
afterEach(async () => repo?.cleanup());

describe('the git runner of scope: changed', () => {
  it('gives git none of the runner environment: no credentials, no variable pointing at another repository', async () => {
    repo = await makeRepo();
    await repo.commit({ 'a.txt': 'a\n' });
    const before = { ...process.env };
    process.env.INPUT_OKTA_API_TOKEN = 'SSWS-do-not-pass-me-1234567890';
    process.env.GIT_DIR = '/nonexistent/.git';
    try {
      const env = (await runGit(repo.dir, ['-c', 'alias.showenv=!env', 'showenv'])).toString('utf8');
      expect(env).not.toContain('SSWS-do-not-pass-me');
      expect(env).not.toContain('/nonexistent/.git');
      expect(env).toContain('GIT_OPTIONAL_LOCKS=0');
    } finally {
      process.env = before;
    }
  });

  it('fails, not truncates, when git says more than asked for, and stops a command that hangs', async () => {
    repo = await makeRepo();
    await repo.commit({ 'big.txt': 'x'.repeat(100_000) });
    const big = await caught(runGit(repo.dir, ['cat-file', '-p', 'HEAD:big.txt'], { maxBytes: 1000 }));
    expect(big).toBeInstanceOf(GitError);
    expect((big as Error).message).toBe('git cat-file said more than 1000 bytes');
    const hung = await caught(runGit(repo.dir, ['-c', 'alias.hang=!sleep 30', 'hang'], { timeoutMs: 300 }));
    expect(hung).toBeInstanceOf(GitError);
    expect((hung as Error).message).toBe('git hang was stopped: it took too long');
  });

  it("reports git's own first line of complaint", async () => {
    repo = await makeRepo();
    const error = await caught(runGit(repo.dir, ['rev-parse', '--verify', 'no-such-ref^{commit}']));
    expect(error).toBeInstanceOf(GitError);
    expect((error as Error).message).toBe('fatal: Needed a single revision');
  });
});
