import { formatPath, type RuleFinding, type YamlPath } from './document.js';
import { checkFeatureRules } from '../resources/features/schema.js';
import type { Severity } from './types.js';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Environment variables the runner or the action itself sets: never a place for definition values. */
const RESERVED_ENV = /^(INPUT_|ACTIONS_|GITHUB_|RUNNER_)/i;

/**
 * Definition rules that span fields of one connection and need no Okta access. Works on the raw
 * parsed value so that it reports even when other parts of the connection are broken.
 */
export function checkConnectionRules(connection: unknown, path: YamlPath): RuleFinding[] {
  if (!connection || typeof connection !== 'object' || Array.isArray(connection)) return [];
  const findings: RuleFinding[] = [];
  const add = (sub: YamlPath, severity: Severity, message: string, atKey = true) =>
    findings.push({ path: [...path, ...sub], atKey, severity, message });
  const c = connection as Record<string, unknown>;
  const profile = (c.profile && typeof c.profile === 'object' ? c.profile : {}) as Record<string, unknown>;
  const scheme = profile.auth_scheme;
  const where = (sub: string) => `\`${formatPath([...path, ...sub.split('.')])}\``;

  if (scheme === 'TOKEN') {
    if (profile.token === undefined && c.profile !== undefined) {
      add(
        ['profile', 'auth_scheme'],
        'error',
        `auth_scheme TOKEN needs \`token: { env: NAME }\` in ${where('profile')}.`,
        false,
      );
    }
    for (const key of ['client_id', 'signing', 'settings']) {
      if (profile[key] !== undefined) {
        add(
          ['profile', key],
          'error',
          `${where(`profile.${key}`)} is for auth_scheme OAUTH2 only; remove it or set \`auth_scheme: OAUTH2\`.`,
        );
      }
    }
  }
  if (scheme === 'OAUTH2') {
    if (profile.token !== undefined) {
      add(
        ['profile', 'token'],
        'error',
        `${where('profile.token')} is for auth_scheme TOKEN only; OAUTH2 connections have no token: remove it or set \`auth_scheme: TOKEN\`.`,
      );
    }
    if (c.base_url !== undefined) {
      add(
        ['base_url'],
        'warning',
        `${where('base_url')} is ignored for auth_scheme OAUTH2 (Okta has no base URL for OAuth connections); it is neither compared nor sent, so you can remove it.`,
      );
    }
  }
  if (typeof c.base_url === 'string') {
    const problem = baseUrlProblem(c.base_url);
    if (problem) add(['base_url'], 'error', `${where('base_url')} ${problem}`, false);
  }
  findings.push(...checkFeatureRules(c, path));
  return findings;
}

export function baseUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL; write it in full, e.g. https://api.example.com/scim/v2.`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
  return `must use https (got ${url.protocol.replace(':', '')}); http is allowed only for loopback hosts.`;
}

export function reservedEnvProblem(name: string): string | undefined {
  return RESERVED_ENV.test(name)
    ? `environment variable ${name} is set by the runner or the action itself (INPUT_, ACTIONS_, GITHUB_, RUNNER_); use a variable of your own, passed through the workflow's \`env:\`.`
    : undefined;
}
