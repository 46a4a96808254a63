import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncDriftIssue } from '../src/github/drift-issue.js';
import type { DriftIssueOptions } from '../src/github/drift-issue.js';
import { renderMarker } from '../src/github/marker.js';
import { createOctokit } from '../src/github/octokit.js';
import type { Octokit } from '../src/github/octokit.js';
import { startFakeGitHub } from './helpers/fake-github.js';
import type { FakeGitHub } from './helpers/fake-github.js';

const KEY = 'acme.okta.com/okta';
const OTHER_KEY = 'acme-preview.oktapreview.com/okta';

let fake: FakeGitHub;
let octokit: Octokit;

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = createOctokit(fake.token, fake.url);
});
afterEach(async () => {
  await fake.close();
});

const driftBody = (text: string, key = KEY) =>
  `${renderMarker({ v: 1, key, planHash: text, headSha: 'a'.repeat(40), state: 'planned' })}\n${text}`;

function sync(
  drifted: boolean,
  text = 'Salesforce: token auth differs',
  overrides: Partial<DriftIssueOptions> = {},
) {
  return syncDriftIssue(octokit, {
    owner: fake.owner,
    repo: fake.repo,
    key: KEY,
    drifted,
    title: 'Okta drift: acme.okta.com',
    body: driftBody(text),
    closeComment: 'No drift any more (run 7).',
    ...overrides,
  });
}

const writes = () => fake.writes();

describe('syncDriftIssue', () => {
  it('does nothing without drift and without an issue', async () => {
    expect(await sync(false)).toEqual({ action: 'unchanged' });
    expect(writes()).toEqual([]);
    // The labelled issues first, then (none of ours there) every open issue: ours may have lost its label.
    expect(fake.requests.map((r) => r.query)).toEqual([
      { labels: 'okta-drift', state: 'open', per_page: '100' },
      { state: 'open', per_page: '100' },
    ]);
  });

  it('finds its issue by the marker when the token could not label it, instead of opening another', async () => {
    fake.setMode({ labelsOnCreate: 'dropped' });
    const opened = await sync(true, 'first');
    expect(opened.action).toBe('opened');
    expect(opened.warning).toContain('found by its marker');
    expect(fake.state.issue(opened.number!)!.labels).toEqual([]);
    const updated = await sync(true, 'second');
    expect(updated).toMatchObject({ action: 'updated', number: opened.number });
    const closed = await sync(false);
    expect(closed).toMatchObject({ action: 'closed', number: opened.number });
    expect(fake.state.issues.filter((issue) => !issue.isPullRequest)).toHaveLength(1);
  });

  it('opens a labelled issue, updates the same one, and leaves it alone when nothing changed', async () => {
    const opened = await sync(true, 'first');
    const issue = fake.state.issues[0];
    expect(opened).toEqual({
      action: 'opened',
      number: issue?.number,
      url: `https://github.com/acme/okta-config/issues/${issue?.number}`,
    });
    expect(issue).toMatchObject({
      title: 'Okta drift: acme.okta.com',
      body: driftBody('first'),
      labels: ['okta-drift'],
    });

    expect(await sync(true, 'second')).toMatchObject({ action: 'updated', number: issue?.number });
    expect(fake.state.issues).toHaveLength(1);
    expect(issue?.body).toBe(driftBody('second'));

    const before = writes().length;
    expect(await sync(true, 'second')).toMatchObject({ action: 'unchanged', number: issue?.number });
    expect(writes()).toHaveLength(before);
  });

  it('comments and closes the issue as completed when the drift is gone', async () => {
    const issue = fake.state.addIssue({
      title: 'Okta drift',
      body: driftBody('old'),
      labels: ['okta-drift'],
    });

    expect(await sync(false)).toMatchObject({ action: 'closed', number: issue.number });

    expect(issue).toMatchObject({ state: 'closed', stateReason: 'completed' });
    expect(fake.state.comments(issue.number).map((c) => c.body)).toEqual(['No drift any more (run 7).']);
    expect(writes().map((r) => [`${r.method} ${r.path}`, r.body])).toEqual([
      [
        `POST /repos/acme/okta-config/issues/${issue.number}/comments`,
        { body: 'No drift any more (run 7).' },
      ],
      [
        `PATCH /repos/acme/okta-config/issues/${issue.number}`,
        { state: 'closed', state_reason: 'completed' },
      ],
    ]);
  });

  it('ignores pull requests, other keys and closed issues', async () => {
    const pull = fake.state.addPull({
      headSha: 'a'.repeat(40),
      body: driftBody('pr'),
      labels: ['okta-drift'],
    });
    const other = fake.state.addIssue({
      title: 'x',
      body: driftBody('other', OTHER_KEY),
      labels: ['okta-drift'],
    });
    const closed = fake.state.addIssue({
      title: 'x',
      body: driftBody('closed'),
      labels: ['okta-drift'],
      state: 'closed',
    });
    const untouched = [pull.number, other.number, closed.number].map((n) => ({
      ...fake.state.issue(n),
    }));

    expect(await sync(false)).toEqual({ action: 'unchanged' });
    const opened = await sync(true, 'new');
    expect(opened.action).toBe('opened');
    expect(opened.number).not.toBeOneOf(untouched.map((i) => i.number));
    for (const issue of untouched) expect(fake.state.issue(issue.number ?? 0)).toEqual(issue);
  });

  it('never updates, comments on or closes a labelled issue with our marker that someone else opened', async () => {
    const forged = fake.state.addIssue({
      title: 'Okta drift: acme.okta.com',
      body: driftBody('forged'),
      labels: ['okta-drift'],
      user: 'mallory',
    });
    const before = { ...fake.state.issue(forged.number) };

    expect(await sync(false)).toEqual({ action: 'unchanged' });
    const opened = await sync(true, 'real drift');
    expect(opened.action).toBe('opened');
    expect(opened.number).not.toBe(forged.number);
    expect(await sync(false)).toMatchObject({ action: 'closed', number: opened.number });

    expect(fake.state.issue(forged.number)).toEqual(before);
    expect(fake.state.comments(forged.number)).toEqual([]);
    expect(fake.state.issue(opened.number ?? 0)?.state).toBe('closed');
  });

  it('finds its issue beyond the first page of labelled issues', async () => {
    const ours = fake.state.addIssue({ title: 'ours', body: driftBody('ours'), labels: ['okta-drift'] });
    for (let i = 0; i < 120; i++) {
      fake.state.addIssue({
        title: `other ${i}`,
        body: driftBody(`o${i}`, `org${i}.okta.com/x`),
        labels: ['okta-drift'],
      });
    }

    expect(await sync(true, 'changed')).toMatchObject({ action: 'updated', number: ours.number });
    expect(fake.requests.filter((r) => r.method === 'GET')).toHaveLength(2);
  });

  it('closes duplicates too', async () => {
    const a = fake.state.addIssue({ title: 'a', body: driftBody('a'), labels: ['okta-drift'] });
    const b = fake.state.addIssue({ title: 'b', body: driftBody('b'), labels: ['okta-drift'] });
    expect(await sync(false)).toMatchObject({ action: 'closed', number: b.number });
    expect([a.state, b.state]).toEqual(['closed', 'closed']);
  });

  it('throws a clear error naming the permission when issues may not be written', async () => {
    fake.setMode({ issueWrites: 'forbidden' });
    const error = await sync(true).then(
      () => expect.unreachable('expected a failure'),
      (e: unknown) => e as Error,
    );
    expect(error.message).toContain('HTTP 403: Resource not accessible by integration');
    expect(error.message).toContain('issues: write');
    expect(error.message).not.toContain(fake.token);
  });

  it('rejects a body without the marker for its key before sending anything', async () => {
    await expect(sync(true, 'x', { body: 'plain' })).rejects.toThrow(/marker/);
    await expect(sync(true, 'x', { body: driftBody('x', OTHER_KEY) })).rejects.toThrow(/marker/);
    expect(fake.requests).toEqual([]);
  });
});
