import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectNoSecrets,
  HEAD_SHA,
  markerOf,
  planComments,
  PR_NUMBER,
  SECRET_ENV,
  startE2E,
  type E2E,
} from './helpers/e2e.js';

let e2e: E2E;
afterEach(async () => e2e?.close());

describe('plan on a pull request: the action against the simulator and a fake GitHub', () => {
  it('posts one sticky comment, leaves it alone when the next run finds the same plan, sets outputs, and writes nothing to Okta', async () => {
    e2e = await startE2E();
    // Other bots' comments push ours beyond the first page of the comment listing.
    for (let i = 0; i < 130; i++)
      e2e.github.state.addComment({ issueNumber: PR_NUMBER, body: `ci bot says ${i}`, user: 'other-bot' });

    const first = await e2e.pullRequest();
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(first.outputs).toMatchObject({
      changes: 'true',
      'to-configure': '2',
      'to-activate': '1',
      'to-deactivate': '1',
      unchanged: '1',
      errors: '0',
      applied: '0',
      failed: '0',
    });
    expect(first.outputs['plan-hash']).toMatch(/^[0-9a-f]{64}$/);
    const comments = planComments(e2e.github);
    expect(comments).toHaveLength(1);
    const body = comments[0]!.body;
    expect(markerOf(body)).toMatchObject({
      v: 2,
      key: `${new URL(e2e.sim.url).host}/okta/connections`,
      planHash: first.outputs['plan-hash'],
      headSha: HEAD_SHA,
      state: 'planned',
    });
    expect(body).toContain(
      '2 to configure, 1 to activate, 1 to deactivate, 1 to update features, 1 unchanged',
    );
    // The new Org2Org connection's features, planned against Okta's defaults for a fresh connection.
    expect(body).toContain('to_app.create_users: `false` → `true`');
    expect(body).toContain('to_okta.schedule.full_import.cron: not set → `0 21 * * Mon`');
    expect(body).toContain('configure + activate + update-features');
    expect(body).toContain(
      'base_url: `https://scim.zscaler.example.com/scim/v1` → `https://scim.zscaler.example.com/scim/v2`',
    );
    expect(body).toContain('token: sensitive, will be set (from ZSCALER_SCIM_TOKEN)');
    expect(body).toContain('| Legacy partner | `0oa5org2orglegacy01` | deactivate |');
    expect(body).toContain('configure + activate');
    expect(first.summary).toContain(`Plan hash \`${first.outputs['plan-hash']}\``);
    const planFile = JSON.parse(await readFile(first.outputs['plan-file']!, 'utf8'));
    expect(planFile.hash).toBe(first.outputs['plan-hash']);
    expect(planFile.counts).toMatchObject({
      toConfigure: 2,
      toActivate: 1,
      toDeactivate: 1,
      toUpdateFeatures: 1,
      unchanged: 1,
    });

    const second = await e2e.pullRequest();
    expect(second.code).toBe(0);
    expect(planComments(e2e.github)).toHaveLength(1);
    expect(planComments(e2e.github)[0]!.id).toBe(comments[0]!.id);
    // The same plan for the same head: the comment says it already, so it is not edited.
    expect(e2e.github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect(second.stdout).toContain('PR comment unchanged');
    expect(second.outputs['plan-hash']).toBe(first.outputs['plan-hash']);

    expect(e2e.sim.writes()).toEqual([]);
    // Plans read each connection once and each app once, and the features of Zscaler, the one set-up
    // connection that declares some (the new Org2Org connection's are Okta's defaults: nothing to read).
    const reads = e2e.sim.requests.filter((r) => r.method === 'GET');
    expect(reads.filter((r) => r.bucket === 'apps-star')).toHaveLength(10);
    expect(reads.filter((r) => r.path.endsWith('/features')).map((r) => r.path)).toEqual([
      '/api/v1/apps/0oa5zscalerprod0001/features',
      '/api/v1/apps/0oa5zscalerprod0001/features',
    ]);
    expect(reads.filter((r) => r.bucket === 'apps-id')).toHaveLength(8);
    for (const run of [first, second])
      await expectNoSecrets(run, e2e.secrets, [planComments(e2e.github)[0]!.body]);
    expect(first.stdout).toContain(`::add-mask::${e2e.sim.apiToken}`);
    // Write-only values are masked from the start, even though a plan never sends them.
    for (const value of Object.values(SECRET_ENV)) expect(first.stdout).toContain(`::add-mask::${value}`);
  });

  it('with comment: new, posts a new comment and minimizes the older one; with off, posts none', async () => {
    e2e = await startE2E();
    await e2e.pullRequest({ inputs: { comment: 'new' } });
    await e2e.pullRequest({ inputs: { comment: 'new' } });
    const comments = planComments(e2e.github);
    expect(comments).toHaveLength(2);
    expect(comments.map((comment) => comment.minimized)).toEqual([true, false]);
    expect(e2e.github.state.minimized).toEqual([{ nodeId: comments[0]!.nodeId, classifier: 'OUTDATED' }]);
    const off = await e2e.pullRequest({ inputs: { comment: 'off' } });
    expect(off.code).toBe(0);
    expect(planComments(e2e.github)).toHaveLength(2);
  });

  it('turns a forbidden comment into a warning, not a failure', async () => {
    e2e = await startE2E();
    e2e.github.setMode({ commentWrites: 'forbidden' });
    const run = await e2e.pullRequest();
    expect(run.code).toBe(0);
    expect(run.annotations.some((a) => a.level === 'warning' && /pull-requests: write/.test(a.message))).toBe(
      true,
    );
    expect(run.summary).toContain('Okta plan for');
  });

  it('falls back to validate on a fork PR without Okta credentials', async () => {
    e2e = await startE2E();
    const run = await e2e.pullRequest({ inputs: { 'okta-api-token': '' } });
    expect(run.code, run.stdout).toBe(0);
    expect(run.annotations.some((a) => a.level === 'notice' && /no plan was made/.test(a.message))).toBe(
      true,
    );
    expect(run.summary).toContain('pull requests from forks get no secrets');
    expect(e2e.sim.requests).toHaveLength(0);
  });

  it('plans the other connections when one app does not exist, and fails the step', async () => {
    e2e = await startE2E();
    e2e.sim.apps.delete('0oa5office365000001');
    const run = await e2e.pullRequest();
    expect(run.code).toBe(1);
    // An app the org does not have is a mistake in the definitions, not an unreachable Okta.
    expect(run.outputs).toMatchObject({
      errors: '1',
      'to-configure': '2',
      'to-deactivate': '1',
      'failure-reason': 'invalid-definitions',
    });
    const body = planComments(e2e.github)[0]!.body;
    expect(body).toContain('Could not be planned');
    expect(body).toMatch(/okta\/connections\/office365\.yaml:4.*app 0oa5office365000001 does not exist/);
  });

  it('does not touch Okta when a definition is invalid, and replaces the plan comment with the problems', async () => {
    e2e = await startE2E();
    const valid = await e2e.pullRequest();
    expect(valid.code).toBe(0);
    const requests = e2e.sim.requests.length;
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      `${e2e.workspace}/okta/connections/broken.yaml`,
      'connections:\n  - id: 0oa9999999999999999\n    action: on\n',
    );
    const run = await e2e.pullRequest();
    expect(run.code).toBe(1);
    expect(run.annotations.some((a) => a.file === 'okta/connections/broken.yaml' && a.line === 3)).toBe(true);
    expect(e2e.sim.requests).toHaveLength(requests);
    const comments = planComments(e2e.github);
    expect(comments).toHaveLength(1);
    expect(markerOf(comments[0]!.body)).toMatchObject({ planHash: '', state: 'planned' });
    expect(comments[0]!.body).toContain('2 problems in the definitions, no plan was made');
    expect(comments[0]!.body).toMatch(
      /okta\/connections\/broken\.yaml:3:13.*must be one of: activate, deactivate/,
    );
  });
});
