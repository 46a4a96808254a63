/** `plan` in the action: outputs, plan file, log, job summary, the PR comment and the drift issue. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plan } from '../plan/model.js';
import { planKey } from '../plan/plan.js';
import { renderPlanMarkdown, type ReportContext } from '../render/plan-markdown.js';
import { SUMMARY_LIMIT } from './limits.js';
import { renderPlanText } from '../render/plan-text.js';
import { runPlan } from '../run/plan.js';
import type { PlanSettings } from '../run/settings.js';
import type { SecretRegistry } from '../secrets.js';
import { requireOkta, type ActionRun } from './action-run.js';
import type { RunContext } from './context.js';
import { runDriftCheck } from './drift.js';
import { labelPullRequest } from './labels.js';
import { isPullRequestEvent } from './events.js';
import { createOctokit } from './octokit.js';
import { planFailureReason, setOutputs } from './outputs.js';
import { scopeOfEvent } from './scope.js';
import { publishComment, publishInvalidComment, type CommentTarget } from './publish.js';
import { reportDefinitions } from './report.js';
import { appendSummary, logGroup, setFailed } from './runner.js';

export async function planInAction(run: ActionRun): Promise<void> {
  const { settings, context, ports } = run;
  const okta = requireOkta(settings, 'plan');
  const outcome = await runPlan(await planSettingsOf(run, okta), ports);
  const target = commentTarget(run);
  if (outcome.kind === 'invalid') {
    reportDefinitions(outcome.loaded, { problems: outcome.problems, stopped: 'plan' });
    if (isPullRequestEvent(context) && context.pullRequestNumber) {
      await publishInvalidComment(
        target,
        context.pullRequestNumber,
        planKey(okta.orgUrl, settings.definitions.path),
        outcome.problems,
        outcome.loaded.unlisted,
      );
    }
    return;
  }
  const { plan } = outcome;
  await reportPlanBasics(plan, context, ports.secrets);
  setOutputs({ 'failure-reason': planFailureReason(plan) });
  logGroup('Okta plan', () => ports.logger.info(renderPlanText(plan)));
  const report: ReportContext = {
    state: 'planned',
    headSha: context.headSha,
    runUrl: context.runUrl,
    runNumber: context.runNumber,
    plannedAt: new Date(),
    ...(settings.label && { label: settings.label }),
  };
  appendSummary(ports.secrets.redact(renderPlanMarkdown(plan, report, SUMMARY_LIMIT)));
  if (isPullRequestEvent(context) && context.pullRequestNumber) {
    await publishComment(
      target,
      context.pullRequestNumber,
      plan,
      { ...report, headSha: context.headSha },
      { pr: context.pullRequestNumber },
    );
  }
  if (isPullRequestEvent(context) && context.pullRequestNumber && settings.prLabels) {
    await labelPullRequest(target, context.pullRequestNumber, plan);
  }
  if (context.eventName === 'schedule' && settings.driftIssue) await runDriftCheck(target, plan, report);
  if (plan.counts.errors > 0) {
    setFailed(
      `${plan.counts.errors} connection(s) could not be planned; see the errors above and in the job summary.`,
    );
  }
}

/** Where comments go; without a token, nowhere (a warning says so). */
export function commentTarget({ settings, context, ports }: ActionRun): CommentTarget {
  const octokit = settings.githubToken ? createOctokit(settings.githubToken, context.apiUrl) : undefined;
  return {
    octokit,
    context,
    secrets: ports.secrets,
    mode: settings.comment,
    ...(settings.label && { label: settings.label }),
  };
}

/** The plan's outputs and its JSON file under RUNNER_TEMP (redacted like everything else). */
export async function reportPlanBasics(
  plan: Plan,
  context: RunContext,
  secrets: SecretRegistry,
): Promise<void> {
  const file = path.join(context.runnerTemp, 'okta-app-connections', `plan-${context.runId}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secrets.redact(JSON.stringify(plan, null, 2))}\n`);
  setOutputs({
    changes: plan.changes ? 'true' : 'false',
    'plan-hash': plan.hash,
    'plan-file': file,
    'to-configure': plan.counts.toConfigure,
    'to-activate': plan.counts.toActivate,
    'to-deactivate': plan.counts.toDeactivate,
    'to-update-features': plan.counts.toUpdateFeatures,
    unchanged: plan.counts.unchanged,
    errors: plan.counts.errors,
    'consent-needed': plan.counts.toConsent,
  });
}

/** What plan and apply share: the definitions, the org, rotations, and the scope this event asks for. */
export async function planSettingsOf(
  { settings, context }: ActionRun,
  okta: ReturnType<typeof requireOkta>,
): Promise<PlanSettings> {
  return {
    ...settings.definitions,
    okta,
    rotateSecrets: settings.rotateSecrets,
    scope: await scopeOfEvent(
      settings.scope,
      { name: context.eventName, payload: context.payload },
      settings.definitions.workspace,
    ),
  };
}
