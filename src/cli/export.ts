import { renderExportText } from '../export/report.js';
import { runExport } from '../run/export.js';
import type { RunPorts } from '../run/ports.js';
import type { ExportSettings } from '../run/settings.js';

/** `export`: the files written and the variables to create on stdout; refusals and failures on stderr (exit 2). */
export async function exportInCli(
  settings: ExportSettings,
  ports: RunPorts,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> {
  const outcome = await runExport(settings, ports);
  const text = renderExportText(outcome.result, {
    folder: settings.folder,
    orgHost: new URL(settings.okta.orgUrl).host,
    ...(outcome.refused && { refused: outcome.refused }),
  });
  if (outcome.refused || outcome.result.failures.length > 0) {
    err(text);
    return 2;
  }
  out(text);
  return 0;
}
