import * as core from '@actions/core';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyPlan } from '../apply/apply.js';
import { registerWriteOnlySecrets, resolveDefinitions, type ResolvedConnection } from '../definitions/env.js';
import { hasErrors, loadDefinitions, type LoadedDefinitions } from '../definitions/load.js';
import type { Logger } from '../log.js';
import { OktaClient } from '../okta/client.js';
import type { Problem } from '../definitions/types.js';
import type { Plan } from '../plan/model.js';
import { planConnections, planKey } from '../plan/plan.js';
import { renderPlanMarkdown, SUMMARY_LIMIT, type ReportContext } from '../render/plan-markdown.js';
import { renderApplyText, renderPlanText } from '../render/plan-text.js';
import { countProblems, problemsMarkdown } from '../render/problems.js';
import { SecretRegistry } from '../secrets.js';
import { annotateProblems } from './annotations.js';
import { actionLogger } from './logger.js';
import { runContext, type RunContext } from './context.js';
import { isPullRequestEvent, resolveCommand } from './events.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { createOctokit, type Octokit } from './octokit.js';
import { DEFAULT_OUTPUTS, setOutputs } from './outputs.js';
import { publishComment, publishInvalidComment, type CommentTarget } from './publish.js';
import { verifyPlan } from './verify.js';
import { runDriftCheck } from './drift.js';
import { runExport } from './export.js';

/** The action's entry: reads inputs and the event, runs one command, reports, and sets the exit code. */
export async function runAction(): Promise<void> {
  const secrets = new SecretRegistry();
  secrets.onAdd((value) => core.setSecret(value));
  setOutputs(DEFAULT_OUTPUTS);
  try {
    const inputs = readInputs();
    registerInputSecrets(inputs, secrets);
    const context = runContext();
    const command = resolveCommand(inputs.command, context);
    core.info(`okta-app-connections: ${command} (event ${context.eventName})`);
    if (command === 'apply' && context.eventName === 'schedule') {
      throw new InputError(
        '`command: apply` is refused on `schedule`: scheduled runs only check for drift and never write to Okta. Use `command: plan` with `drift-issue: true`.',
      );
    }
    const logger = actionLogger(secrets);

    if (command === 'export') {
      const { orgUrl, credentials } = requireOkta(inputs, command);
      const client = oktaClient(inputs, orgUrl, credentials, secrets, logger, true);
      try {
        await runExport(client, inputs, context, secrets);
      } finally {
        await client.close();
      }
      return;
    }

    const loaded = await loadDefinitions(inputs.path, context.workspace);
    annotateProblems(loaded.problems);
    if (command === 'validate' || hasErrors(loaded.problems)) {
      await reportValidation(loaded, command === 'validate' ? undefined : command);
      if (command === 'plan') await commentInvalid(inputs, context, secrets, loaded.problems);
      return;
    }
    if (!inputs.credentials && isPullRequestEvent(context)) {
      const notice =
        'No Okta credentials in this run (pull requests from forks get no secrets): the definitions were validated, no plan was made.';
      core.notice(notice);
      await reportValidation(loaded, undefined, notice);
      return;
    }
    const { orgUrl, credentials } = requireOkta(inputs, command);
    const resolved = resolveDefinitions(loaded.definitions, process.env);
    if (resolved.problems.length > 0) {
      const problems = [...loaded.problems, ...resolved.problems];
      annotateProblems(resolved.problems);
      await reportValidation({ ...loaded, problems }, command);
      if (command === 'plan') await commentInvalid(inputs, context, secrets, problems);
      return;
    }

    registerWriteOnlySecrets(resolved.connections, process.env, secrets);
    const client = oktaClient(inputs, orgUrl, credentials, secrets, logger, command !== 'apply');
    try {
      const plan = await planConnections(client, resolved.connections, {
        orgUrl,
        path: inputs.path,
        env: process.env,
        rotateSecrets: inputs.rotateSecrets,
        warnings: loaded.problems,
      });
      const planFile = await writePlanFile(plan, context, secrets);
      setOutputs({
        changes: plan.changes ? 'true' : 'false',
        'plan-hash': plan.hash,
        'plan-file': planFile,
        'to-configure': plan.counts.toConfigure,
        'to-activate': plan.counts.toActivate,
        'to-deactivate': plan.counts.toDeactivate,
        unchanged: plan.counts.unchanged,
        errors: plan.counts.errors,
      });
      core.info(secrets.redact(renderPlanText(plan)));
      const octokit = inputs.githubToken ? createOctokit(inputs.githubToken, context.apiUrl) : undefined;
      const target: CommentTarget = { octokit, context, secrets, mode: inputs.comment };
      if (command === 'plan') await reportPlan(plan, inputs, context, target);
      else await runApply(client, plan, resolved.connections, inputs, context, target);
    } finally {
      await client.close();
    }
  } catch (error) {
    core.setFailed(secrets.redact(describeFailure(error)));
  }
}

/** On a PR, invalid definitions replace the sticky plan comment, so no stale plan stays on show. */
async function commentInvalid(
  inputs: ActionInputs,
  context: RunContext,
  secrets: SecretRegistry,
  problems: readonly Problem[],
): Promise<void> {
  if (!isPullRequestEvent(context) || !context.pullRequestNumber || !inputs.orgUrl || !inputs.githubToken)
    return;
  const octokit = createOctokit(inputs.githubToken, context.apiUrl);
  const target: CommentTarget = { octokit, context, secrets, mode: inputs.comment };
  await publishInvalidComment(
    target,
    context.pullRequestNumber,
    planKey(inputs.orgUrl, inputs.path),
    problems,
  );
}

async function reportPlan(
  plan: Plan,
  inputs: ActionInputs,
  context: RunContext,
  target: CommentTarget,
): Promise<void> {
  const report: ReportContext = {
    state: 'planned',
    headSha: context.headSha,
    runUrl: context.runUrl,
    runNumber: context.runNumber,
  };
  await writeSummary(target.secrets.redact(renderPlanMarkdown(plan, report, SUMMARY_LIMIT)));
  if (isPullRequestEvent(context) && context.pullRequestNumber) {
    await publishComment(target, context.pullRequestNumber, plan, { ...report, headSha: context.headSha });
  }
  if (context.eventName === 'schedule' && inputs.driftIssue) {
    await runDriftCheck(target, plan);
  }
  if (plan.counts.errors > 0) {
    core.setFailed(
      `${plan.counts.errors} connection(s) could not be planned; see the errors above and in the job summary.`,
    );
  }
}

async function runApply(
  client: OktaClient,
  plan: Plan,
  connections: ResolvedConnection[],
  inputs: ActionInputs,
  context: RunContext,
  target: CommentTarget,
): Promise<void> {
  const verdict = await verifyPlan(plan, inputs, context, target.octokit);
  const base = { runUrl: context.runUrl, runNumber: context.runNumber };
  if (!verdict.ok) {
    const instruction = `Review the new plan (job summary), then run this workflow by hand with \`command: apply\` and \`plan-hash: ${plan.hash}\`.`;
    const report: ReportContext = {
      ...base,
      state: 'plan-changed',
      headSha: context.sha,
      notes: [`> ${verdict.reason}`, `> ${instruction}`],
    };
    await writeSummary(target.secrets.redact(renderPlanMarkdown(plan, report, SUMMARY_LIMIT)));
    if (verdict.pullRequest) {
      await publishComment(target, verdict.pullRequest, plan, {
        ...report,
        headSha: verdict.headSha ?? context.sha,
      });
    }
    core.setFailed(`Nothing was applied: ${verdict.reason} ${instruction}`);
    return;
  }
  if (verdict.note) core.info(verdict.note);

  const report = await applyPlan(client, plan, connections, {
    env: process.env,
    secrets: target.secrets,
    logger: actionLogger(target.secrets),
  });
  setOutputs({ applied: report.applied, failed: report.failed });
  core.info(target.secrets.redact(renderApplyText(report)));
  const failed = report.failed > 0;
  const state = failed ? 'apply-failed' : 'applied';
  const reportContext: ReportContext = { ...base, state, headSha: context.sha, apply: report };
  await writeSummary(target.secrets.redact(renderPlanMarkdown(plan, reportContext, SUMMARY_LIMIT)));
  if (verdict.pullRequest && plan.changes) {
    await publishComment(target, verdict.pullRequest, plan, { ...reportContext, headSha: context.sha });
  }
  if (failed) {
    const names = report.results.filter((r) => r.status === 'failed').map((r) => `${r.name} (${r.appId})`);
    core.setFailed(
      `${report.failed} connection(s) failed to apply: ${names.join(', ')}. The others were applied.`,
    );
  }
}

async function reportValidation(loaded: LoadedDefinitions, wanted?: string, notice?: string): Promise<void> {
  const { errors, warnings } = countProblems(loaded.problems);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const headline =
    errors > 0
      ? `❌ ${plural(errors, 'problem')} in the connection definitions${wanted ? `: nothing was ${wanted === 'apply' ? 'applied' : 'planned'}` : ''}`
      : `✅ ${plural(loaded.definitions.length, 'connection definition')} in ${plural(loaded.files.length, 'file')}: valid`;
  const summary = [
    `## okta-app-connections: validate`,
    '',
    headline + (warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''),
    '',
    ...(notice ? [`> ${notice}`, ''] : []),
    problemsMarkdown(loaded.problems),
  ].join('\n');
  await writeSummary(summary);
  if (errors > 0) core.setFailed(headline.replace(/^❌ /, ''));
  else core.info(headline.replace(/^✅ /, ''));
}

export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}

async function writePlanFile(plan: Plan, context: RunContext, secrets: SecretRegistry): Promise<string> {
  const file = path.join(context.runnerTemp, 'okta-app-connections', `plan-${context.runId}.json`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${secrets.redact(JSON.stringify(plan, null, 2))}\n`);
  return file;
}

function requireOkta(inputs: ActionInputs, command: string) {
  if (!inputs.orgUrl || !inputs.credentials) {
    throw new InputError(
      `\`${command}\` needs \`okta-org-url\` and one Okta auth method (\`okta-api-token\`, or \`okta-client-id\` with \`okta-private-key\`).`,
    );
  }
  return { orgUrl: inputs.orgUrl, credentials: inputs.credentials };
}

function oktaClient(
  inputs: ActionInputs,
  orgUrl: string,
  credentials: NonNullable<ActionInputs['credentials']>,
  secrets: SecretRegistry,
  logger: Logger,
  readOnly: boolean,
): OktaClient {
  return new OktaClient({
    orgUrl,
    credentials,
    secrets,
    logger,
    rateLimitShare: inputs.rateLimitShare,
    maxConcurrency: inputs.maxConcurrency,
    readOnly,
  });
}

function registerInputSecrets(inputs: ActionInputs, secrets: SecretRegistry): void {
  secrets.add(inputs.githubToken);
  if (inputs.credentials?.kind === 'api-token') secrets.add(inputs.credentials.token);
  if (inputs.credentials?.kind === 'oauth') {
    secrets.add(inputs.credentials.privateKey);
    for (const line of inputs.credentials.privateKey.split(/\r?\n/)) {
      if (line.trim().length >= 16) secrets.add(line.trim());
    }
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof InputError) return `Invalid input: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

export type { Octokit };
