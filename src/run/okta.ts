import type { Logger } from '../log.js';
import { OktaClient } from '../okta/client.js';
import type { SecretRegistry } from '../secrets.js';
import type { OktaSettings } from './settings.js';

/**
 * The Okta client of one use case. `read` (plan, export, drift) asks OAuth only for read scopes and refuses
 * any write before it is sent, so nothing outside apply can change Okta.
 */
export function openOkta(
  settings: OktaSettings,
  access: 'read' | 'write',
  ports: { secrets: SecretRegistry; logger: Logger },
): OktaClient {
  return new OktaClient({
    ...settings,
    secrets: ports.secrets,
    logger: ports.logger,
    readOnly: access === 'read',
  });
}
