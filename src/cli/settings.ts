import { readFileSync } from 'node:fs';
import type { Env } from '../definitions/env.js';
import type { OktaCredentials } from '../okta/client.js';
import { parseOrgUrl } from '../okta/org-url.js';
import type { SecretRegistry } from '../secrets.js';

export interface OktaSettings {
  orgUrl: string;
  credentials: OktaCredentials;
  rateLimitShare?: number;
  maxConcurrency?: number;
}

/** Org, credentials and limits from flags and the environment; exactly one auth method. */
export function oktaSettings(
  values: {
    org?: string;
    'client-id'?: string;
    'private-key-file'?: string;
    'key-id'?: string;
    scopes?: string;
    'rate-limit-share'?: string;
    'max-concurrency'?: string;
  },
  env: Env,
  secrets: SecretRegistry,
): OktaSettings {
  const orgUrl = values.org ?? env.OKTA_ORG_URL;
  if (!orgUrl) throw new Error('give the Okta org with --org https://example.okta.com (or OKTA_ORG_URL).');
  const token = env.OKTA_API_TOKEN;
  const clientId = values['client-id'] ?? env.OKTA_CLIENT_ID;
  const keyFile = values['private-key-file'];
  const privateKey = keyFile ? readFileSync(keyFile, 'utf8') : env.OKTA_PRIVATE_KEY;
  secrets.add(token);
  secrets.add(privateKey);
  if (token && (clientId || privateKey)) {
    throw new Error(
      'give exactly one Okta auth method: OKTA_API_TOKEN, or a client id with a private key (not both).',
    );
  }
  let credentials: OktaCredentials;
  if (token) credentials = { kind: 'api-token', token };
  else if (clientId && privateKey) {
    const keyId = values['key-id'] ?? env.OKTA_KEY_ID;
    const scopes = (values.scopes ?? env.OKTA_SCOPES ?? 'okta.apps.read okta.apps.manage')
      .split(/[\s,]+/)
      .filter(Boolean);
    credentials = { kind: 'oauth', clientId, privateKey, scopes, ...(keyId && { keyId }) };
  } else if (clientId || privateKey) {
    throw new Error(
      `OAuth needs both a client id (--client-id or OKTA_CLIENT_ID) and a private key (--private-key-file or OKTA_PRIVATE_KEY).`,
    );
  } else {
    throw new Error(
      'no Okta credentials: set OKTA_API_TOKEN, or OKTA_CLIENT_ID with --private-key-file (or OKTA_PRIVATE_KEY).',
    );
  }
  return {
    orgUrl: parseOrgUrl(orgUrl),
    credentials,
    ...(values['rate-limit-share'] && { rateLimitShare: Number(values['rate-limit-share']) }),
    ...(values['max-concurrency'] && { maxConcurrency: Number(values['max-concurrency']) }),
  };
}
