import * as core from '@actions/core';
import path from 'node:path';
import { exportConnections } from '../export/export.js';
import { exportHeadline, renderExportMarkdown, type ExportReportContext } from '../export/report.js';
import { writeExportFiles } from '../export/write.js';
import type { OktaClient } from '../okta/client.js';
import type { SecretRegistry } from '../secrets.js';
import type { RunContext } from './context.js';
import { InputError, type ActionInputs } from './inputs.js';
import { actionLogger } from './logger.js';

/** Names listed in a notice or error; the job summary lists them all. */
const NOTICE_NAMES = 10;

/**
 * `command: export`: writes one definition file per connection of the org (or of `export-apps`) into the
 * folder `path` of the workspace. Never overwrites a file and never writes to Okta. The job summary lists
 * the files and the variables to create; the step fails when files exist or some apps could not be read.
 */
export async function runExport(
  client: OktaClient,
  inputs: ActionInputs,
  context: RunContext,
  secrets: SecretRegistry,
): Promise<void> {
  const folder = exportFolder(inputs.path);
  const directory = path.resolve(context.workspace, folder);
  const orgHost = inputs.orgUrl ? new URL(inputs.orgUrl).host : undefined;
  const result = await exportConnections(client, {
    apps: inputs.exportApps,
    orgUrl: inputs.orgUrl,
    logger: actionLogger(secrets),
  });
  const outcome =
    result.files.length > 0
      ? await writeExportFiles(directory, result.files, { within: context.workspace })
      : { written: [] };
  const report: ExportReportContext = { folder, orgHost };
  if ('refused' in outcome) {
    report.refused = outcome.refused.map((refused) => ({
      ...refused,
      file: workspacePath(refused.file, context),
    }));
  }
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(secrets.redact(renderExportMarkdown(result, report)), true).write();
  }

  const headline = exportHeadline(result, report);
  if (report.refused) {
    const names = report.refused.slice(0, NOTICE_NAMES).map(({ file }) => file);
    const more = report.refused.length - names.length;
    core.setFailed(
      `${headline} Export never overwrites definition files: export into an empty folder (input \`path\`) or delete ${names.join(', ')}${more > 0 ? ` and ${more} more (listed in the job summary)` : ''} first.`,
    );
    return;
  }
  core.info(headline);
  for (const file of result.files) core.info(`  ${path.posix.join(folder, file.fileName)}`);
  if (result.variables.length > 0) {
    const names = result.variables.slice(0, NOTICE_NAMES).map((v) => v.name);
    const more = result.variables.length - names.length;
    core.notice(
      `Create ${result.variables.length} environment variable(s) before apply (Okta never returns secrets) and pass them to the action step through env: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. The job summary has a ready env block.`,
    );
  }
  if (result.failures.length > 0) {
    for (const failure of result.failures) core.error(secrets.redact(`${failure.appId}: ${failure.message}`));
    core.setFailed(
      `${result.failures.length} app(s) could not be read and were not exported; the others were. Export them later with \`export-apps\`.`,
    );
  }
}

/** Export writes into one folder: `path` must name it (no globs, no list). */
function exportFolder(pathInput: string): string {
  const folder = pathInput.trim().replace(/\/+$/, '');
  if (!folder || folder.includes('\n') || folder.startsWith('!') || /[*?{[]/.test(folder)) {
    throw new InputError(
      `with \`command: export\`, \`path\` must be one folder to write into, such as okta/connections (got "${pathInput.trim()}").`,
    );
  }
  return folder;
}

function workspacePath(file: string, context: RunContext): string {
  return path.relative(context.workspace, file).split(path.sep).join('/');
}
