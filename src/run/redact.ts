import type { SecretRegistry } from '../secrets.js';

/**
 * A copy of a result with every string in it redacted, for the reports. Renderers escape text (a `*` or `_`
 * gains a backslash), after which a secret would no longer match: so results are redacted before rendering,
 * and the rendered text once more after.
 */
export function redactedCopy<T extends object>(secrets: SecretRegistry, value: T): T {
  return JSON.parse(secrets.redactJson(value)) as T;
}
