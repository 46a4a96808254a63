/** `export` in the action: the files in the workspace, the variables to create in the job summary. */
import path from 'node:path';
import { exportHeadline, renderExportMarkdown, type ExportReportContext } from '../export/report.js';
import { parseExportFolder } from '../run/parse.js';
import { runExport } from '../run/export.js';
import { requireOkta, type ActionRun } from './action-run.js';
import { appendSummary, error, notice, setFailed } from './runner.js';

/** Names listed in a notice or error; the job summary lists them all. */
const NOTICE_NAMES = 10;

export async function exportInAction({ settings, context, ports }: ActionRun): Promise<void> {
  const okta = requireOkta(settings, 'export');
  const folder = parseExportFolder('path', settings.definitions.path);
  const { workspace } = context;
  const outcome = await runExport(
    { folder, workspace, confined: true, okta, apps: settings.exportApps, force: false },
    ports,
  );
  const { result } = outcome;
  const report: ExportReportContext = { folder, orgHost: new URL(okta.orgUrl).host };
  if (outcome.refused) {
    report.refused = outcome.refused.map((refused) => ({
      ...refused,
      file: path.relative(workspace, refused.file).split(path.sep).join('/'),
    }));
  }
  const { secrets } = ports;
  appendSummary(secrets.redact(renderExportMarkdown(result, report)));
  const headline = exportHeadline(result, report);
  if (report.refused) {
    const names = report.refused.slice(0, NOTICE_NAMES).map(({ file }) => file);
    const more = report.refused.length - names.length;
    setFailed(
      secrets.redact(
        `${headline} Export never overwrites definition files: export into an empty folder (input \`path\`) or delete ${names.join(', ')}${more > 0 ? ` and ${more} more (listed in the job summary)` : ''} first.`,
      ),
    );
    return;
  }
  ports.logger.info(headline);
  for (const file of result.files) ports.logger.info(`  ${path.posix.join(folder, file.fileName)}`);
  if (result.variables.length > 0) {
    const names = result.variables.slice(0, NOTICE_NAMES).map((v) => v.name);
    const more = result.variables.length - names.length;
    notice(
      `Create ${result.variables.length} environment variable(s) before apply (Okta never returns secrets) and pass them to the action step through env: ${names.join(', ')}${more > 0 ? ` and ${more} more` : ''}. The job summary has a ready env block.`,
    );
  }
  if (result.failures.length > 0) {
    for (const failure of result.failures) error(secrets.redact(`${failure.appId}: ${failure.message}`));
    setFailed(
      `${result.failures.length} app(s) could not be read and were not exported; the others were. Export them later with \`export-apps\`.`,
    );
  }
}
