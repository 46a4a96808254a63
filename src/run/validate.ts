import {
  registerWriteOnlySecrets,
  resolveDefinitions,
  type Env,
  type ResolvedConnection,
} from '../definitions/env.js';
import { hasErrors, loadDefinitions, type LoadedDefinitions } from '../definitions/load.js';
import type { Problem } from '../definitions/types.js';
import type { SecretRegistry } from '../secrets.js';
import type { DefinitionSettings } from './settings.js';

export type PreparedDefinitions =
  | { ok: false; loaded: LoadedDefinitions; problems: Problem[] }
  | { ok: true; loaded: LoadedDefinitions; connections: ResolvedConnection[] };

/** `validate`: the definitions only, no network and no environment. */
export function validateDefinitions(settings: DefinitionSettings): Promise<LoadedDefinitions> {
  return loadDefinitions(settings.path, settings.workspace, { visibleEnv: settings.visibleEnv });
}

/**
 * What plan and apply start with: valid definitions with their shown `{ env }` values read, and every
 * write-only value registered as a secret before anything can print it. Any problem stops here: nothing is
 * read from or written to Okta for definitions that are not all valid.
 */
export async function prepareDefinitions(
  settings: DefinitionSettings,
  ports: { env: Env; secrets: SecretRegistry },
): Promise<PreparedDefinitions> {
  const loaded = await validateDefinitions(settings);
  if (hasErrors(loaded.problems)) return { ok: false, loaded, problems: loaded.problems };
  const resolved = resolveDefinitions(loaded.definitions, ports.env);
  if (resolved.problems.length > 0) {
    return { ok: false, loaded, problems: [...loaded.problems, ...resolved.problems] };
  }
  registerWriteOnlySecrets(resolved.connections, ports.env, ports.secrets);
  return { ok: true, loaded, connections: resolved.connections };
}
