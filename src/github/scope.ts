import { GitError, runGit, type Git } from '../plan/git.js';
import { gitFallback, type ScopeRequest } from '../plan/scope.js';
import type { ScopeSetting } from '../run/settings.js';

/** The parts of a GitHub event payload that say which commits a run compares. */
interface ScopeEventPayload {
  before?: unknown;
  after?: unknown;
  pull_request?: { base?: { sha?: unknown }; head?: { sha?: unknown } };
}

export interface ScopeEvent {
  name: string;
  payload: ScopeEventPayload;
}

/**
 * Which connections the action's plan reads (the `scope` input). `auto` is `changed` on `pull_request` and
 * `push`, `all` otherwise. `changed` compares the base and the checkout: on a pull request the base is the
 * first parent of GitHub's merge commit (whose second parent must be the pull request's head), else the
 * payload's base sha; on a push, the commit before the push (which covers rebase merges of several commits).
 * When that commit is missing (a shallow checkout) or git cannot answer, the plan reads everything and says
 * why, with advice on `fetch-depth`: never a guess.
 */
export async function scopeOfEvent(
  setting: ScopeSetting,
  event: ScopeEvent,
  workspace: string,
  git: Git = runGit,
): Promise<ScopeRequest> {
  const changedAsked =
    setting === 'changed' || (setting === 'auto' && (event.name === 'pull_request' || event.name === 'push'));
  if (!changedAsked) return { mode: 'all' };
  try {
    const commits = await commitsToCompare(git, workspace, event);
    return 'fallback' in commits
      ? { mode: 'all', fallback: commits.fallback }
      : { mode: 'changed', ...commits };
  } catch (error) {
    if (error instanceof GitError) return { mode: 'all', fallback: gitFallback(error) };
    throw error;
  }
}

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/** Reasons are plain text: the reports escape them as they escape any text. */
const FETCH_DEPTH = 'set fetch-depth: 2 on actions/checkout';

/** The base and head commits an event compares, or why it cannot say. */
async function commitsToCompare(
  git: Git,
  cwd: string,
  event: ScopeEvent,
): Promise<{ base: string; head: string } | { fallback: string }> {
  let head: string;
  try {
    head = (await git(cwd, ['rev-parse', '--verify', 'HEAD^{commit}'])).toString('utf8').trim();
  } catch (error) {
    return { fallback: `the workspace is not a git checkout (${(error as Error).message})` };
  }
  const exists = (sha: string) =>
    git(cwd, ['cat-file', '-e', `${sha}^{commit}`]).then(
      () => true,
      () => false,
    );
  const { payload } = event;

  if (event.name === 'pull_request') {
    const prHead = shaOf(payload.pull_request?.head?.sha);
    const prBase = shaOf(payload.pull_request?.base?.sha);
    // `rev-list --parents` lists no parent that a shallow checkout cut off.
    const [, first, second, ...more] = (await git(cwd, ['rev-list', '--parents', '-n', '1', head]))
      .toString('utf8')
      .trim()
      .split(' ');
    const isPullMerge = first && second && more.length === 0 && (!prHead || second === prHead);
    const base = isPullMerge ? first : prBase;
    if (!base) {
      return { fallback: `the pull request's base commit is not in the checkout (${FETCH_DEPTH})` };
    }
    if (!(await exists(base))) {
      return {
        fallback: `the pull request's base commit ${short(base)} is not in the checkout (${FETCH_DEPTH})`,
      };
    }
    return { base, head };
  }

  if (event.name === 'push') {
    const before = shaOf(payload.before);
    const after = shaOf(payload.after);
    if (after && after !== head) {
      return { fallback: `the checkout (${short(head)}) is not the pushed commit ${short(after)}` };
    }
    if (!before || /^0+$/.test(before)) {
      return { fallback: 'the push has no earlier commit to compare with (it created the branch)' };
    }
    if (!(await exists(before))) {
      return {
        fallback: `the commit before the push (${short(before)}) is not in the checkout (${FETCH_DEPTH}; a rebase merge of several commits needs one more per commit, or fetch-depth: 0)`,
      };
    }
    return { base: before, head };
  }

  return {
    fallback: `scope changed compares the commits of a pull request or a push; this run is ${event.name}`,
  };
}

function shaOf(value: unknown): string | undefined {
  return typeof value === 'string' && SHA.test(value) ? value : undefined;
}

function short(sha: string): string {
  return sha.slice(0, 7);
}
