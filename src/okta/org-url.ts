import { OktaConfigError } from './errors.js';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The org's origin from what a user typed: https (http only for loopback, the simulator), no path, query or
 * credentials. The one check behind the action input, the CLI flag and the client.
 */
export function parseOrgUrl(text: string): string {
  const trimmed = text.trim().replace(/\/+$/, '');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new OktaConfigError(
      `the Okta org URL "${trimmed}" is not a URL; expected e.g. https://example.okta.com`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) {
    throw new OktaConfigError(
      `the Okta org URL must use https (http only for loopback hosts): ${url.origin}`,
    );
  }
  if (url.pathname !== '/' || url.search || url.username || url.password) {
    throw new OktaConfigError(
      `the Okta org URL must be the org's base URL only, such as https://example.okta.com (got "${trimmed}"); remove the path and query.`,
    );
  }
  if (/-admin\.(okta|oktapreview|okta-emea)\.com$/.test(url.hostname)) {
    throw new OktaConfigError(
      `use the org URL, not the Admin Console's: https://${url.hostname.replace('-admin.', '.')} (got ${url.origin}).`,
    );
  }
  return url.origin;
}
