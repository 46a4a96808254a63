import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findStickyComments, publishPlanComment, sameReport } from '../src/github/comment.js';
import type { CommentMode } from '../src/github/comment-mode.js';
import type { MarkerData, ReviewRecord } from '../src/github/marker.js';
import { digestOfVisible, renderMarker } from '../src/github/marker.js';
import { createOctokit } from '../src/github/octokit.js';
import type { Octokit } from '../src/github/octokit.js';
import { startFakeGitHub } from './helpers/fake-github.js';
import type { FakeGitHub } from './helpers/fake-github.js';

const KEY = 'acme.okta.com/okta';
const OTHER_KEY = 'acme-preview.oktapreview.com/okta';

let fake: FakeGitHub;
let octokit: Octokit;
let pr: number;

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = createOctokit(fake.token, fake.url);
  pr = fake.state.addPull({ headSha: 'a'.repeat(40) }).number;
});
afterEach(async () => {
  await fake.close();
});

function planBody(text: string, marker: Partial<MarkerData> = {}): string {
  const data: MarkerData = {
    v: 1,
    key: KEY,
    planHash: 'h1',
    headSha: 'a'.repeat(40),
    state: 'planned',
    ...marker,
  };
  return `${renderMarker(data)}\n${text}`;
}

function publish(mode: CommentMode, body: string, key = KEY) {
  return publishPlanComment(octokit, {
    owner: fake.owner,
    repo: fake.repo,
    issueNumber: pr,
    key,
    body,
    mode,
  });
}

function viewerQueries(): number {
  return fake.requests.filter((r) => r.path === '/graphql' && JSON.stringify(r.body).includes('viewer'))
    .length;
}

function writes() {
  return fake.writes().map((r) => `${r.method} ${r.path}`);
}

describe('findStickyComments', () => {
  it('reads every page and finds the sticky comment on page 3', async () => {
    for (let i = 0; i < 230; i++)
      fake.state.addComment({ issueNumber: pr, body: `chatter ${i}`, user: 'octocat' });
    const sticky = fake.state.addComment({ issueNumber: pr, body: planBody('plan') });
    for (let i = 0; i < 20; i++)
      fake.state.addComment({ issueNumber: pr, body: `more ${i}`, user: 'renovate[bot]' });

    const found = await findStickyComments(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      issueNumber: pr,
      key: KEY,
    });

    expect(found.map((c) => c.id)).toEqual([sticky.id]);
    expect(found[0]).toMatchObject({ body: planBody('plan'), marker: { key: KEY, planHash: 'h1' } });
    expect(found[0]?.createdAt).toBe(sticky.createdAt);
    const reads = fake.requests.filter((r) => r.method === 'GET');
    expect(reads.map((r) => [r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['100', '1'],
      ['100', '2'],
      ['100', '3'],
    ]);
  });

  it('asks GitHub who the token is only when a comment carries the marker, and once per octokit', async () => {
    fake.state.addComment({ issueNumber: pr, body: 'no marker here', user: 'octocat' });
    const find = () =>
      findStickyComments(octokit, { owner: fake.owner, repo: fake.repo, issueNumber: pr, key: KEY });
    expect(await find()).toEqual([]);
    expect(viewerQueries()).toBe(0);

    fake.state.addComment({ issueNumber: pr, body: planBody('plan') });
    expect(await find()).toHaveLength(1);
    expect(await find()).toHaveLength(1);
    expect(viewerQueries()).toBe(1);
  });

  it('returns only comments with the same key, oldest first, ignoring foreign and quoted markers', async () => {
    const older = fake.state.addComment({ issueNumber: pr, body: planBody('old') });
    fake.state.addComment({ issueNumber: pr, body: planBody('other org', { key: OTHER_KEY }) });
    fake.state.addComment({ issueNumber: pr, body: `> ${planBody('quoted by a human')}`, user: 'octocat' });
    fake.state.addComment({ issueNumber: pr, body: '<!-- some-other-bot {"key":"acme.okta.com/okta"} -->' });
    const newer = fake.state.addComment({ issueNumber: pr, body: planBody('new', { planHash: 'h2' }) });

    const found = await findStickyComments(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      issueNumber: pr,
      key: KEY,
    });

    expect(found.map((c) => c.id)).toEqual([older.id, newer.id]);
    expect(found.map((c) => c.marker.planHash)).toEqual(['h1', 'h2']);
  });
});

describe('publishPlanComment', () => {
  it('update: creates the comment when there is none', async () => {
    const result = await publish('update', planBody('first plan'));

    const [comment] = fake.state.comments(pr);
    expect(result).toEqual({
      action: 'created',
      commentId: comment?.id,
      url: `https://github.com/acme/okta-config/pull/${pr}#issuecomment-${comment?.id}`,
    });
    expect(comment?.body).toBe(planBody('first plan'));
  });

  it('update: edits the oldest comment with the key in place, deletes newer duplicates, leaves other keys alone', async () => {
    const oldest = fake.state.addComment({ issueNumber: pr, body: planBody('oldest') });
    const other = fake.state.addComment({ issueNumber: pr, body: planBody('other org', { key: OTHER_KEY }) });
    const newest = fake.state.addComment({ issueNumber: pr, body: planBody('newest') });

    const result = await publish('update', planBody('second plan', { planHash: 'h2' }));

    expect(result).toMatchObject({ action: 'updated', commentId: oldest.id });
    expect(fake.state.comments(pr).map((c) => [c.id, c.body])).toEqual([
      [oldest.id, planBody('second plan', { planHash: 'h2' })],
      [other.id, planBody('other org', { key: OTHER_KEY })],
    ]);
    expect(writes()).toEqual([
      `PATCH /repos/acme/okta-config/issues/comments/${oldest.id}`,
      `DELETE /repos/acme/okta-config/issues/comments/${newest.id}`,
    ]);
  });

  it('update twice keeps a single comment', async () => {
    await publish('update', planBody('one'));
    await publish('update', planBody('two'));
    expect(fake.state.comments(pr).map((c) => c.body)).toEqual([planBody('two')]);
  });

  it('new: posts a new comment and minimizes the older ones with the same key only', async () => {
    const older = [
      fake.state.addComment({ issueNumber: pr, body: planBody('v1') }),
      fake.state.addComment({ issueNumber: pr, body: planBody('v2') }),
    ];
    const other = fake.state.addComment({ issueNumber: pr, body: planBody('other org', { key: OTHER_KEY }) });
    const human = fake.state.addComment({ issueNumber: pr, body: 'looks good', user: 'octocat' });

    const result = await publish('new', planBody('v3'));

    expect(result.action).toBe('created');
    expect(result.warning).toBeUndefined();
    const comments = fake.state.comments(pr);
    expect(comments).toHaveLength(5);
    expect(comments.at(-1)).toMatchObject({ id: result.commentId, body: planBody('v3'), minimized: false });
    expect(fake.state.minimized).toEqual(older.map((c) => ({ nodeId: c.nodeId, classifier: 'OUTDATED' })));
    for (const untouched of [other, human]) {
      expect(comments.find((c) => c.id === untouched.id)).toMatchObject({
        minimized: false,
        body: untouched.body,
      });
    }
  });

  it('new: minimizes only the older comments not minimized yet (each run would fold them all again)', async () => {
    const folded = fake.state.addComment({ issueNumber: pr, body: planBody('v1') });
    folded.minimized = true;
    const shown = fake.state.addComment({ issueNumber: pr, body: planBody('v2') });

    const result = await publish('new', planBody('v3'));

    expect(result.warning).toBeUndefined();
    expect(fake.state.minimized).toEqual([{ nodeId: shown.nodeId, classifier: 'OUTDATED' }]);
  });

  it('new: a failed minimize is a warning on an otherwise created comment', async () => {
    const older = fake.state.addComment({ issueNumber: pr, body: planBody('v1') });
    fake.setMode({ minimize: 'forbidden' });

    const result = await publish('new', planBody('v2'));

    expect(result.action).toBe('created');
    expect(result.warning).toContain(String(older.id));
    expect(result.warning).toContain('Resource not accessible by integration');
    expect(fake.state.comments(pr)).toHaveLength(2);
  });

  it('off: sends nothing', async () => {
    expect(await publish('off', planBody('plan'))).toEqual({ action: 'skipped' });
    expect(fake.requests).toEqual([]);
  });

  it.each(['update', 'new'] as const)(
    '%s: a 403 (fork token) is a warning naming the permission, not a throw',
    async (mode) => {
      fake.state.addComment({ issueNumber: pr, body: planBody('v1') });
      fake.setMode({ commentWrites: 'forbidden' });

      const result = await publish(mode, planBody('v2'));

      expect(result.action).toBe('failed');
      expect(result.warning).toContain('HTTP 403: Resource not accessible by integration');
      expect(result.warning).toContain('pull-requests: write');
      expect(fake.state.comments(pr).map((c) => c.body)).toEqual([planBody('v1')]);
    },
  );

  it('a 404 (no such pull request) and a bad token are warnings too', async () => {
    const missing = await publishPlanComment(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      issueNumber: 404,
      key: KEY,
      body: planBody('plan'),
      mode: 'update',
    });
    expect(missing).toMatchObject({
      action: 'failed',
      warning: expect.stringContaining('HTTP 404: Not Found'),
    });

    octokit = createOctokit('ghs_revoked', fake.url);
    const unauthorized = await publish('update', planBody('plan'));
    expect(unauthorized).toMatchObject({
      action: 'failed',
      warning: expect.stringContaining('github-token'),
    });
  });

  it('a warning never contains the token', async () => {
    fake.setMode({ commentWrites: 'forbidden' });
    const result = await publish('update', planBody('plan'));
    expect(result.warning).toBeDefined();
    expect(result.warning).not.toContain(fake.token);
  });

  it('throws before sending a body over 65,536 characters', async () => {
    const body = planBody('x'.repeat(65_536));
    await expect(publish('update', body)).rejects.toThrow(/65536/);
    expect(fake.requests).toEqual([]);
  });

  it('throws before sending a body that does not start with the marker for its key', async () => {
    await expect(publish('update', 'no marker')).rejects.toThrow(/marker/);
    await expect(publish('update', planBody('wrong key', { key: OTHER_KEY }))).rejects.toThrow(/marker/);
    expect(fake.requests).toEqual([]);
  });
});

describe('only comments written by the token’s identity count', () => {
  it('a forged marker by another user is never found, edited or folded away', async () => {
    const ours = fake.state.addComment({ issueNumber: pr, body: planBody('reviewed', { planHash: 'h1' }) });
    const forged = fake.state.addComment({
      issueNumber: pr,
      body: planBody('forged', { planHash: 'attacker' }),
      user: 'mallory',
    });

    const found = await findStickyComments(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      issueNumber: pr,
      key: KEY,
    });
    expect(found.map((c) => c.id)).toEqual([ours.id]);

    await publish('update', planBody('next plan', { planHash: 'h2' }));
    await publish('new', planBody('newest plan', { planHash: 'h3' }));
    const forgedNow = fake.state.comment(forged.id);
    expect(forgedNow).toMatchObject({ body: planBody('forged', { planHash: 'attacker' }), minimized: false });
    expect(fake.state.comment(ours.id)).toMatchObject({
      body: planBody('next plan', { planHash: 'h2' }),
      minimized: true,
    });
    expect(writes().filter((w) => w.includes(String(forged.id)))).toEqual([]);
  });

  it('with only a forged marker on the PR, update posts our own comment instead of editing it', async () => {
    const forged = fake.state.addComment({ issueNumber: pr, body: planBody('forged'), user: 'mallory' });
    const result = await publish('update', planBody('ours'));
    expect(result.action).toBe('created');
    expect(result.commentId).not.toBe(forged.id);
    expect(fake.state.comment(forged.id)?.body).toBe(planBody('forged'));
  });

  it('a PAT or GitHub App token owns the comments its identity wrote, not github-actions[bot]’s', async () => {
    await fake.close();
    fake = await startFakeGitHub({ viewerLogin: 'Okta-Ops-Bot' });
    octokit = createOctokit(fake.token, fake.url);
    pr = fake.state.addPull({ headSha: 'a'.repeat(40) }).number;
    fake.state.addComment({ issueNumber: pr, body: planBody('by actions'), user: 'github-actions[bot]' });
    const ours = fake.state.addComment({
      issueNumber: pr,
      body: planBody('by the PAT'),
      user: 'okta-ops-bot',
    });

    const found = await findStickyComments(octokit, {
      owner: fake.owner,
      repo: fake.repo,
      issueNumber: pr,
      key: KEY,
    });
    expect(found.map((c) => c.id)).toEqual([ours.id]);
  });
});

describe('sameReport: an unchanged body is not edited, unless the marker must change for apply', () => {
  const FOOTER = (run: number) =>
    `<sub>Plan h1 · head aaaaaaa · [run #${run}](https://github.com/acme/okta-config/actions/runs/${run}) · okta-app-connections</sub>`;
  const record = (runId: number, connections: Record<string, string> = { '0oaA': 'c1' }): ReviewRecord => ({
    planHash: 'h1',
    connections,
    pr: 12,
    headSha: 'a'.repeat(40),
    runId,
    at: new Date(runId * 1000).toISOString(),
    bodyDigest: 'd'.repeat(64),
  });
  /** A body as publishComment writes it: v2 marker, records, and the digest of the visible text. */
  const written = (run: number, records: ReviewRecord[], text = 'the plan', digest?: string) => {
    const visible = `\n${text}\n\n${FOOTER(run)}`;
    const bodyDigest = digest ?? digestOfVisible(visible);
    const marker = renderMarker({
      key: KEY,
      planHash: 'h1',
      headSha: 'a'.repeat(40),
      state: 'planned',
      runId: run,
      bodyDigest,
      records,
    });
    return `${marker}${visible}`;
  };

  it('a re-run that adds a record repeating the last one but for run, time and digest says the same', () => {
    const before = written(1001, [record(1001)]);
    expect(sameReport(before, written(1002, [record(1001), record(1002)]))).toBe(true);
  });

  it('is not the same when the new record covers other connections, even with the same visible text', () => {
    const before = written(1001, [record(1001)]);
    const after = written(1002, [record(1001), record(1002, { '0oaA': 'c1', '0oaB': 'c2' })]);
    expect(sameReport(before, after)).toBe(false);
  });

  it('is not the same when the old comment lacks the record, or its visible text no longer has its digest', () => {
    expect(sameReport(written(1001, []), written(1002, [record(1002)]))).toBe(false);
    const tampered = written(1001, [record(1001)], 'the plan', '0'.repeat(64));
    expect(sameReport(tampered, written(1002, [record(1001), record(1002)]))).toBe(false);
  });

  it('is not the same when the visible text differs outside the footer', () => {
    const before = written(1001, [record(1001)]);
    expect(sameReport(before, written(1002, [record(1001), record(1002)], 'another plan'))).toBe(false);
  });
});
