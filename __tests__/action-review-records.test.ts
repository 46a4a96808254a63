import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { HEAD_SHA, markerOf, PR_NUMBER, planComments, startE2E, type E2E } from './helpers/e2e.js';

let e2e: E2E;
afterEach(async () => e2e?.close());

const MARKER = /^<!-- okta-app-connections (\{.*?\}) -->/;
const errorsOf = (run: { annotations: { level: string; message: string }[] }) =>
  run.annotations
    .filter((a) => a.level === 'error')
    .map((a) => a.message)
    .join('\n');

/** A body whose marker JSON is replaced: what anyone who can edit a comment, or another workflow, can write. */
function withMarker(body: string, change: (marker: Record<string, unknown>) => void): string {
  const marker = markerOf(body);
  change(marker);
  return body.replace(MARKER, `<!-- okta-app-connections ${JSON.stringify(marker)} -->`);
}

/** A reviewer reads the plan for a while (GitHub's clock moves on), then submits a review. */
function approve(review: Parameters<E2E['github']['state']['addReview']>[0]): void {
  e2e.github.state.clockOffsetMs += 2_000;
  e2e.github.state.addReview(review);
}

const digest = (visible: string) => createHash('sha256').update(visible, 'utf8').digest('hex');

describe('review records: only a plan run of this pull request is evidence of review', () => {
  it('a merged pull request that was never planned is refused, and so is the re-run', async () => {
    e2e = await startE2E();
    e2e.merge();
    const reasons = ['has no plan comment of this action', 'has no review record in its plan comment'];
    for (const reason of reasons) {
      const apply = await e2e.push();
      expect(apply.code).toBe(1);
      expect(apply.outputs['failure-reason']).toBe('not-reviewed');
      expect(errorsOf(apply)).toContain(reason);
      expect(e2e.sim.writes()).toEqual([]);
    }
    // The refusal's comment shows what was not applied, and holds no record.
    const [comment] = planComments(e2e.github);
    expect(markerOf(comment!.body)).toMatchObject({ state: 'plan-changed', records: [] });
  });

  it('an edited record, an edited visible plan, or a record of another run is not evidence', async () => {
    e2e = await startE2E();
    const reviewed = await e2e.pullRequest();
    expect(reviewed.code).toBe(0);
    e2e.merge();
    const ours = planComments(e2e.github)[0]!;
    const original = ours.body;
    const restore = () => {
      const comment = e2e.github.state.comment(ours.id)!;
      comment.body = original;
      comment.edits.length = 0;
    };
    // The plan deactivates the legacy Org2Org connection.
    expect(original).toContain('0oa5org2orglegacy01');
    const [markerLine, ...visibleLines] = original.split('\n');
    const hidden = [markerLine, ...visibleLines.filter((line) => !line.includes('0oa5org2orglegacy01'))].join(
      '\n',
    );

    // 1. Someone with write access hides the deactivation (the marker kept as it was).
    e2e.github.state.editComment(ours.id, hidden, 'mallory');
    const edited = await e2e.push();
    expect(edited.code).toBe(1);
    expect(edited.outputs['failure-reason']).toBe('not-reviewed');
    expect(errorsOf(edited)).toContain('edited by someone other than this action (mallory)');
    expect(e2e.sim.writes()).toEqual([]);

    // 1b. A user account named like the bot (GraphQL names the bot `github-actions` too, as a Bot).
    restore();
    e2e.github.state.editComment(ours.id, hidden, 'github-actions');
    const lookalike = await e2e.push();
    expect(lookalike.code).toBe(1);
    expect(errorsOf(lookalike)).toContain('edited by someone other than this action (github-actions)');
    expect(e2e.sim.writes()).toEqual([]);

    // 2. Another workflow edits it as github-actions[bot]: the visible plan no longer has its digest.
    restore();
    e2e.github.state.editComment(ours.id, hidden, e2e.github.state.viewerLogin);
    const rewritten = await e2e.push();
    expect(rewritten.code).toBe(1);
    expect(errorsOf(rewritten)).toContain('visible plan is no longer the text this action wrote');
    expect(e2e.sim.writes()).toEqual([]);

    // 3. Another workflow posts its own comment as github-actions[bot], digest and all, naming a run that is
    // not this pull request's plan run.
    restore();
    const forged = withMarker(hidden, (marker) => {
      const records = marker.records as Record<string, unknown>[];
      const visible = hidden.replace(MARKER, '');
      marker.bodyDigest = digest(visible);
      records[records.length - 1] = { ...records.at(-1), runId: 424242, bodyDigest: digest(visible) };
    });
    e2e.github.state.addComment({ issueNumber: PR_NUMBER, body: forged });
    const replayed = await e2e.push();
    expect(replayed.code).toBe(1);
    expect(errorsOf(replayed)).toContain('run 424242, which is not a workflow run of this repository');
    expect(e2e.sim.writes()).toEqual([]);
  });

  it('reads the whole edit history, page by page: 150 edits by this action are evidence, one other is not', async () => {
    e2e = await startE2E();
    expect((await e2e.pullRequest()).code).toBe(0);
    e2e.merge();
    const ours = planComments(e2e.github)[0]!;
    const bot = e2e.github.state.viewerLogin;
    // Mallory's edit changed nothing visible, and 150 later edits of this action push it to the second page.
    e2e.github.state.editComment(ours.id, ours.body, 'mallory');
    for (let edit = 0; edit < 150; edit += 1) e2e.github.state.editComment(ours.id, ours.body, bot);
    const refused = await e2e.push();
    expect(refused.code).toBe(1);
    expect(errorsOf(refused)).toContain('edited by someone other than this action (mallory)');
    expect(e2e.sim.writes()).toEqual([]);

    // Without Mallory's edit, a long history of the action's own edits is evidence.
    const comment = e2e.github.state.comment(ours.id)!;
    comment.edits.splice(
      comment.edits.findIndex((edit) => edit.editor === 'mallory'),
      1,
    );
    expect(comment.edits.filter((edit) => edit.editor !== bot)).toEqual([]);
    expect(comment.edits.length).toBeGreaterThan(150);
    const applied = await e2e.push();
    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    expect(applied.outputs['failure-reason']).toBe('');
    expect(e2e.sim.writes().length).toBeGreaterThan(0);
  });

  it('approved means approved: a plan changed after the last approval is refused until approved again', async () => {
    e2e = await startE2E();
    expect((await e2e.pullRequest()).code).toBe(0);
    approve({ pullNumber: PR_NUMBER, user: 'alice', state: 'APPROVED' });
    // Okta drifts in a reviewed connection, then an `edited` title re-plans: the comment shows a new plan.
    e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl = 'https://drifted.example.com/scim';
    const replanned = await e2e.pullRequest({
      payload: { action: 'edited', pull_request: { number: PR_NUMBER, head: { sha: '1'.repeat(40) } } },
    });
    expect(replanned.code).toBe(0);
    expect(markerOf(planComments(e2e.github)[0]!.body).records).toHaveLength(2);
    e2e.merge();
    const refused = await e2e.push();
    expect(refused.code).toBe(1);
    expect(refused.outputs['failure-reason']).toBe('plan-changed');
    expect(errorsOf(refused)).toContain('changed after the last approval');
    expect(e2e.sim.writes()).toEqual([]);

    // Anyone may review a public repository: an approval by someone without a say in it is no approval.
    approve({
      pullNumber: PR_NUMBER,
      user: 'mallory',
      state: 'APPROVED',
      association: 'NONE',
    });
    const outsider = await e2e.push();
    expect(outsider.code).toBe(1);
    expect(errorsOf(outsider)).toContain('changed after the last approval');
    expect(e2e.sim.writes()).toEqual([]);

    // A new approval of the new plan: the merge applies it.
    approve({ pullNumber: PR_NUMBER, user: 'alice', state: 'APPROVED' });
    const applied = await e2e.push();
    expect(applied.code, applied.stdout).toBe(0);
    expect(applied.outputs.applied).toBe('3');
    expect(e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl).toBe(
      'https://scim.zscaler.example.com/scim/v2',
    );
  });
  it("matches approvals to records by GitHub's clock, not the runner's", async () => {
    e2e = await startE2E();
    // The runner's clock is ten minutes behind GitHub's.
    e2e.github.state.clockOffsetMs = 10 * 60_000;
    expect((await e2e.pullRequest()).code).toBe(0);
    approve({ pullNumber: PR_NUMBER, user: 'alice', state: 'APPROVED' });
    // A re-plan after the approval must not pass for one made before it.
    e2e.sim.apps.get('0oa5zscalerprod0001')!.connection!.baseUrl = 'https://drifted.example.com/scim';
    const replanned = await e2e.pullRequest({
      payload: { action: 'edited', pull_request: { number: PR_NUMBER, head: { sha: '1'.repeat(40) } } },
    });
    expect(replanned.code).toBe(0);
    e2e.merge();
    const refused = await e2e.push();
    expect(refused.code).toBe(1);
    expect(errorsOf(refused)).toContain('changed after the last approval');
    expect(e2e.sim.writes()).toEqual([]);
  });
});

describe('an unchanged plan is not written again, and its record still counts', () => {
  it('a re-plan of the same head edits nothing and keeps the record; a comment without its record is rewritten', async () => {
    e2e = await startE2E();
    expect((await e2e.pullRequest({ runId: '1001' })).code).toBe(0);
    const ours = planComments(e2e.github)[0]!;
    const first = ours.body;
    expect(markerOf(first).records).toMatchObject([{ runId: 1001 }]);

    // The same head planned again by another run (`reopened`): same plan, same words. Nothing is edited, and
    // the kept record names run 1001, a plan run of this head just as good as run 1002.
    const again = await e2e.pullRequest({
      runId: '1002',
      payload: { action: 'reopened', pull_request: { number: PR_NUMBER, head: { sha: HEAD_SHA } } },
    });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('PR comment unchanged');
    expect(e2e.github.state.comment(ours.id)!.body).toBe(first);
    expect(e2e.github.state.comment(ours.id)!.edits).toEqual([]);

    // The same text without the record (as an apply refusal or an older release leaves it): the next plan
    // run must write its record, or the merge would be refused as never reviewed.
    const stripped = withMarker(first, (marker) => {
      marker.records = [];
    });
    e2e.github.state.editComment(ours.id, stripped, e2e.github.state.viewerLogin);
    const recorded = await e2e.pullRequest({ runId: '1003' });
    expect(recorded.code).toBe(0);
    expect(recorded.stdout).toContain('PR comment updated');
    expect(markerOf(e2e.github.state.comment(ours.id)!.body).records).toMatchObject([{ runId: 1003 }]);

    e2e.merge();
    const apply = await e2e.push();
    expect(apply.code, apply.stdout).toBe(0);
    expect(apply.outputs).toMatchObject({ applied: '3', 'failure-reason': '' });
  });
});

describe('one sticky comment per key, whoever the token is', () => {
  it('keeps the older of two comments left by concurrent runs, and says so when the identity is unknown', async () => {
    e2e = await startE2E();
    expect((await e2e.pullRequest()).code).toBe(0);
    const [older] = planComments(e2e.github);
    // A concurrent run posted a second one.
    e2e.github.state.addComment({ issueNumber: PR_NUMBER, body: older!.body });
    const next = await e2e.pullRequest();
    expect(next.code).toBe(0);
    expect(planComments(e2e.github).map((c) => c.id)).toEqual([older!.id]);

    // The default GITHUB_TOKEN: GraphQL viewer and GET /user both refuse; it is github-actions[bot].
    e2e.github.setMode({ viewer: 'forbidden', restUser: 'forbidden' });
    expect((await e2e.pullRequest()).code).toBe(0);
    expect(planComments(e2e.github).map((c) => c.id)).toEqual([older!.id]);

    // GitHub cannot say who the token is: a new comment shows the current plan and says why.
    e2e.github.setMode({ viewer: 'error', restUser: 'error' });
    const unknown = await e2e.pullRequest();
    expect(
      unknown.annotations.some((a) => a.level === 'warning' && a.message.includes('which identity')),
    ).toBe(true);
    const comments = planComments(e2e.github);
    expect(comments).toHaveLength(2);
    expect(comments[1]!.body).toContain('this comment holds the current plan');

    // The next run that knows its identity keeps one again.
    e2e.github.setMode({ viewer: 'ok', restUser: 'ok' });
    expect((await e2e.pullRequest()).code).toBe(0);
    expect(planComments(e2e.github).map((c) => c.id)).toEqual([older!.id]);
  });
});
