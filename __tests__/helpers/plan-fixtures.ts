import type { ResolvedConnection } from '../../src/definitions/env.js';
import type { ConnectionDefinition } from '../../src/definitions/types.js';
import type { OktaApp } from '../../src/okta/types.js';
import type { OktaConnection } from '../../src/resources/connection/read.js';

/** A resolved TOKEN or OAUTH2 connection as the loader would produce it, for pure plan tests. */
export function resolvedConnection(
  overrides: Partial<ResolvedConnection> & { id: string },
): ResolvedConnection {
  const authScheme = overrides.authScheme ?? 'TOKEN';
  const definition: ConnectionDefinition = {
    id: overrides.id,
    action: overrides.action ?? 'activate',
    profile: { authScheme, ...(authScheme === 'TOKEN' && { token: { env: 'SCIM_TOKEN' } }) },
    source: { file: 'okta/connections/a.yaml', line: 2, column: 5 },
    fields: {},
  };
  return {
    action: 'activate',
    authScheme,
    writeOnly: authScheme === 'TOKEN' ? { token: { env: 'SCIM_TOKEN' } } : {},
    definition,
    ...overrides,
  };
}

export function app(id: string, name = 'zscalerbyz', label = `App ${id}`): OktaApp {
  return { id, name, label, status: 'ACTIVE' };
}

export function live(overrides: Partial<OktaConnection> = {}): OktaConnection {
  return { status: 'ENABLED', authScheme: 'TOKEN', ...overrides };
}
