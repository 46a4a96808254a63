import type { ConnectionDefinition, EnvRef, FeatureValues, Problem, StringValue } from './types.js';
import { isEnvRef } from './types.js';
import type { SecretRegistry } from '../secrets.js';
import { resolveFeatureValues } from '../resources/features/schema.js';
import { baseUrlProblem } from './rules.js';
import { OKTA_ID_PATTERN } from './values.js';

export type Env = Readonly<Record<string, string | undefined>>;

/** A definition with every visible `{ env }` value read; secrets stay references until apply. */
export interface ResolvedConnection {
  id: string;
  name?: string;
  baseUrl?: string;
  action: ConnectionDefinition['action'];
  authScheme: ConnectionDefinition['profile']['authScheme'];
  clientId?: string;
  rotationMode?: 'AUTO' | 'MANUAL';
  /** Write-only values: sent with every configure, never compared or shown. */
  writeOnly: { token?: EnvRef; adminUsername?: StringValue; adminPassword?: EnvRef };
  /** The declared `to_app` / `to_okta` settings (shown fields), read and checked. */
  features?: FeatureValues;
  definition: ConnectionDefinition;
}

export interface SecretValues {
  token?: string;
  adminUsername?: string;
  adminPassword?: string;
}

/** Checks that a literal gets from the schema or rules, applied to values read from the environment. */
const RESOLVED_CHECKS: Record<string, (value: string) => string | undefined> = {
  id: (value) =>
    OKTA_ID_PATTERN.test(value)
      ? undefined
      : 'the value is not an Okta application id (10 to 40 letters and digits, such as 0oa1234567890abcdef).',
  base_url: baseUrlProblem,
};

/** Reads the visible `{ env }` values of every definition; a missing variable is an error at its place. */
export function resolveDefinitions(
  definitions: readonly ConnectionDefinition[],
  env: Env,
): { connections: ResolvedConnection[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const connections: ResolvedConnection[] = [];
  const seen = new Map<string, ConnectionDefinition>();
  for (const definition of definitions) {
    let ok = true;
    const fail = (field: string, message: string) => {
      ok = false;
      problems.push({ ...(definition.fields[field] ?? definition.source), severity: 'error', message });
    };
    const read = (value: StringValue | undefined, field: string): string | undefined => {
      if (value === undefined || !isEnvRef(value)) return value;
      const resolved = env[value.env];
      if (resolved === undefined || resolved === '') {
        fail(
          field,
          `environment variable ${value.env} (for \`${field}\`) is not set; pass it to the action step through \`env:\`.`,
        );
        return resolved;
      }
      // A value from the environment passes the same checks as one written in the file.
      const problem = RESOLVED_CHECKS[field]?.(resolved);
      if (problem) fail(field, `\`${field}\` from ${value.env}: ${problem}`);
      return resolved;
    };
    const id = read(definition.id, 'id');
    const connection: ResolvedConnection = {
      id: id ?? '',
      name: read(definition.name, 'name'),
      baseUrl: read(definition.baseUrl, 'base_url'),
      action: definition.action,
      authScheme: definition.profile.authScheme,
      clientId: read(definition.profile.clientId, 'profile.client_id'),
      rotationMode: definition.profile.signing?.rotationMode,
      writeOnly: {
        token: definition.profile.token,
        adminUsername: definition.profile.settings?.adminUsername,
        adminPassword: definition.profile.settings?.adminPassword,
      },
      features: definition.features && resolveFeatureValues(definition.features, read, fail),
      definition,
    };
    if (id && seen.has(id) && isEnvRef(definition.id)) {
      const first = seen.get(id)!;
      ok = false;
      problems.push({
        ...(definition.fields.id ?? definition.source),
        severity: 'error',
        message: `app id ${id} (from ${definition.id.env}) is defined twice: here and at ${first.source.file}:${first.source.line}.`,
      });
    }
    if (id) seen.set(id, definition);
    if (ok) connections.push(dropUndefined(connection));
  }
  return { connections, problems };
}

/**
 * Registers every write-only value that is set in this run as a secret, before anything is printed, so it is
 * masked and redacted even where it was never meant to go (a value echoed by Okta, a copy in another field).
 */
export function registerWriteOnlySecrets(
  connections: readonly ResolvedConnection[],
  env: Env,
  secrets: SecretRegistry,
): void {
  for (const connection of connections) {
    const { token, adminPassword } = connection.writeOnly;
    for (const ref of [token, adminPassword]) if (ref) secrets.add(env[ref.env]);
  }
}

/**
 * Reads the write-only values at the moment they are sent, registering each as a secret first.
 * Returns the names of missing variables instead when any is unset.
 */
export function readSecretValues(
  connection: ResolvedConnection,
  env: Env,
  secrets: SecretRegistry,
): { values: SecretValues } | { missing: string[] } {
  const values: SecretValues = {};
  const missing: string[] = [];
  for (const [key, value] of Object.entries(connection.writeOnly) as [
    keyof SecretValues,
    StringValue | undefined,
  ][]) {
    if (value === undefined) continue;
    if (!isEnvRef(value)) {
      values[key] = value;
      continue;
    }
    const resolved = env[value.env];
    if (resolved === undefined || resolved === '') missing.push(value.env);
    else {
      if (key !== 'adminUsername') secrets.add(resolved);
      values[key] = resolved;
    }
  }
  return missing.length > 0 ? { missing } : { values };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
