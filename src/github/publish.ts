import * as core from '@actions/core';
import type { Plan } from '../plan/model.js';
import {
  COMMENT_LIMIT,
  renderPlanMarkdown,
  type ReportContext,
  type ReportState,
} from '../render/plan-markdown.js';
import type { SecretRegistry } from '../secrets.js';
import { publishPlanComment, type CommentMode } from './comment.js';
import type { RunContext } from './context.js';
import { renderMarker } from './marker.js';
import type { Octokit } from './octokit.js';

export interface CommentTarget {
  octokit: Octokit | undefined;
  context: RunContext;
  secrets: SecretRegistry;
  mode: CommentMode;
}

/** Writes the plan (and apply result) as the sticky comment of a PR; a failure is a warning, never fatal. */
export async function publishComment(
  target: CommentTarget,
  issueNumber: number,
  plan: Plan,
  report: Omit<ReportContext, 'state'> & { state: ReportState; headSha: string },
): Promise<void> {
  const { octokit, context, secrets, mode } = target;
  if (mode === 'off') return;
  if (!octokit) {
    core.warning('No `github-token`: the plan was not posted as a PR comment (it is in the job summary).');
    return;
  }
  const marker = renderMarker({
    v: 1,
    key: plan.key,
    planHash: plan.hash,
    headSha: report.headSha,
    state: report.state,
    runId: context.runId,
  });
  // Redaction can only shorten the text, so the limit still holds after it.
  const body = secrets.redact(
    renderPlanMarkdown(
      plan,
      { ...report, fullPlanAt: `the job summary of [this run](${context.runUrl}) and its plan file` },
      COMMENT_LIMIT,
      `${marker}\n`,
    ),
  );
  const result = await publishPlanComment(octokit, {
    owner: context.owner,
    repo: context.repo,
    issueNumber,
    key: plan.key,
    body,
    mode: report.state === 'planned' ? mode : 'update',
  });
  if (result.warning) core.warning(secrets.redact(result.warning));
  else if (result.url) core.info(`PR comment ${result.action}: ${result.url}`);
}
