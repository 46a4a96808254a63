/**
 * What the fake GitHub holds for one repository: issues, pull requests, comments, each with its author.
 * Tests arrange it directly (a comment by another user, a merged pull request) and inspect it afterwards.
 */
export interface FakeIssue {
  number: number;
  nodeId: string;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  stateReason: string | null;
  labels: string[];
  /** Login of the author. */
  user: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  isPullRequest: boolean;
}

export interface FakePull {
  number: number;
  headSha: string;
  headRef: string;
  baseRef: string;
  mergeCommitSha: string | null;
  mergedAt: string | null;
  /** Further commits of the PR: `commits/{sha}/pulls` lists the PR for these too. */
  commitShas: string[];
}

export interface FakeComment {
  id: number;
  nodeId: string;
  issueNumber: number;
  body: string;
  /** Login of the author. */
  user: string;
  createdAt: string;
  updatedAt: string;
  minimized: boolean;
  minimizedReason: string | null;
  /** Every edit after creation, oldest first, with its editor (GraphQL `userContentEdits`). */
  edits: { editor: string; editedAt: string; body: string }[];
}

export interface FakeReview {
  id: number;
  pullNumber: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  /** Real time by default: review records are stamped with the runner's clock. */
  submittedAt: string;
  /** GitHub's `author_association` of the reviewer; `COLLABORATOR` by default. */
  association?: string;
}

export interface FakeWorkflowRun {
  id: number;
  event: string;
  headSha: string;
  headBranch: string;
  pullRequests: number[];
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  body: Record<string, unknown>;
  createdAt: string;
  /** Login of who created it; the viewer by default. */
  creator?: string;
  /** Oldest first; `creator` the viewer by default. */
  statuses: {
    state: string;
    logUrl?: string;
    environmentUrl?: string;
    createdAt: string;
    creator?: string;
  }[];
}

export interface AddPullInput {
  number?: number;
  headSha: string;
  mergeCommitSha?: string | null;
  merged?: boolean;
  baseRef?: string;
  headRef?: string;
  title?: string;
  body?: string;
  labels?: string[];
  /** Open/closed state of an unmerged PR (merged PRs are always closed). */
  state?: 'open' | 'closed';
  commitShas?: string[];
  /** Author login; the viewer (the token's identity) by default. */
  user?: string;
}

export interface AddIssueInput {
  title: string;
  body?: string | null;
  labels?: string[];
  state?: 'open' | 'closed';
  /** Author login; the viewer (the token's identity) by default. */
  user?: string;
}

export interface AddCommentInput {
  issueNumber: number;
  body: string;
  /** Author login; the viewer (the token's identity) by default. */
  user?: string;
}

export class FakeGitHubState {
  readonly issues: FakeIssue[] = [];
  readonly pulls: FakePull[] = [];
  readonly allComments: FakeComment[] = [];
  readonly minimized: { nodeId: string; classifier: string }[] = [];
  readonly reviews: FakeReview[] = [];
  readonly runs: FakeWorkflowRun[] = [];
  readonly deployments: FakeDeployment[] = [];
  /** The repository's commit graph: sha → parents (for the compare API); tests load it from git. */
  readonly commits = new Map<string, string[]>();
  /** The repository's labels by name (issues and pull requests carry names only). */
  readonly labels = new Map<string, { color: string; description: string | null }>();
  /** How far GitHub's clock (the `Date` header, review times) is ahead of the runner's. */
  clockOffsetMs = 0;
  private tick = 0;
  private nextCommentId = 2_000_000_001;

  /** `viewerLogin`: the identity behind the token, author of everything written through the API. */
  constructor(readonly viewerLogin: string) {}

  comments(issueNumber: number): FakeComment[] {
    return this.allComments.filter((comment) => comment.issueNumber === issueNumber);
  }

  comment(id: number): FakeComment | undefined {
    return this.allComments.find((comment) => comment.id === id);
  }

  issue(number: number): FakeIssue | undefined {
    return this.issues.find((issue) => issue.number === number);
  }

  pull(number: number): FakePull | undefined {
    return this.pulls.find((pull) => pull.number === number);
  }

  /** GitHub's wall clock. */
  clock(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  /** A strictly increasing timestamp, one second apart, so "newest" is never ambiguous. */
  now(): string {
    this.tick += 1;
    return new Date(Date.UTC(2025, 0, 1) + this.tick * 1000).toISOString().replace('.000Z', 'Z');
  }

  /** Someone edits a comment (the API's PATCH edits as the viewer): GitHub keeps the edit in its history. */
  editComment(id: number, body: string, editor: string): FakeComment {
    const comment = this.comment(id);
    if (!comment) throw new Error(`fake GitHub: no comment ${id}`);
    comment.body = body;
    comment.updatedAt = this.now();
    comment.edits.push({ editor, editedAt: comment.updatedAt, body });
    return comment;
  }

  addReview(input: Omit<FakeReview, 'id' | 'submittedAt'> & { submittedAt?: string }): FakeReview {
    // GitHub stamps reviews in whole seconds.
    const submittedAt = this.clock()
      .toISOString()
      .replace(/\.\d+Z$/, 'Z');
    const review = { id: 80_000 + this.reviews.length, submittedAt, ...input };
    this.reviews.push(review);
    return review;
  }

  addRun(run: FakeWorkflowRun): void {
    this.runs.push(run);
  }

  /** Loads `git rev-list --parents` output: one line per commit, its sha then its parents. */
  loadCommits(revListParents: string): void {
    for (const line of revListParents.split('\n').filter(Boolean)) {
      const [sha, ...parents] = line.trim().split(' ');
      this.commits.set(sha!, parents);
    }
  }

  addIssue(input: AddIssueInput): FakeIssue {
    return this.insertIssue({ ...input, number: this.nextNumber(), isPullRequest: false });
  }

  addPull(input: AddPullInput): FakePull {
    const number = input.number ?? this.nextNumber();
    if (this.issue(number)) throw new Error(`fake GitHub: #${number} exists already`);
    const merged = input.merged ?? false;
    const issue = this.insertIssue({
      number,
      title: input.title ?? `Pull request ${number}`,
      body: input.body ?? null,
      labels: input.labels,
      state: merged ? 'closed' : (input.state ?? 'open'),
      user: input.user,
      isPullRequest: true,
    });
    const pull: FakePull = {
      number,
      headSha: input.headSha,
      headRef: input.headRef ?? `change-${number}`,
      baseRef: input.baseRef ?? 'main',
      mergeCommitSha: input.mergeCommitSha ?? null,
      mergedAt: merged ? issue.createdAt : null,
      commitShas: input.commitShas ?? [],
    };
    this.pulls.push(pull);
    return pull;
  }

  addComment(input: AddCommentInput): FakeComment {
    if (!this.issue(input.issueNumber)) throw new Error(`fake GitHub: no issue or PR #${input.issueNumber}`);
    const id = this.nextCommentId++;
    const createdAt = this.now();
    const comment: FakeComment = {
      id,
      nodeId: `IC_kwDOKjS${id.toString(36)}`,
      issueNumber: input.issueNumber,
      body: input.body,
      user: input.user ?? this.viewerLogin,
      createdAt,
      updatedAt: createdAt,
      minimized: false,
      minimizedReason: null,
      edits: [],
    };
    this.allComments.push(comment);
    return comment;
  }

  private nextNumber(): number {
    return Math.max(0, ...this.issues.map((issue) => issue.number)) + 1;
  }

  private insertIssue(input: AddIssueInput & { number: number; isPullRequest: boolean }): FakeIssue {
    const createdAt = this.now();
    const issue: FakeIssue = {
      number: input.number,
      nodeId: `${input.isPullRequest ? 'PR' : 'I'}_kwDOKjS${input.number.toString(36)}`,
      title: input.title,
      body: input.body ?? null,
      state: input.state ?? 'open',
      stateReason: input.state === 'closed' ? 'completed' : null,
      labels: input.labels ?? [],
      user: input.user ?? this.viewerLogin,
      createdAt,
      updatedAt: createdAt,
      closedAt: input.state === 'closed' ? createdAt : null,
      isPullRequest: input.isPullRequest,
    };
    this.issues.push(issue);
    return issue;
  }
}
