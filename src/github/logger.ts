import * as core from '@actions/core';
import type { Logger } from '../log.js';
import type { SecretRegistry } from '../secrets.js';

/** The core's logger on the runner: workflow commands, every message redacted first. */
export function actionLogger(secrets: SecretRegistry): Logger {
  return {
    debug: (message) => core.debug(secrets.redact(message)),
    info: (message) => core.info(secrets.redact(message)),
    warning: (message) => core.warning(secrets.redact(message)),
    error: (message) => core.error(secrets.redact(message)),
  };
}
