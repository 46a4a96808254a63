/**
 * Parses and checks raw setting values for both shells. Each function takes the setting's name as its
 * shell spells it (`rate-limit-share` or `--rate-limit-share`), so a message points at what to fix.
 */
import type { OktaCredentials } from '../okta/client.js';
import { registerPrivateKeySecrets } from '../okta/keys.js';
import { parseOrgUrl } from '../okta/org-url.js';
import { ENV_NAME_PATTERN, OKTA_ID_PATTERN } from '../definitions/values.js';
import type { SecretRegistry } from '../secrets.js';
import { DEFAULT_SCOPES, type AppSelection } from './settings.js';

/** A setting that cannot be used; the message says which and how to fix it. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Items separated by commas, spaces or newlines. */
function items(value: string): string[] {
  return value.split(/[\s,]+/).filter(Boolean);
}

export function parseChoice<T extends string>(
  name: string,
  value: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const trimmed = value.trim();
  if (!trimmed) return fallback;
  if ((allowed as readonly string[]).includes(trimmed)) return trimmed as T;
  throw new SettingsError(`\`${name}\` must be one of: ${allowed.join(', ')} (got "${trimmed}").`);
}

export function parseBoolean(name: string, value: string): boolean {
  const trimmed = value.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'false') return false;
  if (trimmed === 'true') return true;
  throw new SettingsError(`\`${name}\` must be true or false (got "${value.trim()}").`);
}

export function parseWholeNumber(
  name: string,
  value: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const trimmed = value.trim();
  if (!trimmed) return fallback;
  const number = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || number < min || number > max) {
    throw new SettingsError(`\`${name}\` must be a whole number from ${min} to ${max} (got "${trimmed}").`);
  }
  return number;
}

/** `all` or Okta app ids; `empty` when nothing is given. */
export function parseAppSelection(name: string, value: string, empty: AppSelection): AppSelection {
  const list = items(value);
  if (list.length === 0) return empty;
  if (list.length === 1 && list[0] === 'all') return 'all';
  const bad = list.find((item) => !OKTA_ID_PATTERN.test(item));
  if (bad !== undefined) {
    throw new SettingsError(
      `\`${name}\` must be \`all\` or Okta app ids such as 0oa1234567890abcdef, comma separated (got "${bad}").`,
    );
  }
  return [...new Set(list)];
}

/** Environment variable names (`visible-env`). */
export function parseVariableNames(name: string, value: string): string[] {
  const list = items(value);
  const bad = list.find((item) => !ENV_NAME_PATTERN.test(item));
  if (bad !== undefined) {
    throw new SettingsError(
      `\`${name}\` must list environment variable names (letters, digits, underscores), comma or newline separated (got "${bad}").`,
    );
  }
  return [...new Set(list)];
}

export function parsePlanHash(name: string, value: string): string | undefined {
  const trimmed = value.trim().replace(/^sha256:/, '');
  if (!trimmed) return undefined;
  if (!/^[0-9a-f]{64}$/.test(trimmed)) {
    throw new SettingsError(`\`${name}\` must be the 64 hex digits shown in the plan (got "${trimmed}").`);
  }
  return trimmed;
}

export function parseOrg(name: string, value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    return parseOrgUrl(value);
  } catch (error) {
    throw new SettingsError(`\`${name}\`: ${(error as Error).message}`);
  }
}

/** Export writes into one folder: no globs, no list, no exclusion. */
export function parseExportFolder(name: string, value: string): string {
  const folder = value.trim().replace(/\/+$/, '');
  if (!folder || folder.includes('\n') || folder.startsWith('!') || /[*?{[]/.test(folder)) {
    throw new SettingsError(
      `export writes into one folder: \`${name}\` must be a folder such as okta/connections, not globs or a list (got "${value.trim()}").`,
    );
  }
  return folder;
}

export interface RawCredentials {
  apiToken?: string;
  clientId?: string;
  privateKey?: string;
  keyId?: string;
  scopes?: string;
}

/** How each shell names the credential settings, for messages. */
export interface CredentialNames {
  apiToken: string;
  clientId: string;
  privateKey: string;
}

/**
 * Exactly one Okta auth method, or none (undefined). Every secret is registered before any check can
 * fail, so no message can carry it.
 */
export function parseCredentials(
  raw: RawCredentials,
  names: CredentialNames,
  secrets: SecretRegistry,
): OktaCredentials | undefined {
  registerCredentialSecrets(raw, secrets);
  const token = raw.apiToken?.trim();
  const clientId = raw.clientId?.trim();
  const privateKey = raw.privateKey?.trim() ? raw.privateKey : undefined;
  if (token && (clientId || privateKey)) {
    throw new SettingsError(
      `give exactly one Okta auth method: either ${names.apiToken}, or ${names.clientId} with ${names.privateKey} (not both).`,
    );
  }
  if (token) return { kind: 'api-token', token };
  if (!clientId && !privateKey) return undefined;
  if (!clientId || !privateKey) {
    throw new SettingsError(
      `OAuth needs both ${names.clientId} and ${names.privateKey}; ${clientId ? names.privateKey : names.clientId} is empty.`,
    );
  }
  const scopes = raw.scopes?.trim() ? items(raw.scopes) : [...DEFAULT_SCOPES];
  const keyId = raw.keyId?.trim();
  return { kind: 'oauth', clientId, privateKey, scopes, ...(keyId && { keyId }) };
}

function registerCredentialSecrets(raw: RawCredentials, secrets: SecretRegistry): void {
  secrets.add(raw.apiToken?.trim());
  if (raw.privateKey?.trim()) registerPrivateKeySecrets(raw.privateKey, secrets);
}
