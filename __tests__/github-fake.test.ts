/** The fake GitHub itself, and createOctokit/describeGitHubError against it: it must behave like GitHub. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createOctokit, describeGitHubError, isGitHubError } from '../src/github/octokit.js';
import type { Octokit } from '../src/github/octokit.js';
import { USER_AGENT } from '../src/version.js';
import { startFakeGitHub } from './helpers/fake-github.js';
import type { FakeGitHub } from './helpers/fake-github.js';

let fake: FakeGitHub;
let octokit: Octokit;
const repo = () => ({ owner: fake.owner, repo: fake.repo });

beforeEach(async () => {
  fake = await startFakeGitHub();
  octokit = createOctokit(fake.token, fake.url);
});
afterEach(async () => {
  await fake.close();
});

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('expected a failure'),
    (error: unknown) => error,
  );
}

describe('fake GitHub', () => {
  it('sends the token and our user agent, and answers 401 to a wrong or missing token', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    await octokit.rest.issues.listComments({ ...repo(), issue_number: pr.number });
    expect(fake.requests[0]?.headers.authorization).toBe(`token ${fake.token}`);
    expect(fake.requests[0]?.headers['user-agent']).toContain(USER_AGENT);

    const wrong = createOctokit('ghs_wrong', fake.url);
    const error = await caught(wrong.rest.issues.listComments({ ...repo(), issue_number: pr.number }));
    expect(describeGitHubError(error)).toBe('HTTP 401: Bad credentials');
    const bare = await fetch(`${fake.url}/repos/${fake.owner}/${fake.repo}/issues/1/comments`);
    expect(bare.status).toBe(401);
  });

  it('accepts Bearer authorization too', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    const response = await fetch(
      `${fake.url}/repos/${fake.owner}/${fake.repo}/issues/${pr.number}/comments`,
      {
        headers: { authorization: `Bearer ${fake.token}` },
      },
    );
    expect(response.status).toBe(200);
  });

  it('paginates with a GitHub-style Link header (prev, next, last, first)', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    for (let i = 0; i < 250; i++) fake.state.addComment({ issueNumber: pr.number, body: `c${i}` });
    const page = (n: number) =>
      octokit.rest.issues.listComments({ ...repo(), issue_number: pr.number, per_page: 100, page: n });

    const first = await page(1);
    expect(first.data.map((c) => c.body)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}`));
    const link = (n: number) =>
      `<${fake.url}/repositories/708123456/issues/${pr.number}/comments?per_page=100&page=${n}>`;
    expect(first.headers.link).toBe(`${link(2)}; rel="next", ${link(3)}; rel="last"`);
    const middle = await page(2);
    expect(middle.headers.link).toBe(
      `${link(1)}; rel="prev", ${link(3)}; rel="next", ${link(3)}; rel="last", ${link(1)}; rel="first"`,
    );
    const last = await page(3);
    expect(last.data).toHaveLength(50);
    expect(last.headers.link).toBe(`${link(2)}; rel="prev", ${link(1)}; rel="first"`);

    const all = await octokit.paginate(octokit.rest.issues.listComments, {
      ...repo(),
      issue_number: pr.number,
      per_page: 100,
    });
    expect(all).toHaveLength(250);
  });

  it('defaults to 30 per page and caps per_page at 100', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    for (let i = 0; i < 120; i++) fake.state.addComment({ issueNumber: pr.number, body: `c${i}` });
    const byDefault = await octokit.rest.issues.listComments({ ...repo(), issue_number: pr.number });
    expect(byDefault.data).toHaveLength(30);
    const capped = await octokit.rest.issues.listComments({
      ...repo(),
      issue_number: pr.number,
      per_page: 500,
    });
    expect(capped.data).toHaveLength(100);
  });

  it('rejects a body over 65,536 characters with GitHub’s 422', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    const error = await caught(
      octokit.rest.issues.createComment({ ...repo(), issue_number: pr.number, body: 'x'.repeat(65_537) }),
    );
    expect((error as { status: number }).status).toBe(422);
    expect((error as { response: { data: unknown } }).response.data).toMatchObject({
      message: 'Validation Failed',
      errors: [
        {
          resource: 'IssueComment',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)',
        },
      ],
    });
    const exact = await octokit.rest.issues.createComment({
      ...repo(),
      issue_number: pr.number,
      body: 'x'.repeat(65_536),
    });
    expect(exact.status).toBe(201);
  });

  it('lists pull requests among issues, with a pull_request key, and 404s unknown numbers and repos', async () => {
    fake.state.addIssue({ title: 'bug' });
    fake.state.addPull({ headSha: 'a'.repeat(40) });
    const { data } = await octokit.rest.issues.listForRepo({ ...repo(), state: 'all' });
    expect(data.map((issue) => [issue.number, Boolean(issue.pull_request)])).toEqual([
      [2, true],
      [1, false],
    ]);
    const missing = await caught(octokit.rest.issues.listComments({ ...repo(), issue_number: 99 }));
    expect(describeGitHubError(missing)).toBe('HTTP 404: Not Found');
    const otherRepo = await caught(
      octokit.rest.issues.listComments({ owner: 'acme', repo: 'elsewhere', issue_number: 1 }),
    );
    expect(describeGitHubError(otherRepo)).toBe('HTTP 404: Not Found');
    const unused = await caught(octokit.rest.issues.get({ ...repo(), issue_number: 1 }));
    expect(describeGitHubError(unused)).toBe('HTTP 404: Not Found');
  });

  it('answers viewer { login } with the token’s identity, who authors everything written through the API', async () => {
    const { viewer } = await octokit.graphql<{ viewer: { login: string } }>('query { viewer { login } }');
    expect(viewer.login).toBe('github-actions[bot]');
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    fake.state.addComment({ issueNumber: pr.number, body: 'by hand', user: 'mallory' });
    await octokit.rest.issues.createComment({ ...repo(), issue_number: pr.number, body: 'by the API' });
    const { data } = await octokit.rest.issues.listComments({ ...repo(), issue_number: pr.number });
    expect(data.map((c) => [c.body, c.user?.login, c.user?.type])).toEqual([
      ['by hand', 'mallory', 'User'],
      ['by the API', 'github-actions[bot]', 'Bot'],
    ]);

    const pat = await startFakeGitHub({ viewerLogin: 'okta-ops-bot' });
    try {
      const viaPat = createOctokit(pat.token, pat.url);
      const answer = await viaPat.graphql<{ viewer: { login: string } }>('{ viewer { login } }');
      expect(answer.viewer.login).toBe('okta-ops-bot');
      const issue = await viaPat.rest.issues.create({ owner: pat.owner, repo: pat.repo, title: 't' });
      expect(issue.data.user?.login).toBe('okta-ops-bot');
    } finally {
      await pat.close();
    }
  });

  it('records and applies minimizeComment, and reports unknown node ids as GraphQL errors', async () => {
    const pr = fake.state.addPull({ headSha: 'a'.repeat(40) });
    const comment = fake.state.addComment({ issueNumber: pr.number, body: 'old' });
    await octokit.graphql(
      `mutation { minimizeComment(input: {subjectId: "${comment.nodeId}", classifier: OUTDATED}) { clientMutationId } }`,
    );
    expect(fake.state.minimized).toEqual([{ nodeId: comment.nodeId, classifier: 'OUTDATED' }]);
    expect(fake.state.comments(pr.number)[0]?.minimized).toBe(true);

    const error = await caught(
      octokit.graphql(
        'mutation($id: ID!) { minimizeComment(input: {subjectId: $id, classifier: SPAM}) { x } }',
        {
          id: 'IC_nope',
        },
      ),
    );
    expect(isGitHubError(error)).toBe(true);
    expect(describeGitHubError(error)).toBe(
      "GraphQL: Could not resolve to a node with the global id of 'IC_nope'",
    );
  });

  it('describes an unreachable GitHub without pretending it answered', async () => {
    const url = fake.url;
    await fake.close();
    const error = await caught(
      createOctokit('t', url).rest.issues.listComments({ owner: 'a', repo: 'b', issue_number: 1 }),
    );
    expect(isGitHubError(error)).toBe(true);
    expect(describeGitHubError(error)).toMatch(/^GitHub could not be reached: /);
    fake = await startFakeGitHub(); // afterEach closes it
  });
});
