import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SimApp } from '../sim/types.js';
import { parseMarker } from '../src/github/marker.js';
import { expectNoSecrets, planComments, PR_NUMBER, SECRET_ENV, startE2E, type E2E } from './helpers/e2e.js';
import { makeRepo, type Repo } from './helpers/git-repo.js';
import {
  cellCodeSpans,
  codeBlocks,
  headings,
  proseText,
  renderGfm,
  section,
  tableCells,
} from './helpers/rendered.js';
import { notSetUp, zscalerToken } from './helpers/sim-fixtures.js';

/**
 * What reviewers and operators see and branch on, through the action as the runner starts it: outputs
 * from GITHUB_OUTPUT, the comment, the labels and the drift issue from the fake GitHub, each rendered to
 * HTML by a GitHub-flavoured renderer and read as a person would.
 */

let e2e: E2E;
afterEach(async () => e2e?.close());

const DRIFT_SECTION = 'Changes made in Okta outside this repository';

/** Rendered, the report keeps keys and long values out of table cells and shows no literal backticks. */
function expectReadable(markdown: string): string {
  const html = renderGfm(markdown);
  for (const span of cellCodeSpans(html)) expect(span.length, span).toBeLessThanOrEqual(80);
  for (const cell of tableCells(html)) {
    expect(cell).not.toMatch(/"kty"|BEGIN|-----/);
  }
  expect(proseText(html)).not.toContain('`');
  return html;
}

describe('a pull request with a change, drift in Okta and a consent app', () => {
  const token = 'scim-Tok3n-for-the-reviewers-test-5d4c3b2a';
  const zscaler = (version: string) =>
    [
      'connections:',
      '  - id: 0oa5zscalerprod0001',
      '    name: Zscaler production',
      '    action: activate',
      `    base_url: https://scim.zscaler.example.com/scim/${version}`,
      '    profile: { auth_scheme: TOKEN, token: { env: SCIM_TOKEN } }',
      '',
    ].join('\n');
  const google = [
    'connections:',
    '  - id: 0oa5googlework00001',
    '    name: Google Workspace',
    '    action: activate',
    '    profile: { auth_scheme: OAUTH2 }',
    '',
  ].join('\n');
  /** Someone disabled the Zscaler connection in the Admin Console: drift the pull request did not make. */
  const org: SimApp[] = [
    zscalerToken('0oa5zscalerprod0001', {
      label: 'Zscaler Internet Access',
      connection: { status: 'DISABLED', baseUrl: 'https://scim.zscaler.example.com/scim/v1' },
    }),
    notSetUp('google', '0oa5googlework00001', { label: 'Google Workspace' }),
  ];
  let repo: Repo;
  const commits: Record<string, string> = {};

  beforeAll(async () => {
    repo = await makeRepo();
    commits.base = await repo.commit({ 'okta/connections/zscaler.yaml': zscaler('v1') }, 'base');
    await repo.git('checkout', '-q', '-b', 'pr');
    commits.head = await repo.commit(
      { 'okta/connections/zscaler.yaml': zscaler('v2'), 'okta/connections/google.yaml': google },
      'SCIM v2 and Google Workspace',
    );
    await repo.git('checkout', '-q', '-b', 'pull-merge', commits.base);
    await repo.git('merge', '-q', '--no-ff', '--no-edit', 'pr');
    commits.pullMerge = await repo.git('rev-parse', 'HEAD');
  }, 60_000);
  afterAll(async () => repo?.cleanup());

  async function pullRequest(inputs: Record<string, string> = {}) {
    return e2e.pullRequest({
      workspace: await repo.clone('pull-merge', 2),
      sha: commits.pullMerge,
      env: { ...SECRET_ENV, SCIM_TOKEN: token },
      inputs,
      payload: {
        action: 'synchronize',
        pull_request: { number: PR_NUMBER, head: { sha: commits.head }, base: { sha: commits.base } },
        repository: { default_branch: 'main', full_name: 'acme/okta-config' },
      },
    });
  }

  it('marks only the drift, in its own section; counts the consent app apart; labels the pull request', async () => {
    e2e = await startE2E({ sim: { apps: structuredClone(org) } });
    e2e.github.state.pull(PR_NUMBER)!.headSha = commits.head!;
    const started = new Date();
    const run = await pullRequest({ label: 'Production', 'pr-labels': 'true' });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.outputs).toMatchObject({
      changes: 'true',
      'to-configure': '2',
      // Google is configured, then waits for consent: it is not activated by this apply.
      'to-activate': '1',
      'consent-needed': '1',
      'failure-reason': '',
    });

    const [comment] = planComments(e2e.github);
    for (const report of [comment!.body, run.summary]) {
      const html = expectReadable(report);
      expect(headings(html)[0]).toBe('📝 Okta plan for Production: changes to apply on merge');
      expect(report).toContain("2 to configure (1 then waiting for an admin's consent), 1 to activate");
      expect(headings(html)).toEqual(expect.arrayContaining(['Changes', DRIFT_SECTION]));
      // The pull request's change is in the changes table, unmarked; the drift only in its own section.
      const changes = section(html, 'Changes');
      expect(changes).toContain('scim/v1</code> → <code>https://scim.zscaler.example.com/scim/v2');
      const zscalerRow = /<tr>\s*<td>Zscaler production[\s\S]*?<\/tr>/.exec(changes)?.[0];
      expect(zscalerRow).toContain('base_url');
      expect(zscalerRow).not.toContain('status');
      const drift = section(html, DRIFT_SECTION);
      expect(drift).toContain('Zscaler production');
      expect(drift).toContain('status: <code>DISABLED</code> → <code>ENABLED</code>');
      expect(drift).not.toContain('base_url');
      expect(drift).not.toContain('Google');
      expect(html).not.toContain('from this pull request');
      // The consent app says what happens and what the admin must do.
      expect(changes).toContain(
        '<td>Google Workspace</td>\n<td><code>0oa5googlework00001</code></td>\n<td>configure, then consent</td>',
      );
      expect(changes).toContain('an Okta admin must then grant consent');
      expect(changes).toContain('status: not set → <code>ENABLED</code> once an admin grants consent');
      // When the plan was made, in UTC.
      const [, stamp] = /planned (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(report) ?? [];
      expect(Date.parse(`${stamp}Z`)).toBeGreaterThanOrEqual(started.getTime() - 60_000);
    }
    expect(run.stdout).toContain('changed in Okta outside this repository');
    expect(e2e.github.state.issue(PR_NUMBER)!.labels).toEqual(['okta:changes']);
    expect(e2e.github.state.labels.get('okta:changes')).toMatchObject({ color: 'fbca04' });
    await expectNoSecrets(run, [...e2e.secrets, token], [comment!.body]);
  });

  it('replaces its label as the plan changes, and edits nothing when the plan is the same', async () => {
    e2e = await startE2E({ sim: { apps: structuredClone(org) } });
    e2e.github.state.pull(PR_NUMBER)!.headSha = commits.head!;
    e2e.github.state.issue(PR_NUMBER)!.labels.push('team:identity');
    const first = await pullRequest({ 'pr-labels': 'true' });
    expect(first.code, first.stdout).toBe(0);
    const second = await pullRequest({ 'pr-labels': 'true' });
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toContain('PR comment unchanged');
    const writesAfterFirst = e2e.github.requests.filter(
      (request) => request.method !== 'GET' && !request.path.endsWith('/graphql'),
    );
    // The second run neither edited the comment nor touched the labels.
    expect(writesAfterFirst.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /repos/acme/okta-config/issues/12/comments',
      'POST /repos/acme/okta-config/labels',
      'POST /repos/acme/okta-config/issues/12/labels',
    ]);

    // Okta now matches (someone applied it): the plan changes nothing, and the label says so.
    const zscalerApp = e2e.sim.apps.get('0oa5zscalerprod0001')!;
    zscalerApp.connection = {
      ...zscalerApp.connection!,
      status: 'ENABLED',
      baseUrl: 'https://scim.zscaler.example.com/scim/v2',
    };
    e2e.sim.apps.get('0oa5googlework00001')!.connection = { authScheme: 'OAUTH2', status: 'ENABLED' };
    const third = await pullRequest({ 'pr-labels': 'true' });
    expect(third.code, third.stdout).toBe(0);
    expect(third.outputs.changes).toBe('false');
    expect(e2e.github.state.issue(PR_NUMBER)!.labels).toEqual(['team:identity', 'okta:no-changes']);
    expect(e2e.github.state.labels.get('okta:no-changes')).toMatchObject({ color: '0e8a16' });
  });
});

/** Every value `failure-reason` took: the empty default, then at most one reason. */
const setOnce = (run: { outputWrites: Record<string, string[]> }) => run.outputWrites['failure-reason'];

describe('outputs a workflow can branch on', () => {
  it('plan: invalid definitions, an unreachable Okta, and success', async () => {
    e2e = await startE2E();
    const ok = await e2e.pullRequest({ inputs: { 'pr-labels': 'true' } });
    expect(ok.outputs['failure-reason']).toBe('');
    expect(ok.outputs['consent-needed']).toBe('0');
    // The example definitions deactivate the legacy partner: the pull request says so in its labels too.
    expect(e2e.github.state.issue(PR_NUMBER)!.labels).toEqual(['okta:changes', 'okta:deactivation']);
    expect(e2e.github.state.labels.get('okta:deactivation')).toMatchObject({ color: 'd93f0b' });

    const unreachable = await e2e.pullRequest({ inputs: { 'okta-org-url': 'http://127.0.0.1:9' } });
    expect(unreachable.code).toBe(1);
    expect(unreachable.outputs['failure-reason']).toBe('okta-unreachable');
    expect(setOnce(unreachable)).toEqual(['', 'okta-unreachable']);

    await writeFile(
      path.join(e2e.workspace, 'okta/connections/broken.yaml'),
      'connections:\n  - id: 0oa5bookmark0000001\n    action: activate\n    profile: { auth_scheme: TOKEN }\n',
    );
    const invalid = await e2e.pullRequest({ inputs: { label: 'Preview' } });
    expect(invalid.code).toBe(1);
    expect(invalid.outputs['failure-reason']).toBe('invalid-definitions');
    expect(setOnce(invalid)).toEqual(['', 'invalid-definitions']);
    // Under the label; the problems quote keys as code, never as literal backticks.
    const [comment] = planComments(e2e.github);
    expect(comment!.body).toContain(
      '### ❌ Okta plan for `Preview`: 1 problem in the definitions, no plan was made',
    );
    expectReadable(comment!.body);
  });

  it('refuses a label that is not one short line, saying how to fix it', async () => {
    e2e = await startE2E();
    const run = await e2e.pullRequest({ inputs: { label: 'x'.repeat(101) } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('`label` must be one line of at most 100 characters');
    expect(planComments(e2e.github)).toEqual([]);
  });

  it('apply: too many deactivations, not reviewed, a failed connection, consent needed', async () => {
    e2e = await startE2E();
    const tooMany = await e2e.dispatch({ command: 'apply', 'plan-check': 'off', 'max-deactivations': '0' });
    expect(tooMany.code).toBe(1);
    expect(tooMany.outputs['failure-reason']).toBe('too-many-deactivations');
    expect(setOnce(tooMany)).toEqual(['', 'too-many-deactivations']);

    const unreviewed = await e2e.push();
    expect(unreviewed.code).toBe(1);
    expect(unreviewed.outputs['failure-reason']).toBe('not-reviewed');
    expect(setOnce(unreviewed)).toEqual(['', 'not-reviewed']);

    const { ZSCALER_SCIM_TOKEN: _missing, ...withoutToken } = SECRET_ENV;
    const failed = await e2e.dispatch({ command: 'apply', 'plan-check': 'off' }, { env: withoutToken });
    expect(failed.code).toBe(1);
    expect(failed.outputs).toMatchObject({ 'failure-reason': 'apply-failed', failed: '1' });
    expect(setOnce(failed)).toEqual(['', 'apply-failed']);

    await writeFile(
      path.join(e2e.workspace, 'okta/connections/google.yaml'),
      'connections:\n  - id: 0oa5googlework00001\n    action: activate\n    profile:\n      auth_scheme: OAUTH2\n',
    );
    const consent = await e2e.dispatch({ command: 'apply', 'plan-check': 'off' });
    expect(consent.code, consent.stdout).toBe(0);
    expect(consent.outputs).toMatchObject({ 'failure-reason': '', 'consent-needed': '1', failed: '0' });
  });

  it('apply: a plan that changed after review', async () => {
    e2e = await startE2E();
    const reviewed = await e2e.pullRequest();
    expect(reviewed.code).toBe(0);
    e2e.merge();
    e2e.sim.apps.get('0oa5slackwork000001')!.connection!.status = 'DISABLED';
    e2e.sim.apps.get('0oa5org2orglegacy01')!.connection!.baseUrl = 'https://moved.okta.com';
    const apply = await e2e.push();
    expect(apply.code).toBe(1);
    expect(apply.outputs['failure-reason']).toBe('plan-changed');
    expect(setOnce(apply)).toEqual(['', 'plan-changed']);
  });
});

describe('comment: changes-only', () => {
  it('posts nothing while the pull request changes nothing, then keeps one comment up to date', async () => {
    e2e = await startE2E();
    // Export the org as it is, then plan exactly that: no change, and no extra input needed (admin_username
    // is write-only, so its variable needs no visible-env).
    const exported = await e2e.dispatch({ command: 'export', path: 'okta/exported' });
    expect(exported.code, exported.stdout).toBe(0);
    const quiet = await e2e.pullRequest({ inputs: { path: 'okta/exported', comment: 'changes-only' } });
    expect(quiet.code, quiet.stdout + quiet.stderr).toBe(0);
    expect(quiet.outputs).toMatchObject({ changes: 'false', errors: '0', 'failure-reason': '' });
    expect(quiet.stdout).toContain('No PR comment: the plan changes nothing in Okta');
    expect(planComments(e2e.github)).toEqual([]);

    // The example definitions change Okta: now there is a comment.
    const changing = await e2e.pullRequest({ inputs: { comment: 'changes-only' } });
    expect(changing.outputs.changes).toBe('true');
    const [comment] = planComments(e2e.github);
    expect(comment!.body).toContain('changes to apply on merge');

    // Applied elsewhere: the same comment now says there is nothing left to change.
    const applied = await e2e.dispatch({ command: 'apply', 'plan-check': 'off', 'max-deactivations': '1' });
    expect(applied.code, applied.stdout).toBe(0);
    const after = await e2e.pullRequest({ inputs: { comment: 'changes-only' } });
    expect(after.outputs.changes).toBe('false');
    const comments = planComments(e2e.github);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.id).toBe(comment!.id);
    expect(comments[0]!.body).toContain('no changes: Okta matches the definitions');
    expect(parseMarker(comments[0]!.body)?.planHash).toBe(after.outputs['plan-hash']);
  });
});

describe('the apply result', () => {
  it('puts the Org2Org signing key (AUTO: the JWKS URL and the current key) in a block under the table, not in a cell', async () => {
    e2e = await startE2E();
    const apply = await e2e.dispatch({ command: 'apply', 'plan-check': 'off', 'max-deactivations': '1' });
    expect(apply.code, apply.stdout).toBe(0);
    const html = expectReadable(apply.summary);
    expect(section(html, 'Apply results')).toContain('JWKS URL to configure: see below the table');
    const [key] = codeBlocks(html);
    expect(JSON.parse(key!)).toMatchObject({ kty: 'RSA' });
  });
});

describe('the drift issue', () => {
  it('says what differs and how to fix it, under the label, and is left alone when the drift is the same', async () => {
    e2e = await startE2E();
    const applied = await e2e.dispatch({ command: 'apply', 'plan-check': 'off', 'max-deactivations': '1' });
    expect(applied.code, applied.stdout).toBe(0);
    // Someone re-enabled the legacy connection the definitions deactivate, and moved Zscaler's URL.
    e2e.sim.apps.get('0oa5org2orglegacy01')!.connection!.status = 'ENABLED';
    e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl = 'https://scim.zscaler.example.com/scim/v9';
    const schedule = (runId: string) =>
      e2e.dispatch(
        { 'drift-issue': 'true', label: 'Production' },
        { eventName: 'schedule', payload: { schedule: '17 6 * * *' }, runId },
      );
    const first = await schedule('3001');
    expect(first.code, first.stdout).toBe(0);
    const issues = e2e.github.state.issues.filter((issue) => !issue.isPullRequest);
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue!.title).toBe('Okta drift: Production differs from the definitions');
    const html = expectReadable(issue!.body!);
    expect(headings(html)[0]).toBe('⚠️ Okta drift for Production: Okta differs from the definitions');
    expect(html).not.toMatch(/apply on merge|will be deactivated/);
    expect(html).toContain('active in Okta but deactivated in the definitions');
    expect(html).toContain('To fix it, either');
    // The hash to restore the definitions with is the one of this plan, ready to paste.
    expect(first.outputs['plan-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(html).toContain(`<code>plan-hash: ${first.outputs['plan-hash']}</code>`);
    const drift = section(html, 'Where Okta differs from the definitions');
    expect(drift).toContain('Legacy partner');
    expect(drift).toContain('scim/v9</code> → <code>https://scim.zscaler.example.com/scim/v2');

    const patches = () => e2e.github.requests.filter((request) => request.method === 'PATCH').length;
    const before = patches();
    const second = await schedule('3002');
    expect(second.code, second.stdout).toBe(0);
    expect(second.stdout).toContain('Drift issue: unchanged');
    expect(patches()).toBe(before);
  });
});
