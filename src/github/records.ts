/**
 * The evidence of review of one merged pull request: the review record in its plan comment's marker, and
 * the checks that make the record mean something (README: Security model). A record counts only when all
 * hold: the comment is the token identity's; every edit of it was made by that identity; its visible text
 * is what the last write said it was; the record was written by a `pull_request` workflow run of this
 * repository for this pull request's head, and that head is the one merged; and, when the pull request has
 * approvals, the plan did not change after the newest one.
 */
import type { PullRequestEvidence } from '../run/review.js';
import { findStickyComments, recordCarrier } from './comment.js';
import { digestOfVisible, type ReviewRecord } from './marker.js';
import { describeGitHubError, githubErrorStatus, isGitHubError, type Octokit } from './octokit.js';
import type { MergedPullRequest } from './pulls.js';

interface RecordLookup {
  owner: string;
  repo: string;
  key: string;
  /** The token's identity (tokenLogin). */
  login: string;
}

const EDITS_QUERY = `query($id: ID!, $after: String) {
  node(id: $id) { ... on IssueComment { userContentEdits(first: 100, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { editor { __typename login } }
  } } }
}`;

/** Pages of a comment's edit history read at most (100 edits each): each plan run that changes it adds one. */
const EDIT_PAGES = 10;

export async function pullRequestEvidence(
  octokit: Octokit,
  lookup: RecordLookup,
  pull: MergedPullRequest,
): Promise<PullRequestEvidence> {
  const notEvidence = (why: string): PullRequestEvidence => ({
    number: pull.number,
    notEvidence: `pull request #${pull.number} ${why}`,
  });
  const { owner, repo, key, login } = lookup;
  const comments = await findStickyComments(octokit, { owner, repo, issueNumber: pull.number, key });
  const comment = recordCarrier(comments);
  if (!comment) return notEvidence(`has no plan comment of this action for ${key}: it was never planned.`);
  const records = comment.marker.records ?? [];
  const current = records.at(-1);
  if (!current) {
    return notEvidence(
      'has no review record in its plan comment (a release before records wrote it, or an apply refusal did): push to it or re-run its plan to record a review.',
    );
  }
  const editors = await editorsOf(octokit, comment.nodeId);
  if ('error' in editors)
    return notEvidence(`has a plan comment whose edit history could not be read (${editors.error}).`);
  const others = editors.logins.filter((editor) => editor.toLowerCase() !== login.toLowerCase());
  if (others.length > 0) {
    return notEvidence(
      `has a plan comment that was edited by someone other than this action (${[...new Set(others)].map(plainLogin).join(', ')}): an edited record is not evidence of review.`,
    );
  }
  if (comment.marker.bodyDigest !== digestOfVisible(comment.body)) {
    return notEvidence('has a plan comment whose visible plan is no longer the text this action wrote.');
  }
  if (current.pr !== pull.number) return notEvidence(`has a record written for pull request #${current.pr}.`);
  if (current.headSha !== pull.headSha) {
    return notEvidence(
      `was last planned at ${current.headSha.slice(0, 7)}, not at its merged head ${pull.headSha.slice(0, 7)}.`,
    );
  }
  const run = await runProblem(octokit, lookup, pull, current);
  if (run) return notEvidence(run);
  const approval = await approvalProblem(octokit, lookup, pull.number, records);
  return {
    number: pull.number,
    reviewed: { planHash: current.planHash, connections: current.connections },
    ...(approval && { changedAfterApproval: true }),
  };
}

async function editorsOf(
  octokit: Octokit,
  nodeId: string,
): Promise<{ logins: string[] } | { error: string }> {
  const logins: string[] = [];
  let after: string | undefined;
  try {
    for (let page = 0; page < EDIT_PAGES; page += 1) {
      const answer = await octokit.graphql<{ node?: { userContentEdits?: EditsPage } }>(EDITS_QUERY, {
        id: nodeId,
        after,
      });
      const edits = answer.node?.userContentEdits;
      if (!edits || !Array.isArray(edits.nodes)) return { error: 'GitHub returned no edit history' };
      logins.push(...edits.nodes.map((edit) => editorLogin(edit?.editor)));
      const next = edits.pageInfo?.hasNextPage ? edits.pageInfo.endCursor : undefined;
      if (!next) {
        // A history GitHub counts longer than it showed has edits nobody can vouch for.
        if ((edits.totalCount ?? 0) > logins.length)
          return { error: 'GitHub showed fewer edits than it counts' };
        return { logins };
      }
      after = next;
    }
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    return { error: describeGitHubError(error) };
  }
  return { error: `more than ${EDIT_PAGES * 100} edits, more than this action reads` };
}

interface EditsPage {
  totalCount?: number;
  pageInfo?: { hasNextPage?: boolean; endCursor?: string | null };
  nodes?: ({ editor?: EditActor | null } | null)[];
}

interface EditActor {
  __typename?: string;
  login?: string;
}

/**
 * An editor's login as REST and tokenLogin spell it: GraphQL names a bot without its `[bot]` suffix
 * (`github-actions`), REST with it. An editor GitHub no longer names (a deleted account) is someone else.
 */
function editorLogin(editor: EditActor | null | undefined): string {
  const login = editor?.login;
  if (typeof login !== 'string' || login === '') return 'a deleted account';
  return editor?.__typename === 'Bot' && !login.endsWith('[bot]') ? `${login}[bot]` : login;
}

/** Why the record's run is not this pull request's plan run, or undefined when it is. */
async function runProblem(
  octokit: Octokit,
  { owner, repo }: RecordLookup,
  pull: MergedPullRequest,
  record: ReviewRecord,
): Promise<string | undefined> {
  let run;
  try {
    ({ data: run } = await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: record.runId }));
  } catch (error) {
    if (!isGitHubError(error)) throw error;
    return githubErrorStatus(error) === 404
      ? `has a record naming run ${record.runId}, which is not a workflow run of this repository.`
      : `has a record naming run ${record.runId}, which could not be read (${describeGitHubError(error)}); give the workflow \`actions: read\`.`;
  }
  const ofThisPull =
    (run.pull_requests ?? []).some((p) => p.number === pull.number) || run.head_branch === pull.headRef;
  if (run.event !== 'pull_request' || run.head_sha !== record.headSha || !ofThisPull) {
    return `has a record naming run ${record.runId}, which is not a pull_request run for its head ${record.headSha.slice(0, 7)}.`;
  }
  return undefined;
}

/**
 * True when the pull request has approvals (the newest review of each owner, member or collaborator, not
 * dismissed) and the newest record differs from the one its comment showed at the newest approval.
 */
async function approvalProblem(
  octokit: Octokit,
  { owner, repo }: RecordLookup,
  number: number,
  records: readonly ReviewRecord[],
): Promise<boolean> {
  const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, {
    owner,
    repo,
    pull_number: number,
    per_page: 100,
  });
  const newestByReviewer = new Map<string, { state: string; at: string }>();
  for (const review of reviews) {
    const who = review.user?.login;
    const at = review.submitted_at;
    // Comments do not change a reviewer's verdict.
    if (!who || !at || review.state === 'COMMENTED' || review.state === 'PENDING') continue;
    // Anyone may review a public repository: only those with a say in it approve.
    if (!APPROVERS.has(review.author_association)) continue;
    const known = newestByReviewer.get(who);
    if (!known || known.at <= at) newestByReviewer.set(who, { state: review.state, at });
  }
  const approvedAt = [...newestByReviewer.values()]
    .filter((review) => review.state === 'APPROVED')
    .map((review) => review.at)
    .sort()
    .at(-1);
  if (!approvedAt) return false;
  const approvedTime = Date.parse(approvedAt);
  const atApproval = [...records].reverse().find((record) => Date.parse(record.at) <= approvedTime);
  const current = records.at(-1)!;
  return !atApproval || !sameConnections(atApproval.connections, current.connections);
}

/** `author_association`s of people the repository gave a role (branch protection counts write access). */
const APPROVERS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR']);

function sameConnections(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** A login as plain text: GitHub logins are letters, digits, `-` and `[bot]`; anything else is dropped. */
function plainLogin(login: string): string {
  return login.replace(/[^A-Za-z0-9\-[\]]/g, '').slice(0, 60) || 'someone';
}
