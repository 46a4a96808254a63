import { cp, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadSimOrg, startOktaSim } from '../../sim/server.js';
import type { OktaSim, SimOptions } from '../../sim/types.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';
import { REPO_ROOT, runAction, type ActionRun, type ActionRunOptions } from './run-action.js';

/** Real-looking secret values: tests check that none of them leaks anywhere. */
export const SECRET_ENV = {
  ZSCALER_SCIM_TOKEN: 'zs-SCIM-7f3a9c2e1b8d4f6a0e5c7b9d2f4a6c8e',
  LEGACY_PARTNER_TOKEN: '00LegacyPartnerTok3n-9b8c7d6e5f4a3b2c1d0e',
  O365_ADMIN_PASSWORD: 'Sup3r-S3cret-O365-Passw0rd!x7',
};

export const PR_NUMBER = 12;
export const HEAD_SHA = '1111111111111111111111111111111111111111';
export const MERGE_SHA = '2222222222222222222222222222222222222222';

export interface E2E {
  sim: OktaSim;
  github: FakeGitHub;
  workspace: string;
  /** Every secret of the run: Okta API token, GitHub token, write-only values. */
  secrets: string[];
  pullRequest(extra?: Partial<ActionRunOptions>): Promise<ActionRun>;
  push(extra?: Partial<ActionRunOptions>): Promise<ActionRun>;
  dispatch(inputs: Record<string, string>, extra?: Partial<ActionRunOptions>): Promise<ActionRun>;
  /** Merges the PR: MERGE_SHA becomes its merge commit. */
  merge(): void;
  close(): Promise<void>;
}

/** The sample org in the simulator, the repo's example definitions in a workspace, and a fake GitHub. */
export async function startE2E(options: { sim?: SimOptions; definitions?: string } = {}): Promise<E2E> {
  const seed = await loadSimOrg(path.join(REPO_ROOT, 'sim/sample-org.yaml'));
  const sim = await startOktaSim({
    ...seed,
    apiToken: 'SSWS-live-9d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b',
    ...options.sim,
  });
  const github = await startFakeGitHub();
  github.state.addPull({ number: PR_NUMBER, headSha: HEAD_SHA });
  const workspace = await mkdtemp(path.join(tmpdir(), 'oac-e2e-'));
  await cp(
    options.definitions ?? path.join(REPO_ROOT, 'examples/connections'),
    path.join(workspace, 'okta/connections'),
    {
      recursive: true,
    },
  );
  const base = (inputs: Record<string, string>): ActionRunOptions => ({
    workspace,
    githubApiUrl: github.url,
    inputs: {
      'okta-org-url': sim.url,
      'okta-api-token': sim.apiToken,
      'github-token': github.token,
      ...inputs,
    },
    env: { ...SECRET_ENV },
  });
  const repository = { default_branch: 'main', full_name: 'acme/okta-config' };
  // Every run gets its own id, and GitHub knows each pull request run (apply checks a record's run).
  let nextRunId = 1001;
  const runId = (extra: Partial<ActionRunOptions>) => extra.runId ?? String(nextRunId++);
  const registerPullRequestRun = (id: string, extra: Partial<ActionRunOptions>) => {
    const pr = (extra.payload?.pull_request ?? {}) as { number?: number; head?: { sha?: string } };
    const number = pr.number ?? PR_NUMBER;
    github.state.addRun({
      id: Number(id),
      event: extra.eventName ?? 'pull_request',
      headSha: pr.head?.sha ?? HEAD_SHA,
      headBranch: github.state.pull(number)?.headRef ?? `change-${number}`,
      pullRequests: [number],
    });
  };
  return {
    sim,
    github,
    workspace,
    secrets: [sim.apiToken, github.token, ...Object.values(SECRET_ENV)],
    pullRequest: (extra = {}) => {
      const id = runId(extra);
      registerPullRequestRun(id, extra);
      return runAction({
        ...base({}),
        runId: id,
        eventName: 'pull_request',
        ref: `refs/pull/${PR_NUMBER}/merge`,
        sha: '9999999999999999999999999999999999999999',
        payload: {
          action: 'synchronize',
          pull_request: { number: PR_NUMBER, head: { sha: HEAD_SHA } },
          repository,
        },
        ...extra,
        inputs: { ...base({}).inputs, ...extra.inputs },
      });
    },
    push: (extra = {}) =>
      runAction({
        ...base({}),
        runId: runId(extra),
        eventName: 'push',
        ref: 'refs/heads/main',
        sha: MERGE_SHA,
        payload: { repository },
        ...extra,
        inputs: { ...base({}).inputs, ...extra.inputs },
      }),
    dispatch: (inputs, extra = {}) =>
      runAction({
        ...base(inputs),
        runId: runId(extra),
        eventName: 'workflow_dispatch',
        sha: MERGE_SHA,
        payload: { repository },
        ...extra,
      }),
    merge: () => {
      const pull = github.state.pulls.find((p) => p.number === PR_NUMBER)!;
      pull.mergeCommitSha = MERGE_SHA;
      pull.mergedAt = github.state.now();
      github.state.issue(PR_NUMBER)!.state = 'closed';
    },
    close: async () => {
      await sim.close();
      await github.close();
    },
  };
}

/** No secret value in stdout (outside ::add-mask::), stderr, the summary, the outputs or the plan file. */
export async function expectNoSecrets(
  run: ActionRun,
  secrets: string[],
  extraTexts: string[] = [],
): Promise<void> {
  const stdout = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  const planFile = run.outputs['plan-file'] ? await readFile(run.outputs['plan-file'], 'utf8') : '';
  const texts = {
    stdout,
    stderr: run.stderr,
    summary: run.summary,
    outputs: JSON.stringify(run.outputs),
    planFile,
  };
  for (const secret of secrets) {
    for (const [where, text] of Object.entries({
      ...texts,
      ...Object.fromEntries(extraTexts.map((t, i) => [`extra${i}`, t])),
    })) {
      expect(text.includes(secret), `secret leaked into ${where}`).toBe(false);
    }
  }
}

/** Our comments on the PR (the marker at the start). */
export function planComments(github: FakeGitHub, number = PR_NUMBER) {
  return github.state
    .comments(number)
    .filter((comment) => comment.body.startsWith('<!-- okta-app-connections '));
}

export function markerOf(body: string): Record<string, unknown> {
  const match = /^<!-- okta-app-connections (\{.*?\}) -->/.exec(body);
  if (!match) throw new Error('no marker');
  return JSON.parse(match[1]!);
}

/** The variables exported definitions read into shown fields: what `visible-env` must list to plan them. */
export async function shownVariables(folder: string): Promise<string> {
  const { readdir } = await import('node:fs/promises');
  const names = new Set<string>();
  for (const file of await readdir(folder)) {
    const text = await readFile(path.join(folder, file), 'utf8');
    for (const match of text.matchAll(/\b(?:id|name|base_url|client_id|admin_username): \{ env: (\w+) \}/g))
      names.add(match[1]!);
  }
  return [...names].join(',');
}
