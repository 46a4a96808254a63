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
import type { SecretRegistry } from '../secrets.js';
import { parseExportFolder } from '../run/parse.js';

export interface CliFlags {
  org?: string;
  'plan-hash'?: string;
  'rotate-secrets'?: string;
  'visible-env'?: string;
  'max-deactivations'?: string;
  apps?: string;
  force?: boolean;
  'client-id'?: string;
  'private-key-file'?: string;
  'key-id'?: string;
  scopes?: string;
  'rate-limit-share'?: string;
  'max-concurrency'?: string;
}

export function definitionSettings(path: string, cwd: string, flags: CliFlags, env: Env): DefinitionSettings {
  return {
    path,
    workspace: cwd,
    visibleEnv: parseVariableNames('--visible-env', flags['visible-env'] ?? env.OKTA_VISIBLE_ENV ?? ''),
  };
}

/** Org, exactly one auth method and the limits, from flags and the environment. */
export function oktaSettings(flags: CliFlags, env: Env, secrets: SecretRegistry): OktaSettings {
  const keyFile = flags['private-key-file'];
  const credentials = parseCredentials(
    {
      apiToken: env.OKTA_API_TOKEN,
      clientId: flags['client-id'] ?? env.OKTA_CLIENT_ID,
      privateKey: keyFile ? readKeyFile(keyFile) : env.OKTA_PRIVATE_KEY,
      keyId: flags['key-id'] ?? env.OKTA_KEY_ID,
      scopes: flags.scopes ?? env.OKTA_SCOPES,
    },
    {
      apiToken: 'OKTA_API_TOKEN',
      clientId: 'a client id (--client-id or OKTA_CLIENT_ID)',
      privateKey: 'a private key (--private-key-file or OKTA_PRIVATE_KEY)',
    },
    secrets,
  );
  const orgUrl = parseOrg('--org', flags.org ?? env.OKTA_ORG_URL ?? '');
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
      '--rate-limit-share',
      flags['rate-limit-share'] ?? '',
      DEFAULT_RATE_LIMIT_SHARE,
      1,
      100,
    ),
    maxConcurrency: parseWholeNumber(
      '--max-concurrency',
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
    rotateSecrets: parseAppSelection('--rotate-secrets', flags['rotate-secrets'] ?? '', []),
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
  const planHash = parsePlanHash('--plan-hash', flags['plan-hash'] ?? '');
  return {
    ...planSettings(path, cwd, flags, env, secrets),
    planCheck: 'off',
    maxDeactivations: parseWholeNumber(
      '--max-deactivations',
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
    apps: parseAppSelection('--apps', flags.apps ?? '', 'all'),
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
