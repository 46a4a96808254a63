/** `apply` in the action: verify the review, apply, and report on the merged PR's comment. */
import type { ApplyReport } from '../apply/model.js';
import type { Plan } from '../plan/model.js';
import { renderPlanMarkdown, SUMMARY_LIMIT, type ReportContext } from '../render/plan-markdown.js';
import { renderApplyText, renderPlanText } from '../render/plan-text.js';
import { runApply } from '../run/apply.js';
import type { ReviewEvidence } from '../run/review.js';
import { requireOkta, type ActionRun } from './action.js';
import { commentTarget, reportPlanBasics } from './plan.js';
import { planFailureReason, setOutputs } from './outputs.js';
import { publishComment, type CommentTarget } from './publish.js';
import { reportDefinitions } from './report.js';
import { lookUpReview } from './review.js';
import { appendSummary, setFailed } from './runner.js';

export async function applyInAction(run: ActionRun): Promise<void> {
  const { settings, context, ports } = run;
  const okta = requireOkta(settings, 'apply');
  const target = commentTarget(run);
  const outcome = await runApply(
    {
      ...settings.definitions,
      okta,
      rotateSecrets: settings.rotateSecrets,
      scope: { setting: settings.scope, event: { name: context.eventName, payload: context.payload } },
      planCheck: settings.planCheck,
      maxDeactivations: settings.maxDeactivations,
      ...(settings.planHash && { planHash: settings.planHash }),
    },
    { ...ports, review: (plan) => lookUpReview(plan, context, target.octokit) },
  );
  if (outcome.kind === 'invalid') {
    reportDefinitions(outcome.loaded, { problems: outcome.problems, stopped: 'apply' });
    return;
  }
  const { plan } = outcome;
  await reportPlanBasics(plan, context, ports.secrets);
  ports.logger.info(renderPlanText(plan));
  const base = {
    runUrl: context.runUrl,
    runNumber: context.runNumber,
    headSha: context.sha,
    plannedAt: new Date(),
    ...(settings.label && { label: settings.label }),
  };
  if (outcome.kind === 'refused') {
    const notes = [`> ${outcome.reason}`, `> ${outcome.instruction}`];
    setOutputs({ 'failure-reason': outcome.refusal });
    const report: ReportContext = { ...base, state: 'plan-changed', notes };
    appendSummary(ports.secrets.redact(renderPlanMarkdown(plan, report, SUMMARY_LIMIT)));
    const reviewedHead = outcome.evidence?.kind === 'manual' ? undefined : outcome.evidence?.headSha;
    await commentOnMergedPullRequest(target, outcome.evidence, plan, {
      ...report,
      headSha: reviewedHead ?? context.sha,
    });
    setFailed(`Nothing was applied: ${outcome.reason} ${outcome.instruction}`);
    return;
  }
  ports.logger.info(outcome.note);
  const { report } = outcome;
  setOutputs({
    applied: report.applied,
    failed: report.failed,
    'consent-needed': report.consentNeeded,
    'failure-reason': report.failed > 0 ? 'apply-failed' : planFailureReason(plan),
  });
  ports.logger.info(renderApplyText(report));
  const state = report.failed > 0 ? 'apply-failed' : 'applied';
  const reportContext = { ...base, state, apply: report, commitRole: 'merge' } satisfies ReportContext;
  appendSummary(ports.secrets.redact(renderPlanMarkdown(plan, reportContext, SUMMARY_LIMIT)));
  if (plan.changes) await commentOnMergedPullRequest(target, outcome.evidence, plan, reportContext);
  failOnFailures(report);
}

async function commentOnMergedPullRequest(
  target: CommentTarget,
  evidence: ReviewEvidence | undefined,
  plan: Plan,
  report: ReportContext & { headSha: string },
): Promise<void> {
  if (!evidence || evidence.kind === 'manual' || evidence.pullRequest === undefined) return;
  await publishComment(target, evidence.pullRequest, plan, report);
}

function failOnFailures(report: ApplyReport): void {
  if (report.failed === 0) return;
  const names = report.results.filter((r) => r.status === 'failed').map((r) => `${r.name} (${r.appId})`);
  setFailed(`${report.failed} connection(s) failed to apply: ${names.join(', ')}. The others were applied.`);
}
