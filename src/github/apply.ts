/**
 * `apply` in the action: find what was reviewed (the ledger and each merged pull request's record), apply
 * the reviewed changes, record the apply as a deployment, and end each merged pull request's comment in the
 * state of its own changes.
 */
import { summarizeApply, type ApplyReport } from '../apply/model.js';
import type { Plan } from '../plan/model.js';
import { planKey } from '../plan/plan.js';
import { renderPlanMarkdown, type ReportContext } from '../render/plan-markdown.js';
import { SUMMARY_LIMIT } from './limits.js';
import { renderApplyText, renderPlanText } from '../render/plan-text.js';
import { restrictPlan, runApply, type ApplyOutcome } from '../run/apply.js';
import { applyByHand, type PullDecision } from '../run/review.js';
import { requireOkta, type ActionRun } from './action-run.js';
import { setDeploymentState, startDeployment, type Deployment, type LedgerRef } from './ledger.js';
import { commentTarget, planSettingsOf, reportPlanBasics } from './plan.js';
import { planFailureReason, setOutputs, type FailureReason } from './outputs.js';
import { publishComment, type CommentTarget } from './publish.js';
import type { MergedPullRequest } from './pulls.js';
import { reportDefinitions } from './report.js';
import { lookUpReview, type ReviewLookup } from './review.js';
import { appendSummary, logGroup, setFailed, warning } from './runner.js';

export async function applyInAction(run: ActionRun): Promise<void> {
  const { settings, context, ports } = run;
  const okta = requireOkta(settings, 'apply');
  const target = commentTarget(run);
  const { octokit } = target;
  const ledger: LedgerRef = {
    owner: context.owner,
    repo: context.repo,
    key: planKey(okta.orgUrl, settings.definitions.path),
  };
  const links = { sha: context.sha, logUrl: context.runUrl, environmentUrl: okta.orgUrl };
  let lookup: ReviewLookup = { evidence: { kind: 'manual' }, pulls: [] };
  let deployment: Deployment | undefined;
  let reachedOkta = false;
  try {
    const outcome = await runApply(
      {
        ...(await planSettingsOf(run, okta)),
        planCheck: settings.planCheck,
        maxDeactivations: settings.maxDeactivations,
        ...(settings.planHash && { planHash: settings.planHash }),
      },
      {
        ...ports,
        review: async (key) => {
          lookup = await lookUpReview(key, context, octokit);
          if (octokit && !lookup.stale) {
            const started = await startDeployment(octokit, ledger, links);
            if ('warning' in started) warning(started.warning);
            else deployment = started;
          }
          return lookup.evidence;
        },
      },
    );
    reachedOkta = await report(run, target, outcome, lookup.pulls);
  } finally {
    if (deployment && octokit) {
      const state = reachedOkta ? 'success' : 'failure';
      const problem = await setDeploymentState(octokit, ledger, deployment.id, state, links);
      if (problem) warning(problem);
    }
  }
}

/** What every report of one apply run shares. */
type ReportBase = Pick<ReportContext, 'runUrl' | 'runNumber' | 'headSha' | 'label'> & { plannedAt: Date };

/** Reports the outcome; true when everything the apply covered reached Okta as reviewed. */
async function report(
  { settings, context, ports }: ActionRun,
  target: CommentTarget,
  outcome: ApplyOutcome,
  pulls: readonly MergedPullRequest[],
): Promise<boolean> {
  if (outcome.kind === 'invalid') {
    reportDefinitions(outcome.loaded, { problems: outcome.problems, stopped: 'apply' });
    return false;
  }
  const { plan } = outcome;
  await reportPlanBasics(plan, context, ports.secrets);
  logGroup('Okta plan', () => ports.logger.info(renderPlanText(plan)));
  const base: ReportBase = {
    runUrl: context.runUrl,
    runNumber: context.runNumber,
    headSha: context.sha,
    plannedAt: new Date(),
    ...(settings.label && { label: settings.label }),
  };
  setOutputs({ 'failure-reason': applyFailureReason(outcome) });
  if (outcome.kind === 'refused') {
    await reportRefusal(ports, target, outcome, pulls, base);
    return false;
  }
  return reportApplied(ports, target, outcome, pulls, base);
}

/** Nothing was written: the summary and each pull request's comment say why and how to apply by hand. */
async function reportRefusal(
  ports: ActionRun['ports'],
  target: CommentTarget,
  outcome: Extract<ApplyOutcome, { kind: 'refused' }>,
  pulls: readonly MergedPullRequest[],
  base: ReportBase,
): Promise<void> {
  const { plan } = outcome;
  const notes = [`> ${outcome.reason}`, `> ${outcome.instruction}`];
  const summary: ReportContext = { ...base, state: 'plan-changed', notes };
  appendSummary(ports.secrets.redact(renderPlanMarkdown(plan, summary, SUMMARY_LIMIT)));
  for (const pull of pulls) {
    await publishComment(target, pull.number, plan, { ...summary, headSha: pull.headSha });
  }
  setFailed(`Nothing was applied: ${outcome.reason} ${outcome.instruction}`);
}

/**
 * What was written, per pull request: outputs, the summary, each comment's end state, and a failed step when
 * a pull request was refused, a change had no record, or a write failed.
 */
async function reportApplied(
  ports: ActionRun['ports'],
  target: CommentTarget,
  outcome: Extract<ApplyOutcome, { kind: 'applied' }>,
  pulls: readonly MergedPullRequest[],
  base: ReportBase,
): Promise<boolean> {
  const { plan, decision, written, report: applyReport } = outcome;
  ports.logger.info(decision.note);
  setOutputs({
    applied: applyReport.applied,
    failed: applyReport.failed,
    'consent-needed': applyReport.consentNeeded,
  });
  logGroup('Okta apply', () => ports.logger.info(renderApplyText(applyReport)));
  const rerun = applyByHand(plan.hash);
  const refusals = decision.pulls.filter((d) => d.outcome !== 'apply');
  const notes = [
    `> ${decision.note}`,
    ...refusals.map((d) => `> Not applied: ${d.reason ?? ''}`),
    ...(decision.unreviewed.length > 0
      ? [`> Not applied, changed by this push without a review record: ${decision.unreviewed.join(', ')}.`]
      : []),
    ...(refusals.length > 0 || decision.unreviewed.length > 0 ? [`> ${rerun}`] : []),
  ];
  const state = applyReport.failed > 0 ? 'apply-failed' : 'applied';
  const summary = { ...base, state, apply: applyReport, commitRole: 'merge', notes } satisfies ReportContext;
  appendSummary(ports.secrets.redact(renderPlanMarkdown(written, summary, SUMMARY_LIMIT)));

  for (const pull of pulls) {
    const pullDecision = decision.pulls.find((d) => d.number === pull.number);
    if (!pullDecision) continue;
    await commentOnPullRequest(target, pull, pullDecision, plan, applyReport, {
      ...base,
      unreviewed: decision.unreviewed,
      rerun,
    });
  }

  const problems = [
    ...refusals.map((d) => d.reason ?? ''),
    ...(decision.unreviewed.length > 0
      ? [`${decision.unreviewed.join(', ')} changed without a review record and were not applied.`]
      : []),
  ];
  if (problems.length > 0) {
    setFailed(`Not everything was applied: ${problems.join(' ')} ${decision.note} ${rerun}`);
  }
  failOnFailures(applyReport);
  return problems.length === 0 && applyReport.failed === 0;
}

/** One merged pull request's comment, in the state of its own changes. */
async function commentOnPullRequest(
  target: CommentTarget,
  pull: MergedPullRequest,
  decision: PullDecision,
  plan: Plan,
  applyReport: ApplyReport,
  run: ReportBase & { unreviewed: string[]; rerun: string },
): Promise<void> {
  // The report base's head is the pushed commit; each comment names its own pull request's commit instead.
  const { headSha: pushed, unreviewed: _unreviewed, rerun: _rerun, ...shared } = run;
  const own = pull.mergeCommitSha === pushed;
  if (decision.outcome === 'apply') {
    const ids = new Set(decision.appIds);
    const results = applyReport.results.filter((result) => ids.has(result.appId));
    const ownReport = summarizeApply(results);
    await publishComment(target, pull.number, restrictPlan(plan, decision.appIds), {
      state: ownReport.failed > 0 ? 'apply-failed' : 'applied',
      apply: ownReport,
      commitRole: 'merge',
      headSha: pull.mergeCommitSha,
      ...shared,
    });
    return;
  }
  const appIds = [...decision.appIds, ...(own ? run.unreviewed : [])];
  // A merged pull request that changed nothing this apply could write needs no comment.
  if (decision.outcome === 'not-reviewed' && appIds.length === 0) return;
  await publishComment(target, pull.number, restrictPlan(plan, appIds), {
    state: 'plan-changed',
    headSha: pull.headSha,
    ...shared,
    notes: [`> Not applied: ${decision.reason ?? ''}`, `> ${run.rerun}`],
  });
}

/**
 * The one `failure-reason` of an apply: a refusal's, else a refused pull request's (the others were
 * applied), else a failed write, else the plan's own errors.
 */
function applyFailureReason(outcome: Exclude<ApplyOutcome, { kind: 'invalid' }>): FailureReason | '' {
  if (outcome.kind === 'refused') return outcome.failureReason;
  if (outcome.decision.failureReason) return outcome.decision.failureReason;
  return outcome.report.failed > 0 ? 'apply-failed' : planFailureReason(outcome.plan);
}

function failOnFailures(applyReport: ApplyReport): void {
  if (applyReport.failed === 0) return;
  const names = applyReport.results.filter((r) => r.status === 'failed').map((r) => `${r.name} (${r.appId})`);
  setFailed(
    `${applyReport.failed} connection(s) failed to apply: ${names.join(', ')}. The others were applied.`,
  );
}
