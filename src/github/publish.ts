import { info, warning } from './runner.js';
import type { ProblemCounts } from '../definitions/problem-list.js';
import type { Problem } from '../definitions/types.js';
import { code } from '../render/markdown.js';
import type { Plan } from '../plan/model.js';
import { countProblems, problemsMarkdown } from '../render/problems.js';
import {
  COMMENT_LIMIT,
  renderPlanMarkdown,
  type ReportContext,
  type ReportState,
} from '../render/plan-markdown.js';
import type { SecretRegistry } from '../secrets.js';
import { publishPlanComment } from './comment.js';
import type { CommentMode } from './comment-mode.js';
import type { RunContext } from './context.js';
import { renderMarker } from './marker.js';
import type { Octokit } from './octokit.js';

export interface CommentTarget {
  octokit: Octokit | undefined;
  context: RunContext;
  secrets: SecretRegistry;
  mode: CommentMode;
  /** The `label` input, heading every comment; absent: the org host and definitions path. */
  label?: string;
}

/** Writes the plan (and apply result) as the sticky comment of a PR; a failure is a warning, never fatal. */
export async function publishComment(
  target: CommentTarget,
  issueNumber: number,
  plan: Plan,
  report: Omit<ReportContext, 'state'> & { state: ReportState; headSha: string },
): Promise<void> {
  const marker = renderMarker({
    key: plan.key,
    planHash: plan.hash,
    headSha: report.headSha,
    state: report.state,
    runId: target.context.runId,
  });
  const fullPlanAt = `the job summary of [this run](${target.context.runUrl}) and its plan file`;
  const body = renderPlanMarkdown(plan, { ...report, fullPlanAt }, COMMENT_LIMIT, `${marker}\n`);
  await sendComment(
    target,
    issueNumber,
    plan.key,
    body,
    report.state === 'planned' ? target.mode : 'update',
    plan.changes || plan.counts.errors > 0,
  );
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
  markdown: string,
  mode: CommentMode,
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
    body: secrets.redact(markdown),
    mode,
    changes,
  });
  if (result.warning) warning(secrets.redact(result.warning));
  else if (result.url) info(`PR comment ${result.action}: ${result.url}`);
  else if (result.action === 'skipped' && mode === 'changes-only')
    info('No PR comment: the plan changes nothing in Okta (comment: changes-only).');
}
