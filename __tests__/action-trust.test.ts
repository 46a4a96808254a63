import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectNoSecrets,
  HEAD_SHA,
  markerOf,
  PR_NUMBER,
  planComments,
  startE2E,
  type E2E,
} from './helpers/e2e.js';

let e2e: E2E;
afterEach(async () => e2e?.close());

const repository = { default_branch: 'main', full_name: 'acme/okta-config' };

/** Okta requests of every kind since the simulator started. */
const oktaRequests = () => e2e.sim.requests.filter((r) => r.path.startsWith('/api/'));

describe('only reviewed events reach Okta', () => {
  it('a closed pull request validates only: no Okta read, the reviewed comment keeps its hash', async () => {
    e2e = await startE2E();
    const reviewed = await e2e.pullRequest();
    expect(reviewed.code).toBe(0);
    const before = planComments(e2e.github)[0]!;
    const requests = oktaRequests().length;
    e2e.merge();
    // Okta drifts after the review: a re-plan on `closed` would record the drifted plan's hash.
    e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl = 'https://drifted.example.com/scim';
    const closed = await e2e.pullRequest({
      payload: {
        action: 'closed',
        pull_request: { number: PR_NUMBER, head: { sha: HEAD_SHA }, merged: true },
        repository,
      },
    });
    expect(closed.code, closed.stdout).toBe(0);
    expect(closed.stdout).toContain('::notice::Pull request event `closed` shows no new code to review');
    expect(oktaRequests()).toHaveLength(requests);
    const after = planComments(e2e.github)[0]!;
    expect(after.body).toBe(before.body);
    // So the merge compares with what was reviewed, sees the drift, and applies nothing.
    const apply = await e2e.push();
    expect(apply.code).toBe(1);
    expect(e2e.sim.writes()).toEqual([]);
    expect(markerOf(planComments(e2e.github)[0]!.body).state).toBe('plan-changed');
  });

  it('apply by hand from another branch is refused before Okta is read', async () => {
    e2e = await startE2E();
    const plan = await e2e.dispatch({ command: 'plan' });
    const requests = oktaRequests().length;
    const apply = await e2e.dispatch(
      { command: 'apply', 'plan-hash': plan.outputs['plan-hash']! },
      { ref: 'refs/heads/some-feature' },
    );
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('writes to Okta only from the default branch (main)');
    expect(oktaRequests()).toHaveLength(requests);
    expect(e2e.sim.writes()).toEqual([]);
  });

  it('pull_request_target is refused with an explanation, and tag pushes only validate', async () => {
    e2e = await startE2E();
    const target = await e2e.pullRequest({ eventName: 'pull_request_target' });
    expect(target.code).toBe(1);
    expect(target.stdout).toContain('`pull_request_target` is refused');
    const tag = await e2e.push({ ref: 'refs/tags/v1.2.3' });
    expect(tag.code, tag.stdout).toBe(0);
    expect(tag.stdout).toContain('this push is to refs/tags/v1.2.3');
    const group = await e2e.push({ eventName: 'merge_group' });
    expect(group.code).toBe(0);
    expect(group.stdout).toContain('Event `merge_group` neither proposes nor merges a change');
    expect(oktaRequests()).toEqual([]);
    expect(planComments(e2e.github)).toEqual([]);
  });
});

describe('shown fields read only the variables visible-env names', () => {
  const definition = (name: string) => `connections:
  - id: 0oa5zscalerprod0001
    name: { env: ${name} }
    base_url: https://scim.zscaler.example.com/scim/v2
    action: activate
    profile:
      auth_scheme: TOKEN
      token: { env: ZSCALER_SCIM_TOKEN }
`;

  it('refuses an unlisted variable at its line, so a runner secret never reaches the comment', async () => {
    e2e = await startE2E();
    await writeFile(path.join(e2e.workspace, 'okta/connections/zscaler.yaml'), definition('DEPLOY_KEY'));
    const deployKey = 'ghp_DeployKeyNobodyMeantToShow0123456789';
    const run = await e2e.pullRequest({
      env: { ZSCALER_SCIM_TOKEN: 'zs-token-value-123456', DEPLOY_KEY: deployKey },
    });
    expect(run.code).toBe(1);
    const annotation = run.annotations.find(
      (a) => a.file === 'okta/connections/zscaler.yaml' && a.line === 3,
    );
    expect(annotation?.message).toContain('reads DEPLOY_KEY, which is not listed in the `visible-env` input');
    expect(oktaRequests()).toEqual([]);
    const comment = planComments(e2e.github)[0]!.body;
    await expectNoSecrets(run, [deployKey], [comment]);
  });

  it('shows a listed variable, and checks a base_url read from the environment like a literal', async () => {
    e2e = await startE2E();
    await writeFile(path.join(e2e.workspace, 'okta/connections/zscaler.yaml'), definition('ZS_LABEL'));
    const env = { ZSCALER_SCIM_TOKEN: 'zs-token-value-123456', ZS_LABEL: 'Zscaler (prod)' };
    const run = await e2e.pullRequest({ env, inputs: { 'visible-env': 'ZS_LABEL' } });
    expect(run.code, run.stdout).toBe(0);
    expect(planComments(e2e.github)[0]!.body).toContain('Zscaler (prod)');

    await writeFile(
      path.join(e2e.workspace, 'okta/connections/zscaler.yaml'),
      definition('ZS_LABEL').replace(
        'base_url: https://scim.zscaler.example.com/scim/v2',
        'base_url: { env: ZS_URL }',
      ),
    );
    const bad = await e2e.pullRequest({
      env: { ...env, ZS_URL: 'http://scim.zscaler.example.com/v2' },
      inputs: { 'visible-env': 'ZS_LABEL, ZS_URL' },
    });
    expect(bad.code).toBe(1);
    expect(bad.annotations.map((a) => a.message).join('\n')).toContain(
      '`base_url` from ZS_URL: must use https',
    );
  });
});

describe('max-deactivations', () => {
  it('an apply that deactivates more than allowed writes nothing and names the input', async () => {
    e2e = await startE2E();
    const review = await e2e.pullRequest({ inputs: { 'max-deactivations': '0' } });
    expect(review.outputs['to-deactivate']).toBe('1');
    e2e.merge();
    const apply = await e2e.push({ inputs: { 'max-deactivations': '0' } });
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('more than `max-deactivations` (0) allows');
    expect(apply.stdout).toContain('raise `max-deactivations` to 1');
    expect(e2e.sim.writes()).toEqual([]);
    const again = await e2e.push();
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs.applied).toBe('3');
  });
});

describe('only our own comments count', () => {
  it("a marker in another user's comment is never edited nor read as the reviewed plan", async () => {
    e2e = await startE2E();
    const reviewed = await e2e.pullRequest();
    expect(reviewed.code).toBe(0);
    // Okta drifts after the review; an attacker learns the drifted plan's hash and posts it in a marker.
    e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl = 'https://drifted.example.com/scim';
    const drifted = await e2e.dispatch({ command: 'plan' });
    const forgedHash = drifted.outputs['plan-hash']!;
    expect(forgedHash).not.toBe(reviewed.outputs['plan-hash']);
    const ours = planComments(e2e.github)[0]!;
    const key = markerOf(ours.body).key;
    const forgedBody = `<!-- okta-app-connections {"v":1,"key":"${key}","planHash":"${forgedHash}","headSha":"${HEAD_SHA}","state":"planned","runId":1001} -->\nLooks good to me`;
    const forged = e2e.github.state.addComment({ issueNumber: PR_NUMBER, body: forgedBody, user: 'mallory' });

    e2e.merge();
    const apply = await e2e.push();
    expect(apply.code).toBe(1);
    expect(apply.stdout).toContain('the plan of pull request #12 changed since it was reviewed');
    expect(e2e.sim.writes()).toEqual([]);
    expect(e2e.github.state.comment(forged.id)!.body).toBe(forgedBody);
    const mine = e2e.github.state.comment(ours.id)!;
    expect(mine.user).toBe(e2e.github.state.viewerLogin);
    expect(markerOf(mine.body).state).toBe('plan-changed');
  });
});
