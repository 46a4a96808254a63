import { readFileSync } from 'node:fs';
import type { EventInfo } from './events.js';

/** What the action needs from the runner's environment and the event payload. */
export interface RunContext extends EventInfo {
  owner: string;
  repo: string;
  /** The commit the workflow runs on (for a pull request, GitHub's test merge). */
  sha: string;
  /** The pull request's head commit, else `sha`. */
  headSha: string;
  runId: number;
  runNumber: string;
  runUrl: string;
  workspace: string;
  runnerTemp: string;
  apiUrl: string;
  /** The event payload as GitHub wrote it (for the scope of a plan). */
  payload: EventPayload;
}

export interface EventPayload {
  action?: string;
  before?: string;
  after?: string;
  deleted?: boolean;
  repository?: { default_branch?: string };
  pull_request?: { number?: number; head?: { sha?: string }; base?: { sha?: string } };
}

/** Reads the runner's GITHUB_* variables and the event file; an unreadable payload counts as empty. */
export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '/').split('/');
  const serverUrl = env.GITHUB_SERVER_URL || 'https://github.com';
  const sha = env.GITHUB_SHA ?? '';
  const runId = Number.parseInt(env.GITHUB_RUN_ID ?? '', 10) || 0;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? '',
    ...(typeof payload.action === 'string' && { action: payload.action }),
    ref: env.GITHUB_REF ?? '',
    ...(payload.repository?.default_branch && { defaultBranch: payload.repository.default_branch }),
    ...(typeof payload.pull_request?.number === 'number' && {
      pullRequestNumber: payload.pull_request.number,
    }),
    ...(payload.deleted === true && { deleted: true }),
    owner,
    repo,
    sha,
    headSha: payload.pull_request?.head?.sha ?? sha,
    runId,
    runNumber: env.GITHUB_RUN_NUMBER ?? '',
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}`,
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: env.RUNNER_TEMP || process.cwd(),
    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
    payload,
  };
}

function readPayload(file: string | undefined): EventPayload {
  if (!file) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as EventPayload) : {};
  } catch {
    return {};
  }
}
