import { info, warning } from './runner.js';
import type { ProblemCounts } from '../definitions/problem-list.js';
import type { Problem } from '../definitions/types.js';
import { code } from '../render/markdown.js';
import type { Plan } from '../plan/model.js';
import { countProblems, problemsMarkdown } from '../render/problems.js';
import { renderPlanMarkdown, type ReportContext, type ReportState } from '../render/plan-markdown.js';
import { COMMENT_LIMIT } from './limits.js';
import type { SecretRegistry } from '../secrets.js';
import { publishPlanComment } from './comment.js';
import type { CommentMode } from './comment-mode.js';
import type { RunContext } from './context.js';
import { connectionChangeHash } from '../plan/hash.js';
import { digestOfVisible, renderMarker, type MarkerData, type ReviewRecord } from './marker.js';
import { githubNow, type Octokit } from './octokit.js';

export interface CommentTarget {
  octokit: Octokit | undefined;
  context: RunContext;
  secrets: SecretRegistry;
  mode: CommentMode;
  /** The `label` input, heading every comment; absent: the org host and definitions path. */
  label?: string;
}

/** How many earlier review records a comment keeps (approvals are matched against them), and their size. */
const RECORDS_KEPT = 20;
const RECORDS_BUDGET = 24_000;

/**
 * Writes the plan (and apply result) as the sticky comment of a PR; a failure is a warning, never fatal.
 * A plan run (`record`) adds a review record; every other write carries the records over unchanged.
 */
export async function publishComment(
  target: CommentTarget,
  issueNumber: number,
  plan: Plan,
  report: Omit<ReportContext, 'state'> & { state: ReportState; headSha: string },
  record?: { pr: number },
): Promise<void> {
  const { context, secrets } = target;
  const fullPlanAt = `the job summary of [this run](${context.runUrl}) and its plan file`;
  const render = (previous: MarkerData | undefined, identityUnknown?: boolean) => {
    const notes = identityUnknown ? [IDENTITY_UNKNOWN_NOTE, ...(report.notes ?? [])] : report.notes;
    const visible = (budget: number) =>
      secrets.redact(
        `\n${renderPlanMarkdown(plan, { ...report, fullPlanAt, ...(notes && { notes }) }, budget)}`,
      );
    const marker = (records: ReviewRecord[], bodyDigest: string) =>
      renderMarker({
        key: plan.key,
        planHash: plan.hash,
        headSha: report.headSha,
        state: report.state,
        runId: context.runId,
        bodyDigest,
        records,
      });
    // Digests have a fixed length: measure the marker with a placeholder, fit the visible text, then fill in.
    const placeholder = '0'.repeat(64);
    let records = previous?.records ?? [];
    if (record) {
      const at = githubNow(target.octokit);
      records = [...records, reviewRecord(plan, record.pr, report.headSha, context.runId, at, placeholder)];
      while (
        records.length > RECORDS_KEPT ||
        (records.length > 1 && JSON.stringify(records).length > RECORDS_BUDGET)
      ) {
        records = records.slice(1);
      }
    }
    const shown = visible(COMMENT_LIMIT - marker(records, placeholder).length - 1);
    const digest = digestOfVisible(shown);
    if (record) records = [...records.slice(0, -1), { ...records.at(-1)!, bodyDigest: digest }];
    return `${marker(records, digest)}${shown}`;
  };
  // Outcomes always edit: the sticky comment, or with `comment: new` the current one.
  const outcome = report.state !== 'planned';
  await sendComment(
    target,
    issueNumber,
    plan.key,
    render,
    outcome ? 'update' : target.mode,
    outcome && target.mode === 'new',
    plan.changes || plan.counts.errors > 0,
  );
}

const IDENTITY_UNKNOWN_NOTE =
  "> ⚠️ GitHub could not say which identity this run's token is, so an earlier plan comment of this action could not be found and updated: this comment holds the current plan.";

/** The record of what this plan run showed: every connection it covered, unchanged ones too when scoped. */
function reviewRecord(
  plan: Plan,
  pr: number,
  headSha: string,
  runId: number,
  at: Date,
  bodyDigest: string,
): ReviewRecord {
  // A plan that read everything names only what changes: drift it did not touch stays out of the review.
  const covered = plan.connections.filter(
    (c) => plan.scope?.mode === 'changed' || c.operations.length > 0 || c.error,
  );
  return {
    planHash: plan.hash,
    connections: Object.fromEntries(covered.map((c) => [c.appId, connectionChangeHash(c)])),
    pr,
    headSha,
    runId,
    at: at.toISOString(),
    bodyDigest,
  };
}

/**
 * Invalid definitions on a PR: the sticky comment says so (with the problems) instead of keeping an older
 * plan that no longer holds. Its empty plan hash can never match a plan, so a merge applies nothing.
 */
export async function publishInvalidComment(
  target: CommentTarget,
  issueNumber: number,
  key: string,
  problems: readonly Problem[],
  unlisted: ProblemCounts,
): Promise<void> {
  const { context } = target;
  const marker = renderMarker({
    key,
    planHash: '',
    headSha: context.headSha,
    state: 'planned',
    runId: context.runId,
  });
  const { errors } = countProblems(problems, unlisted);
  const head = [
    marker,
    `### ❌ Okta plan for ${code(target.label ?? key)}: ${errors} problem${errors === 1 ? '' : 's'} in the definitions, no plan was made`,
    '',
    `Fix the problems below (they are also annotated on the changed files), then push again. [Workflow run](${context.runUrl})`,
    '',
  ].join('\n');
  // Fewer rows until the comment fits; the problems left out are counted (the job summary lists more).
  const body = (shown: number) =>
    head +
    problemsMarkdown(problems.slice(0, shown), undefined, countProblems(problems.slice(shown), unlisted));
  let shown = problems.length;
  while (body(shown).length > COMMENT_LIMIT && shown > 0) shown = Math.floor(shown / 2);
  await sendComment(target, issueNumber, key, body(shown), target.mode);
}

async function sendComment(
  target: CommentTarget,
  issueNumber: number,
  key: string,
  markdown: string | ((previous: MarkerData | undefined, identityUnknown?: boolean) => string),
  mode: CommentMode,
  editNewest = false,
  changes = true,
): Promise<void> {
  const { octokit, context, secrets } = target;
  if (mode === 'off') return;
  if (!octokit) {
    warning('No `github-token`: the plan was not posted as a PR comment (it is in the job summary).');
    return;
  }
  // Redaction can only shorten the text (secrets are longer than the mask), so the limit still holds.
  const result = await publishPlanComment(octokit, {
    owner: context.owner,
    repo: context.repo,
    issueNumber,
    key,
    body: typeof markdown === 'string' ? secrets.redact(markdown) : markdown,
    mode,
    ...(editNewest && { edit: 'newest' as const }),
    changes,
  });
  if (result.warning) warning(secrets.redact(result.warning));
  else if (result.url) info(`PR comment ${result.action}: ${result.url}`);
  else if (result.action === 'skipped' && mode === 'changes-only')
    info('No PR comment: the plan changes nothing in Okta (comment: changes-only).');
}
