import * as core from '@actions/core';
import type { OktaCredentials } from '../okta/client.js';
import { parseOrgUrl } from '../okta/org-url.js';

export const COMMANDS = ['auto', 'plan', 'apply', 'validate', 'export'] as const;
export type CommandInput = (typeof COMMANDS)[number];
export type Command = Exclude<CommandInput, 'auto'>;
export type CommentMode = 'update' | 'new' | 'off';

export interface ActionInputs {
  command: CommandInput;
  path: string;
  orgUrl?: string;
  credentials?: OktaCredentials;
  githubToken: string;
  comment: CommentMode;
  planCheck: 'strict' | 'off';
  planHash?: string;
  rotateSecrets: 'all' | string[];
  rateLimitShare: number;
  maxConcurrency: number;
  driftIssue: boolean;
  exportApps: 'all' | string[];
}

export class InputError extends Error {
  override name = 'InputError';
}

/** Reads and checks every input; secrets are masked before anything else happens. */
export function readInputs(): ActionInputs {
  const apiToken = core.getInput('okta-api-token');
  const privateKey = core.getInput('okta-private-key');
  for (const secret of [apiToken, privateKey, core.getInput('github-token')]) {
    if (secret) core.setSecret(secret);
  }
  return {
    command: oneOf('command', COMMANDS, 'auto'),
    path: core.getInput('path') || 'okta/connections',
    orgUrl: orgUrl(core.getInput('okta-org-url')),
    credentials: credentials(apiToken, core.getInput('okta-client-id'), privateKey),
    githubToken: core.getInput('github-token'),
    comment: oneOf('comment', ['update', 'new', 'off'] as const, 'update'),
    planCheck: oneOf('plan-check', ['strict', 'off'] as const, 'strict'),
    planHash: planHash(core.getInput('plan-hash')),
    rotateSecrets: idList('rotate-secrets', core.getInput('rotate-secrets'), []),
    rateLimitShare: integer('rate-limit-share', 50, 1, 100),
    maxConcurrency: integer('max-concurrency', 8, 1, 64),
    driftIssue: boolean('drift-issue'),
    exportApps: idList('export-apps', core.getInput('export-apps'), 'all'),
  };

  function credentials(token: string, clientId: string, key: string): OktaCredentials | undefined {
    const oauth = Boolean(clientId || key);
    if (token && oauth) {
      throw new InputError(
        'give exactly one Okta auth method: either `okta-api-token`, or `okta-client-id` with `okta-private-key` (not both).',
      );
    }
    if (token) return { kind: 'api-token', token };
    if (!oauth) return undefined;
    if (!clientId || !key) {
      throw new InputError(
        `OAuth needs both \`okta-client-id\` and \`okta-private-key\`; \`${clientId ? 'okta-private-key' : 'okta-client-id'}\` is empty.`,
      );
    }
    const scopes = (core.getInput('okta-scopes') || 'okta.apps.read okta.apps.manage')
      .split(/[\s,]+/)
      .filter(Boolean);
    const keyId = core.getInput('okta-key-id') || undefined;
    return { kind: 'oauth', clientId, privateKey: key, scopes, ...(keyId && { keyId }) };
  }
}

function oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  const value = core.getInput(name).trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`input \`${name}\` must be one of: ${allowed.join(', ')} (got "${value}").`);
}

function boolean(name: string): boolean {
  const value = core.getInput(name).trim().toLowerCase();
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new InputError(`input \`${name}\` must be true or false (got "${value}").`);
}

function integer(name: string, fallback: number, min: number, max: number): number {
  const value = core.getInput(name).trim();
  if (!value) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new InputError(`input \`${name}\` must be a whole number from ${min} to ${max} (got "${value}").`);
  }
  return number;
}

function orgUrl(value: string): string | undefined {
  if (!value.trim()) return undefined;
  try {
    return parseOrgUrl(value);
  } catch (error) {
    throw new InputError(`\`okta-org-url\`: ${(error as Error).message}`);
  }
}

function planHash(value: string): string | undefined {
  const trimmed = value.trim().replace(/^sha256:/, '');
  if (!trimmed) return undefined;
  if (!/^[0-9a-f]{64}$/.test(trimmed)) {
    throw new InputError(
      `input \`plan-hash\` must be the 64 hex digits shown in the plan (got "${trimmed}").`,
    );
  }
  return trimmed;
}

function idList<T>(name: string, value: string, empty: T): 'all' | string[] | T {
  const items = value
    .split(/[\s,]+/)
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) return empty;
  if (items.length === 1 && items[0] === 'all') return 'all';
  const bad = items.find((item) => !/^[A-Za-z0-9]{10,40}$/.test(item));
  if (bad) throw new InputError(`input \`${name}\` must be \`all\` or Okta app ids (got "${bad}").`);
  return items;
}
