/** The CLI's flags and environment parsed into the use cases' settings (the same checks as the action's). */
import { readFileSync } from 'node:fs';
import type { Env } from '../definitions/env.js';
import {
  parseAppSelection,
  parseCredentials,
  parseOrg,
  parsePlanHash,
  parseVariableNames,
  parseWholeNumber,
  SettingsError,
} from '../run/parse.js';
import {
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_DEACTIVATIONS,
  DEFAULT_RATE_LIMIT_SHARE,
  type ApplySettings,
  type DefinitionSettings,
  type ExportSettings,
  type OktaSettings,
  type PlanSettings,
} from '../run/settings.js';
import { CLI_FLAGS, cliEnv, cliFlag, type CliFlagName } from '../run/settings-table.js';
import type { SecretRegistry } from '../secrets.js';
import { parseExportFolder } from '../run/parse.js';

/** The settings the CLI shares with the action, by their flags (from the table), and its own. */
export type CliFlags = Partial<Record<CliFlagName, string>> & {
  force?: boolean;
  'private-key-file'?: string;
};

/** The CLI's options for node:util's parseArgs: the shared settings' flags, then the CLI's own. */
export const CLI_OPTIONS = {
  ...(Object.fromEntries(CLI_FLAGS.map((flag) => [flag, { type: 'string' }])) as Record<
    CliFlagName,
    { type: 'string' }
  >),
  json: { type: 'boolean' },
  force: { type: 'boolean' },
  'private-key-file': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

export function definitionSettings(path: string, cwd: string, flags: CliFlags, env: Env): DefinitionSettings {
  return {
    path,
    workspace: cwd,
    visibleEnv: parseVariableNames(
      cliFlag('visible-env'),
      flags['visible-env'] ?? env[cliEnv('visible-env')] ?? '',
    ),
  };
}

/** Org, exactly one auth method and the limits, from flags and the environment. */
export function oktaSettings(flags: CliFlags, env: Env, secrets: SecretRegistry): OktaSettings {
  const keyFile = flags['private-key-file'];
  const credentials = parseCredentials(
    {
      apiToken: env[cliEnv('okta-api-token')],
      clientId: flags['client-id'] ?? env[cliEnv('okta-client-id')],
      privateKey: keyFile ? readKeyFile(keyFile) : env[cliEnv('okta-private-key')],
      keyId: flags['key-id'] ?? env[cliEnv('okta-key-id')],
      scopes: flags.scopes ?? env[cliEnv('okta-scopes')],
    },
    {
      apiToken: 'OKTA_API_TOKEN',
      clientId: 'a client id (--client-id or OKTA_CLIENT_ID)',
      privateKey: 'a private key (--private-key-file or OKTA_PRIVATE_KEY)',
    },
    secrets,
  );
  const orgUrl = parseOrg(cliFlag('okta-org-url'), flags.org ?? env[cliEnv('okta-org-url')] ?? '');
  if (!orgUrl)
    throw new SettingsError('give the Okta org with --org https://example.okta.com (or OKTA_ORG_URL).');
  if (!credentials) {
    throw new SettingsError(
      'no Okta credentials: set OKTA_API_TOKEN, or OKTA_CLIENT_ID with --private-key-file (or OKTA_PRIVATE_KEY).',
    );
  }
  return {
    orgUrl,
    credentials,
    rateLimitShare: parseWholeNumber(
      cliFlag('rate-limit-share'),
      flags['rate-limit-share'] ?? '',
      DEFAULT_RATE_LIMIT_SHARE,
      1,
      100,
    ),
    maxConcurrency: parseWholeNumber(
      cliFlag('max-concurrency'),
      flags['max-concurrency'] ?? '',
      DEFAULT_MAX_CONCURRENCY,
      1,
      64,
    ),
  };
}

export function planSettings(
  path: string,
  cwd: string,
  flags: CliFlags,
  env: Env,
  secrets: SecretRegistry,
): PlanSettings {
  return {
    ...definitionSettings(path, cwd, flags, env),
    okta: oktaSettings(flags, env, secrets),
    rotateSecrets: parseAppSelection(cliFlag('rotate-secrets'), flags['rotate-secrets'] ?? '', []),
  };
}

/** Locally the person running apply is the reviewer: `--plan-hash` pins what they saw. */
export function applySettings(
  path: string,
  cwd: string,
  flags: CliFlags,
  env: Env,
  secrets: SecretRegistry,
): ApplySettings {
  const planHash = parsePlanHash(cliFlag('plan-hash'), flags['plan-hash'] ?? '');
  return {
    ...planSettings(path, cwd, flags, env, secrets),
    planCheck: 'off',
    maxDeactivations: parseWholeNumber(
      cliFlag('max-deactivations'),
      flags['max-deactivations'] ?? '',
      DEFAULT_MAX_DEACTIVATIONS,
      0,
      100_000,
    ),
    ...(planHash && { planHash }),
  };
}

export function exportSettings(
  path: string,
  cwd: string,
  flags: CliFlags,
  env: Env,
  secrets: SecretRegistry,
): ExportSettings {
  return {
    folder: parseExportFolder('the export path', path),
    workspace: cwd,
    confined: false,
    apps: parseAppSelection(cliFlag('export-apps'), flags.apps ?? '', 'all'),
    force: flags.force === true,
    okta: oktaSettings(flags, env, secrets),
  };
}

function readKeyFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new SettingsError(
      `--private-key-file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
    );
  }
}
