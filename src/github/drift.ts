import { info, warning } from './runner.js';
import type { Plan } from '../plan/model.js';
import { code, escapeMarkdown } from '../render/markdown.js';
import { renderPlanMarkdown, type ReportContext } from '../render/plan-markdown.js';
import { COMMENT_LIMIT } from './limits.js';
import { syncDriftIssue } from './drift-issue.js';
import { renderMarker } from './marker.js';
import type { CommentTarget } from './publish.js';

/** On schedule: one open issue while the org drifts from the repository, closed once in sync. */
export async function runDriftCheck(
  target: CommentTarget,
  plan: Plan,
  report: Pick<ReportContext, 'label' | 'plannedAt' | 'runUrl' | 'runNumber'>,
): Promise<void> {
  const { octokit, context, secrets } = target;
  if (!octokit) {
    warning('drift-issue is on but there is no `github-token`: no drift issue was written.');
    return;
  }
  // Connections that cannot be read keep the issue open too: nobody knows they are in sync.
  const drifted = plan.changes || plan.counts.errors > 0;
  const marker = renderMarker({
    key: plan.key,
    planHash: plan.hash,
    headSha: context.sha,
    state: 'planned',
    runId: context.runId,
  });
  const label = report.label ?? plan.key;
  // No merge is coming here: say what differs and the two ways to end it. The run is linked in the footer,
  // so a later check that finds the same drift leaves the issue as it is.
  const intro = [
    `Okta org ${code(plan.org)} differs from the definitions in ${code(plan.path)}: someone changed it outside this repository, or a merged change was not applied.`,
    '',
    'To fix it, either:',
    '- keep what Okta has: change the definitions to match it in a pull request (its plan then shows no change for these connections), or',
    `- restore the definitions: run the apply workflow by hand with \`command: apply\` and \`plan-hash: ${plan.hash}\` (this plan; a later change in Okta makes the apply refuse, and the next check shows the new plan).`,
    '',
    'This issue is updated by each scheduled check and closed once Okta matches the definitions again.',
  ].join('\n');
  const body = secrets.redact(
    renderPlanMarkdown(
      plan,
      {
        state: 'planned',
        purpose: 'drift',
        headSha: context.sha,
        ...report,
        notes: [intro],
      },
      COMMENT_LIMIT,
      `${marker}\n`,
    ),
  );
  try {
    const result = await syncDriftIssue(octokit, {
      owner: context.owner,
      repo: context.repo,
      key: plan.key,
      drifted,
      title: `Okta drift: ${label} differs from the definitions`,
      body,
      closeComment: `Okta ${escapeMarkdown(label)} matches the definitions again (checked in [this run](${context.runUrl})). Closing.`,
    });
    if (result.warning) warning(secrets.redact(result.warning));
    info(`Drift issue: ${result.action}${result.url ? ` ${result.url}` : ''}`);
  } catch (error) {
    warning(secrets.redact(error instanceof Error ? error.message : String(error)));
  }
}
