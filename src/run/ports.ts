import type { Env } from '../definitions/env.js';
import type { Logger } from '../log.js';
import type { ProgressReporter } from '../render/progress.js';
import type { SecretRegistry } from '../secrets.js';

/** What every use case gets from its shell: the environment, the run's secrets and where to log. */
export interface RunPorts {
  env: Env;
  secrets: SecretRegistry;
  logger: Logger;
  /** How far a long run is, and why it waits (at real rate limits a full plan can take many minutes). */
  progress?: ProgressReporter;
}
