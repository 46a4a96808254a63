import * as github from '@actions/github';
import type { EventInfo } from './events.js';

/** What the action needs from the runner's environment and the event payload. */
export interface RunContext extends EventInfo {
  owner: string;
  repo: string;
  sha: string;
  headSha: string;
  runId: number;
  runNumber: string;
  runUrl: string;
  workspace: string;
  runnerTemp: string;
  apiUrl: string;
}

export function runContext(): RunContext {
  const { context } = github;
  const payload = context.payload as {
    repository?: { default_branch?: string };
    pull_request?: { number?: number; head?: { sha?: string } };
  };
  const [owner = '', repo = ''] = (process.env.GITHUB_REPOSITORY ?? '/').split('/');
  const serverUrl = process.env.GITHUB_SERVER_URL || 'https://github.com';
  return {
    eventName: context.eventName,
    ref: context.ref,
    defaultBranch: payload.repository?.default_branch,
    pullRequestNumber: payload.pull_request?.number,
    owner,
    repo,
    sha: context.sha,
    headSha: payload.pull_request?.head?.sha ?? context.sha,
    runId: context.runId,
    runNumber: String(context.runNumber),
    runUrl: `${serverUrl}/${owner}/${repo}/actions/runs/${context.runId}`,
    workspace: process.env.GITHUB_WORKSPACE || process.cwd(),
    runnerTemp: process.env.RUNNER_TEMP || process.cwd(),
    apiUrl: process.env.GITHUB_API_URL || 'https://api.github.com',
  };
}
