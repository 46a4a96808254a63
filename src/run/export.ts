import path from 'node:path';
import { exportConnections } from '../resources/connection/export.js';
import type { ExportResult } from '../export/model.js';
import { writeExportFiles, type RefusedFile } from '../export/write.js';
import { openOkta } from './okta.js';
import type { RunPorts } from './ports.js';
import type { ExportSettings } from './settings.js';

export interface ExportOutcome {
  result: ExportResult;
  /** Absolute path of the folder written into. */
  directory: string;
  /** Files written, absolute. */
  written: string[];
  /** Files in the way: nothing was written. */
  refused?: RefusedFile[];
}

/**
 * `export`: read the org's connections (read-only) and write one definition file per connection into one
 * folder inside the workspace, all or nothing, never over an existing file unless `force`.
 */
export async function runExport(settings: ExportSettings, ports: RunPorts): Promise<ExportOutcome> {
  const directory = path.resolve(settings.workspace, settings.folder);
  const client = openOkta(settings.okta, 'read', ports);
  let result: ExportResult;
  try {
    result = await exportConnections(client, {
      apps: settings.apps,
      orgUrl: settings.okta.orgUrl,
      logger: ports.logger,
    });
  } finally {
    await client.close();
  }
  if (result.files.length === 0) return { result, directory, written: [] };
  const outcome = await writeExportFiles(directory, result.files, {
    force: settings.force,
    ...(settings.confined && { within: settings.workspace }),
  });
  return 'refused' in outcome
    ? { result, directory, written: [], refused: outcome.refused }
    : { result, directory, written: outcome.written };
}
