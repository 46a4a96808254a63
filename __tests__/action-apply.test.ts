import { writeFile } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import {
  expectNoSecrets,
  markerOf,
  MERGE_SHA,
  planComments,
  SECRET_ENV,
  startE2E,
  type E2E,
} from './helpers/e2e.js';
import { validateRequestBody } from './helpers/openapi.js';

let e2e: E2E;
afterEach(async () => e2e?.close());

async function reviewAndMerge(): Promise<string> {
  const plan = await e2e.pullRequest();
  expect(plan.code, plan.stdout).toBe(0);
  e2e.merge();
  return plan.outputs['plan-hash']!;
}

describe('apply on merge: the action against the simulator and a fake GitHub', () => {
  it('applies the reviewed plan, confirms it, marks the comment applied, and converges', async () => {
    e2e = await startE2E();
    const reviewed = await reviewAndMerge();
    const apply = await e2e.push();
    expect(apply.code, apply.stdout + apply.stderr).toBe(0);
    expect(apply.outputs).toMatchObject({
      'plan-hash': reviewed,
      applied: '3',
      failed: '0',
      changes: 'true',
    });

    const apps = e2e.sim.apps;
    expect(apps.get('0oa5zscalerprod0001')!.connection).toMatchObject({
      status: 'ENABLED',
      baseUrl: 'https://scim.zscaler.example.com/scim/v2',
      token: SECRET_ENV.ZSCALER_SCIM_TOKEN,
    });
    expect(apps.get('0oa5org2orghub00001')!.connection).toMatchObject({
      status: 'ENABLED',
      authScheme: 'OAUTH2',
      clientId: '0oa5hubservice00001',
      rotationMode: 'AUTO',
    });
    expect(apps.get('0oa5org2orglegacy01')!.connection).toMatchObject({ status: 'DISABLED' });

    // Request bodies follow the official schemas: Org2Org gets signing.rotationMode, OAuth gets no baseUrl.
    const posts = e2e.sim.writes().filter((r) => r.path.endsWith('/connections/default'));
    expect(posts).toHaveLength(2);
    for (const post of posts) expect(validateRequestBody(post.path, 'post', post.body)).toEqual([]);
    const org2org = posts.find((r) => r.path.includes('0oa5org2orghub00001'))!;
    expect(org2org.body).toEqual({
      profile: { authScheme: 'OAUTH2', clientId: '0oa5hubservice00001', signing: { rotationMode: 'AUTO' } },
    });
    expect(org2org.query).toEqual({ activate: 'true' });
    const sequence = e2e.sim
      .writes()
      .map((r) => `${r.method} ${r.path}${r.query.activate ? '?activate=true' : ''}`);
    expect(sequence.sort()).toEqual(
      [
        'POST /api/v1/apps/0oa5org2orghub00001/connections/default?activate=true',
        // The new connection's provisioning features, after its configure (Zscaler's match already).
        'PUT /api/v1/apps/0oa5org2orghub00001/features/USER_PROVISIONING',
        'PUT /api/v1/apps/0oa5org2orghub00001/features/INBOUND_PROVISIONING',
        'POST /api/v1/apps/0oa5org2orglegacy01/connections/default/lifecycle/deactivate',
        'POST /api/v1/apps/0oa5zscalerprod0001/connections/default?activate=true',
      ].sort(),
    );

    const comment = planComments(e2e.github)[0]!;
    expect(markerOf(comment.body)).toMatchObject({ state: 'applied', planHash: reviewed });
    expect(comment.body).toContain(
      `applied to \`${new URL(e2e.sim.url).host}/okta/connections\` in [run #7](https://github.com/acme/okta-config/actions/runs/1002) at \`${MERGE_SHA.slice(0, 7)}\``,
    );
    expect(comment.body).toContain('3 applied, 0 failed');
    await expectNoSecrets(apply, e2e.secrets, [comment.body]);

    // A second apply finds nothing to do and writes nothing.
    const writes = e2e.sim.writes().length;
    const again = await e2e.push();
    expect(again.code, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({ changes: 'false', applied: '0', failed: '0' });
    expect(e2e.sim.writes()).toHaveLength(writes);
  });

  it('refuses a reviewed pull request whose connection drifted, stably on re-run, then applies by hand', async () => {
    e2e = await startE2E();
    const reviewed = await reviewAndMerge();
    // Someone changed a connection the pull request reviewed, in the console.
    e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl = 'https://drifted.example.com/scim';

    const apply = await e2e.push();
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    // One reason, set once after the empty default.
    expect(apply.outputWrites['failure-reason']).toEqual(['', 'plan-changed']);
    // The pull request is refused as a whole: not even its unchanged connections are written.
    expect(e2e.sim.writes()).toEqual([]);
    const fresh = apply.outputs['plan-hash']!;
    expect(fresh).not.toBe(reviewed);
    const comment = planComments(e2e.github)[0]!;
    expect(markerOf(comment.body)).toMatchObject({ state: 'plan-changed' });
    expect(comment.body).toContain('changed since review: nothing was applied');
    expect(comment.body).toContain('0oa5zscalerprod0001 now plans differently');
    const failure = apply.annotations.find((a) => a.level === 'error')!;
    expect(failure.message).toContain(`\`plan-hash: ${fresh}\``);

    // "Re-run failed jobs": the refusal did not replace the reviewed record, so it refuses again.
    const rerun = await e2e.push();
    expect(rerun.code).toBe(1);
    expect(rerun.outputs['failure-reason']).toBe('plan-changed');
    expect(e2e.sim.writes()).toEqual([]);

    const wrong = await e2e.dispatch({ command: 'apply', 'plan-hash': reviewed });
    expect(wrong.code).toBe(1);
    expect(e2e.sim.writes()).toEqual([]);

    const manual = await e2e.dispatch({ command: 'apply', 'plan-hash': fresh });
    expect(manual.code, manual.stdout).toBe(0);
    expect(manual.outputs).toMatchObject({ applied: '3', failed: '0' });
    expect(e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl).toBe(
      'https://scim.zscaler.example.com/scim/v2',
    );
  });

  it('applies the reviewed changes and leaves unrelated drift alone, listed as drift', async () => {
    e2e = await startE2E();
    await reviewAndMerge();
    e2e.sim.apps.get('0oa5office365000001')!.connection!.status = 'DISABLED'; // someone clicked in the console
    const apply = await e2e.push();
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs).toMatchObject({ applied: '3', failed: '0', 'failure-reason': '' });
    expect(apply.summary).toContain(
      'drifted in Okta outside any reviewed change; not written: 0oa5office365000001',
    );
    expect(e2e.sim.apps.get('0oa5office365000001')!.connection!.status).toBe('DISABLED');
    expect(markerOf(planComments(e2e.github)[0]!.body).state).toBe('applied');
  });

  it('treats a direct push (no merged PR) as a mismatch under strict, and applies it with plan-check off', async () => {
    e2e = await startE2E();
    const apply = await e2e.push();
    expect(apply.code).toBe(1);
    expect(apply.annotations.find((a) => a.level === 'error')!.message).toMatch(
      /not the merge of a pull request/,
    );
    expect(e2e.sim.writes()).toEqual([]);
    const off = await e2e.push({ inputs: { 'plan-check': 'off' } });
    expect(off.code, off.stdout).toBe(0);
    expect(off.outputs.applied).toBe('3');
  });

  it('reports a missing secret and an Okta failure while applying the others', async () => {
    e2e = await startE2E();
    await reviewAndMerge();
    e2e.sim.setFaults({
      failNext: { count: 50, status: 500, path: /0oa5org2orglegacy01\/connections\/default\/lifecycle/ },
    });
    const apply = await e2e.push({ env: { ...SECRET_ENV, ZSCALER_SCIM_TOKEN: '' } });
    expect(apply.code).toBe(1);
    expect(apply.outputs).toMatchObject({ applied: '1', failed: '2' });
    // The Zscaler connection got no request at all: its secret was missing.
    expect(e2e.sim.writes().some((r) => r.path.includes('0oa5zscalerprod0001'))).toBe(false);
    expect(e2e.sim.apps.get('0oa5org2orghub00001')!.connection!.status).toBe('ENABLED');
    const comment = planComments(e2e.github)[0]!;
    expect(markerOf(comment.body).state).toBe('apply-failed');
    expect(comment.body).toContain('environment variable ZSCALER_SCIM_TOKEN is not set');
    expect(comment.body).toMatch(/Legacy partner.*❌ failed \(`E0000009`\)/);
    expect(apply.annotations.find((a) => a.level === 'error')!.message).toMatch(
      /2 connection\(s\) failed to apply/,
    );
  });

  it('redacts a secret that Okta echoes back in an error', async () => {
    e2e = await startE2E();
    await reviewAndMerge();
    e2e.sim.setFaults({ echoSecretInError: true });
    const apply = await e2e.push();
    expect(apply.code).toBe(1);
    const comment = planComments(e2e.github)[0]!;
    expect(comment.body).toContain('E0000001');
    await expectNoSecrets(apply, e2e.secrets, [comment.body]);
  });

  it('shows consent needed, with the link, for a consent app', async () => {
    e2e = await startE2E();
    await writeFile(
      `${e2e.workspace}/okta/connections/google.yaml`,
      'connections:\n  - id: 0oa5googlework00001\n    action: activate\n    profile:\n      auth_scheme: OAUTH2\n',
    );
    const run = await e2e.dispatch({ command: 'apply', 'plan-check': 'off' });
    expect(run.code, run.stdout).toBe(0);
    expect(run.summary).toMatch(
      // The simulator's link is http: shown as code, never as a link (only https links are links).
      /Google Workspace.*⏳ consent needed.*an Okta admin must grant consent: `http:\/\/127\.0\.0\.1:\d+\/consent\//,
    );
    expect(run.outputs.failed).toBe('0');
  });

  it('rotates secrets on request: a configure that re-sends the token, shown as a rotation', async () => {
    e2e = await startE2E();
    const first = await e2e.dispatch({ command: 'apply', 'plan-check': 'off' });
    expect(first.code, first.stdout).toBe(0);
    const rotatedToken = 'zs-SCIM-rotated-4c1d9e7b2a6f8d3e0b5a9c7e';
    const run = await e2e.dispatch(
      { command: 'apply', 'plan-check': 'off', 'rotate-secrets': '0oa5zscalerprod0001' },
      { env: { ...SECRET_ENV, ZSCALER_SCIM_TOKEN: rotatedToken } },
    );
    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ 'to-configure': '1', applied: '1', changes: 'true' });
    expect(run.summary).toContain('configured (secret rotated)');
    expect(e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.token).toBe(rotatedToken);
    await expectNoSecrets(run, [...e2e.secrets, rotatedToken]);
  });
});
