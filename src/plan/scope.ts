import type { Env, ResolvedConnection } from '../definitions/env.js';
import { changedConnections } from './changes.js';
import { GitError, runGit, type Git } from './git.js';
import type { PlanScope } from './model.js';

/**
 * Which connections a plan reads: every one (with why, when only the changed ones were asked for but the
 * commits could not be compared), or those whose definitions differ between two commits. A shell finds the
 * commits (the action from its event); the plan takes them as plain values.
 */
export type ScopeRequest =
  { mode: 'all'; fallback?: string } | { mode: 'changed'; base: string; head: string };

interface PlanScopeRequest {
  scope: ScopeRequest;
  /** The git checkout the definitions were read from. */
  workspace: string;
  /** The `path` input. */
  path: string;
  /** The definition files read (`LoadedDefinitions.files`). */
  files: readonly string[];
  /** Every valid definition of the working tree, resolved. */
  connections: readonly ResolvedConnection[];
  env: Env;
  git?: Git;
}

export interface ScopedConnections {
  /** The connections to plan. */
  connections: ResolvedConnection[];
  /** For the plan (`PlanOptions.scope`): what was read, and why everything when it was. */
  scope: PlanScope;
  /** With scope changed: the base commit's version of each planned connection (`PlanOptions.base`). */
  base?: Map<string, ResolvedConnection>;
}

/**
 * The connections a plan reads. With two commits, only those whose definitions differ between the base and
 * the checkout; when git cannot answer, everything, and why: never a guess.
 */
export async function resolvePlanScope(request: PlanScopeRequest): Promise<ScopedConnections> {
  const all = (fallback?: string): ScopedConnections => ({
    connections: [...request.connections],
    scope: { mode: 'all', unread: 0, ...(fallback && { fallback }) },
  });
  const { scope } = request;
  if (scope.mode === 'all') return all(scope.fallback);
  const git = request.git ?? runGit;
  try {
    const found = await changedConnections({ ...request, base: scope.base, git });
    return {
      connections: found.changed,
      scope: {
        mode: 'changed',
        base: found.base,
        head: scope.head,
        unread: request.connections.length - found.changed.length,
      },
      base: found.baseVersions,
    };
  } catch (error) {
    if (error instanceof GitError) return all(gitFallback(error));
    throw error;
  }
}

/** Why a plan reads everything when git failed. Reasons are plain text: the reports escape them. */
export function gitFallback(error: GitError): string {
  return `git could not compare the commits (${error.message})`;
}
