import type { Logger } from '../log.js';
import { neutralizeLogText } from '../render/log-text.js';
import type { SecretRegistry } from '../secrets.js';
import { debug, error, info, warning } from './runner.js';

/** The runner's log: every message redacted first, then made inert (no workflow command can start in it). */
export function actionLogger(secrets: SecretRegistry): Logger {
  const clean = (message: string) => neutralizeLogText(secrets.redact(message));
  return {
    debug: (message) => debug(clean(message)),
    info: (message) => info(clean(message)),
    warning: (message) => warning(clean(message)),
    error: (message) => error(clean(message)),
  };
}
