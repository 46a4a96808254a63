import path from 'node:path';
import type { Env } from '../definitions/env.js';
import { OKTA_ID_PATTERN } from '../definitions/schema.js';
import { exportConnections } from '../export/export.js';
import { renderExportText } from '../export/report.js';
import { writeExportFiles } from '../export/write.js';
import { OktaClient, type OktaCredentials } from '../okta/client.js';
import { oktaSettings } from './settings.js';
import type { SecretRegistry } from '../secrets.js';

export interface ExportCommandArgs {
  /** The folder to write into, relative to the current directory (or absolute). */
  path: string;
  /** The org (the caller falls back to OKTA_ORG_URL). */
  orgUrl?: string;
  /** `--apps`: `all` (default) or app ids, comma or space separated. */
  apps?: string;
  /** `--force`: replace existing files. */
  force?: boolean;
  env: Env;
  secrets: SecretRegistry;
  /** Credentials and limits from the command line; without them OKTA_API_TOKEN or OKTA_CLIENT_ID + OKTA_PRIVATE_KEY. */
  okta?: { credentials: OktaCredentials; rateLimitShare?: number; maxConcurrency?: number };
}

/** `okta-app-connections export [path] --org URL [--apps IDS] [--force]`; returns the exit code (0 or 2). */
export async function runExportCommand(args: ExportCommandArgs): Promise<number> {
  const out = (text: string) => process.stdout.write(`${args.secrets.redact(text)}\n`);
  const err = (text: string) => process.stderr.write(`${args.secrets.redact(text)}\n`);
  const folder = args.path.trim();
  if (!folder || /[*?{[\n]/.test(folder)) {
    err(`export writes into one folder; give a folder path, not globs (got "${folder}").`);
    return 2;
  }
  const apps = appList(args.apps);
  if ('bad' in apps) {
    err(`--apps must be \`all\` or Okta app ids, comma separated (got "${apps.bad}").`);
    return 2;
  }
  if (!args.orgUrl) {
    err('give the Okta org with --org https://example.okta.com (or OKTA_ORG_URL).');
    return 2;
  }
  let okta: NonNullable<ExportCommandArgs['okta']>;
  try {
    okta = args.okta ?? oktaSettings({ org: args.orgUrl }, args.env, args.secrets);
  } catch (error) {
    err((error as Error).message);
    return 2;
  }

  const client = new OktaClient({
    ...okta,
    credentials: okta.credentials,
    orgUrl: args.orgUrl,
    secrets: args.secrets,
    readOnly: true,
  });
  try {
    const result = await exportConnections(client, { apps: apps.apps, orgUrl: args.orgUrl });
    const directory = path.resolve(folder);
    const outcome =
      result.files.length > 0
        ? await writeExportFiles(directory, result.files, { force: args.force })
        : undefined;
    const refused = outcome && 'refused' in outcome ? outcome.refused : undefined;
    const text = renderExportText(result, { folder, orgHost: new URL(args.orgUrl).host, refused });
    if (refused || result.failures.length > 0) {
      err(text);
      return 2;
    }
    out(text);
    return 0;
  } finally {
    await client.close();
  }
}

function appList(value: string | undefined): { apps: 'all' | string[] } | { bad: string } {
  const items = (value ?? 'all').split(/[\s,]+/).filter(Boolean);
  if (items.length === 0 || (items.length === 1 && items[0] === 'all')) return { apps: 'all' };
  const bad = items.find((item) => !OKTA_ID_PATTERN.test(item));
  return bad === undefined ? { apps: items } : { bad };
}
