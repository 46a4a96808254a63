import { info, warning } from './runner.js';
import type { Plan } from '../plan/model.js';
import { code } from '../render/markdown.js';
import { renderPlanMarkdown } from '../render/plan-markdown.js';
import { COMMENT_LIMIT } from './limits.js';
import { syncDriftIssue } from './drift-issue.js';
import { renderMarker } from './marker.js';
import type { CommentTarget } from './publish.js';

/** On schedule: one open issue while the org drifts from the repository, closed once in sync. */
export async function runDriftCheck(target: CommentTarget, plan: Plan): Promise<void> {
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
  const intro = `Okta org ${code(plan.org)} differs from the definitions in ${code(plan.path)} (checked in [this run](${context.runUrl})). Someone changed it outside this repository, or a merge was not applied. Merge a change to the definitions, or run apply, to bring them back in line.`;
  const body = secrets.redact(
    renderPlanMarkdown(
      plan,
      {
        state: 'planned',
        headSha: context.sha,
        runUrl: context.runUrl,
        runNumber: context.runNumber,
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
      title: `Okta drift: ${plan.org} differs from the definitions`,
      body,
      closeComment: `Okta ${code(plan.org)} matches the definitions again (checked in [this run](${context.runUrl})). Closing.`,
    });
    if (result.warning) warning(secrets.redact(result.warning));
    info(`Drift issue: ${result.action}${result.url ? ` ${result.url}` : ''}`);
  } catch (error) {
    warning(secrets.redact(error instanceof Error ? error.message : String(error)));
  }
}
