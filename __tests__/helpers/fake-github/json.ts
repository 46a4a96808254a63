/**
 * GitHub's JSON shapes for what the fake holds: the fields octokit's types declare and our code reads
 * (ids, node ids, bodies, authors, labels, states, merge data), with GitHub's URL layout.
 */
import type { FakeComment, FakeGitHubState, FakeIssue, FakePull } from './state.js';

export const REPO_ID = 708_123_456;
const HTML_BASE = 'https://github.com';
/** The user id of github-actions[bot] on github.com. */
const ACTIONS_BOT_ID = 41_898_282;

export interface RepositoryContext {
  baseUrl: string;
  owner: string;
  repo: string;
  state: FakeGitHubState;
}

export function userJson(login: string) {
  return {
    login,
    id: login === 'github-actions[bot]' ? ACTIONS_BOT_ID : 1000 + login.length,
    node_id: `MDQ6VXNlcj${login.length}`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    html_url: `${HTML_BASE}/${login.replace('[bot]', '')}`,
  };
}

export function commentJson({ baseUrl, owner, repo, state }: RepositoryContext, comment: FakeComment) {
  const kind = state.issue(comment.issueNumber)?.isPullRequest ? 'pull' : 'issues';
  const api = `${baseUrl}/repos/${owner}/${repo}`;
  return {
    id: comment.id,
    node_id: comment.nodeId,
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${HTML_BASE}/${owner}/${repo}/${kind}/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: userJson(comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.user === state.viewerLogin ? 'NONE' : 'MEMBER',
  };
}

export function issueJson({ baseUrl, owner, repo, state }: RepositoryContext, issue: FakeIssue) {
  const api = `${baseUrl}/repos/${owner}/${repo}`;
  return {
    id: 3_000_000_000 + issue.number,
    node_id: issue.nodeId,
    url: `${api}/issues/${issue.number}`,
    html_url: `${HTML_BASE}/${owner}/${repo}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: userJson(issue.user),
    labels: issue.labels.map((name, index) => ({ id: 5_000 + index, name, color: 'ededed', default: false })),
    comments: state.comments(issue.number).length,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    closed_at: issue.closedAt,
    locked: false,
    author_association: 'NONE',
    ...(issue.isPullRequest && {
      pull_request: {
        url: `${api}/pulls/${issue.number}`,
        html_url: `${HTML_BASE}/${owner}/${repo}/pull/${issue.number}`,
        merged_at: state.pull(issue.number)?.mergedAt ?? null,
      },
    }),
  };
}

export function pullJson({ baseUrl, owner, repo, state }: RepositoryContext, pull: FakePull) {
  const issue = state.issue(pull.number);
  const branch = (ref: string, sha: string) => ({
    label: `${owner}:${ref}`,
    ref,
    sha,
    user: userJson(owner),
  });
  return {
    id: 4_000_000_000 + pull.number,
    node_id: issue?.nodeId,
    url: `${baseUrl}/repos/${owner}/${repo}/pulls/${pull.number}`,
    html_url: `${HTML_BASE}/${owner}/${repo}/pull/${pull.number}`,
    number: pull.number,
    state: issue?.state ?? 'open',
    title: issue?.title,
    body: issue?.body ?? null,
    user: userJson(issue?.user ?? state.viewerLogin),
    labels: (issue?.labels ?? []).map((name) => ({ name })),
    created_at: issue?.createdAt,
    updated_at: issue?.updatedAt,
    closed_at: issue?.closedAt ?? null,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergeCommitSha,
    draft: false,
    head: branch(pull.headRef, pull.headSha),
    base: branch(pull.baseRef, 'b'.repeat(40)),
    author_association: 'MEMBER',
  };
}
