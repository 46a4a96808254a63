import * as core from '@actions/core';
import * as github from '@actions/github';
import { hasErrors, loadDefinitions, type LoadedDefinitions } from '../definitions/load.js';
import { countProblems, problemsMarkdown } from '../render/problems.js';
import { SecretRegistry } from '../secrets.js';
import { annotateProblems } from './annotations.js';
import { isPullRequestEvent, resolveCommand, type EventInfo } from './events.js';
import { InputError, readInputs, type ActionInputs } from './inputs.js';
import { DEFAULT_OUTPUTS, setOutputs } from './outputs.js';

/** The action's entry: reads inputs and the event, runs one command, reports, and sets the exit code. */
export async function runAction(): Promise<void> {
  const secrets = new SecretRegistry();
  secrets.onAdd((value) => core.setSecret(value));
  setOutputs(DEFAULT_OUTPUTS);
  try {
    const inputs = readInputs();
    registerInputSecrets(inputs, secrets);
    const event = eventInfo();
    const command = resolveCommand(inputs.command, event);
    const workspace = process.env.GITHUB_WORKSPACE || process.cwd();
    const loaded = await loadDefinitions(inputs.path, workspace);
    annotateProblems(loaded.problems);

    if (command === 'validate' || hasErrors(loaded.problems)) {
      await reportValidation(loaded, command === 'validate' ? undefined : command);
      return;
    }
    if (!inputs.orgUrl || !inputs.credentials) {
      if (isPullRequestEvent(event) && !inputs.credentials) {
        const notice =
          'No Okta credentials in this run (pull requests from forks get no secrets): only validated the definitions, no plan was made.';
        core.notice(notice);
        await reportValidation(loaded, undefined, notice);
        return;
      }
      throw new InputError(
        `\`${command}\` needs \`okta-org-url\` and one Okta auth method (\`okta-api-token\`, or \`okta-client-id\` with \`okta-private-key\`).`,
      );
    }
    throw new InputError(`command \`${command}\` is not available in this build.`);
  } catch (error) {
    core.setFailed(secrets.redact(describeFailure(error)));
  }
}

async function reportValidation(loaded: LoadedDefinitions, wanted?: string, notice?: string): Promise<void> {
  const { errors, warnings } = countProblems(loaded.problems);
  const headline =
    errors > 0
      ? `❌ ${errors} problem${errors === 1 ? '' : 's'} in the connection definitions${wanted ? `: nothing was ${wanted === 'apply' ? 'applied' : 'planned'}` : ''}`
      : `✅ ${loaded.definitions.length} connection definition${loaded.definitions.length === 1 ? '' : 's'} in ${loaded.files.length} file${loaded.files.length === 1 ? '' : 's'} are valid`;
  const summary = [
    `## okta-app-connections: validate`,
    '',
    headline + (warnings > 0 ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''),
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

function registerInputSecrets(inputs: ActionInputs, secrets: SecretRegistry): void {
  secrets.add(inputs.githubToken);
  if (inputs.credentials?.kind === 'api-token') secrets.add(inputs.credentials.token);
  if (inputs.credentials?.kind === 'oauth') {
    secrets.add(inputs.credentials.privateKey);
    for (const line of inputs.credentials.privateKey.split(/\r?\n/)) secrets.add(line.trim().length >= 16 ? line.trim() : undefined);
  }
}

function eventInfo(): EventInfo {
  const { context } = github;
  const payload = context.payload as { repository?: { default_branch?: string }; pull_request?: { number?: number } };
  return {
    eventName: context.eventName,
    ref: context.ref,
    defaultBranch: payload.repository?.default_branch,
    pullRequestNumber: payload.pull_request?.number,
  };
}

function describeFailure(error: unknown): string {
  if (error instanceof InputError) return `Invalid input: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
