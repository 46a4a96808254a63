import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApps, startOktaSim, type OktaSim, type SimApp } from '../sim/server.js';
import { exportConnections } from '../src/resources/connection/export.js';
import { writeExportFiles } from '../src/export/write.js';
import { parseMarker } from '../src/github/marker.js';
import { OktaClient } from '../src/okta/client.js';
import { SecretRegistry } from '../src/secrets.js';
import { startFakeGitHub, type FakeGitHub, type FakeIssue } from './helpers/fake-github.js';
import { shownVariables } from './helpers/e2e.js';
import { makeWorkspace, runAction, type ActionRun } from './helpers/run-action.js';

/**
 * End to end: scheduled runs of the action with `drift-issue: true` against a simulated org of
 * 300 apps (60 with a connection) whose definitions were exported, and a fake GitHub API. The runs must
 * keep exactly one labelled issue while the org drifts and close it once it is back in sync, and must
 * never write to Okta. Run `npm run bundle` first.
 */
const APPS = generateApps(300, { withConnections: 60, seed: 5 });
const FOLDER = 'okta/connections';

let sim: OktaSim;
let github: FakeGitHub;
let workspace: string;
let decoy: FakeIssue;

/** Two TOKEN apps whose live state the tests change "in the Admin Console". */
let disabled: SimApp;
let moved: SimApp;
const original = new Map<string, SimApp['connection']>();

beforeAll(async () => {
  sim = await startOktaSim({
    apps: APPS,
    rateLimits: {
      'apps-star': { limit: 300, windowMs: 1000 },
      'apps-id': { limit: 300, windowMs: 1000 },
      'apps-list': { limit: 50, windowMs: 1000 },
    },
  });
  github = await startFakeGitHub();
  workspace = await makeWorkspace({ 'README.md': '# okta config\n' });
  const client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets: new SecretRegistry(),
  });
  try {
    const exported = await exportConnections(client, { apps: 'all', orgUrl: sim.url });
    await writeExportFiles(path.join(workspace, FOLDER), exported.files);
  } finally {
    await client.close();
  }
  const zscalers = [...sim.apps.values()].filter(
    (app) => app.name === 'zscalerbyz' && app.connection?.status === 'ENABLED',
  );
  [disabled, moved] = [zscalers[0]!, zscalers[1]!];
  for (const app of [disabled, moved]) original.set(app.id, structuredClone(app.connection));
  // Someone else's issue with the same label: never to be touched.
  decoy = github.state.addIssue({ title: 'Okta drift notes', body: 'kept by hand', labels: ['okta-drift'] });
}, 60_000);

afterAll(async () => {
  await github?.close();
  await sim?.close();
});

let runs = 0;
async function scheduledRun(): Promise<ActionRun & { runId: string }> {
  runs += 1;
  const runId = String(5000 + runs);
  const run = await runAction({
    workspace,
    eventName: 'schedule',
    payload: { schedule: '17 6 * * *' },
    githubApiUrl: github.url,
    runId,
    runNumber: String(40 + runs),
    inputs: {
      path: FOLDER,
      'okta-org-url': sim.url,
      'okta-api-token': sim.apiToken,
      'github-token': github.token,
      'drift-issue': 'true',
      'visible-env': await shownVariables(path.join(workspace, FOLDER)),
    },
  });
  expect(run.code, run.stdout).toBe(0);
  expect(sim.writes()).toEqual([]);
  return { ...run, runId };
}

const runUrl = (runId: string) => `https://github.com/${github.owner}/${github.repo}/actions/runs/${runId}`;
const driftIssues = () => github.state.issues.filter((issue) => issue.number !== decoy.number);
const issueWrites = (method: string, pattern: RegExp) =>
  github.requests.filter((request) => request.method === method && pattern.test(request.path));

describe('scheduled drift check (the action, run as the runner does)', () => {
  it('opens no issue while the org matches the definitions', async () => {
    const run = await scheduledRun();
    expect(run.outputs.changes).toBe('false');
    expect(run.outputs.unchanged).toBe('60');
    expect(driftIssues()).toEqual([]);
    expect(issueWrites('POST', /\/issues$/)).toEqual([]);
  });

  it('opens one labelled issue with the plan and a link to the run when the org drifts', async () => {
    sim.apps.get(disabled.id)!.connection!.status = 'DISABLED';
    const run = await scheduledRun();
    expect(run.outputs.changes).toBe('true');
    expect(run.outputs['to-activate']).toBe('1');
    const issues = driftIssues();
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue!.state).toBe('open');
    expect(issue!.labels).toEqual(['okta-drift']);
    expect(issue!.title).toContain(new URL(sim.url).host);
    expect(parseMarker(issue!.body)?.key).toBe(`${new URL(sim.url).host}/${FOLDER}`);
    expect(issue!.body).toContain(disabled.id);
    expect(issue!.body).toContain(runUrl(run.runId));
    expect(issue!.body).not.toContain(sim.apiToken);
  });

  it('updates the same issue on the next drifted run', async () => {
    const [before] = driftIssues();
    sim.apps.get(moved.id)!.connection!.baseUrl = 'https://scim.moved.example.com/v2';
    const run = await scheduledRun();
    expect(run.outputs.changes).toBe('true');
    const issues = driftIssues();
    expect(issues).toHaveLength(1);
    expect(issues[0]!.number).toBe(before!.number);
    expect(issues[0]!.state).toBe('open');
    expect(issues[0]!.body).toContain(moved.id);
    expect(issues[0]!.body).toContain('https://scim.moved.example.com/v2');
    expect(issues[0]!.body).toContain(runUrl(run.runId));
    expect(issues[0]!.body).not.toContain(runUrl(String(Number(run.runId) - 1)));
    expect(issueWrites('POST', /\/issues$/)).toHaveLength(1);
    expect(issueWrites('PATCH', new RegExp(`/issues/${before!.number}$`))).toHaveLength(1);
  });

  it('closes the issue with a comment once the org is back in sync', async () => {
    for (const app of [disabled, moved])
      sim.apps.get(app.id)!.connection = structuredClone(original.get(app.id));
    const [open] = driftIssues();
    const run = await scheduledRun();
    expect(run.outputs.changes).toBe('false');
    const [closed] = driftIssues();
    expect(closed!.number).toBe(open!.number);
    expect(closed!.state).toBe('closed');
    expect(closed!.stateReason).toBe('completed');
    const comments = github.state.comments(closed!.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain('matches the definitions again');
    expect(comments[0]!.body).toContain(runUrl(run.runId));
    expect(driftIssues()).toHaveLength(1);
  });

  it('never touched the other issue with the same label', () => {
    expect(github.state.issue(decoy.number)).toMatchObject({
      state: 'open',
      body: 'kept by hand',
      title: 'Okta drift notes',
    });
    expect(github.state.comments(decoy.number)).toEqual([]);
  });
});
