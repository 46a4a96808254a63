import { OktaClient } from '../okta/client.js';
import type { RunPorts } from './ports.js';
import type { OktaSettings } from './settings.js';

/**
 * The Okta client of one use case. `read` (plan, export, drift) asks OAuth only for read scopes and refuses
 * any write before it is sent, so nothing outside apply can change Okta.
 */
export function openOkta(settings: OktaSettings, access: 'read' | 'write', ports: RunPorts): OktaClient {
  const { progress } = ports;
  return new OktaClient({
    ...settings,
    secrets: ports.secrets,
    logger: ports.logger,
    readOnly: access === 'read',
    ...(progress && { onRateLimitWait: (wait) => progress.waiting(wait) }),
  });
}
