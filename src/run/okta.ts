import type { Logger } from '../log.js';
import { OktaClient } from '../okta/client.js';
import { notReadSummary, OKTA_UNREACHABLE } from '../okta/errors.js';
import type { Plan } from '../plan/model.js';
import type { Env } from '../definitions/env.js';
import { parseWholeNumber } from './parse.js';
import type { RunPorts } from './ports.js';
import type { OktaSettings } from './settings.js';

/**
 * Internal, for tests of a hung Okta: the deadline of one Okta request in ms (60 000 unless set). Not an
 * input: a shorter deadline only turns slow answers into failures.
 */
export const REQUEST_DEADLINE_ENV = 'OKTA_APP_CONNECTIONS_INTERNAL_REQUEST_DEADLINE_MS';

/**
 * The Okta client of one use case. `read` (plan, export, drift) asks OAuth only for read scopes and refuses
 * any write before it is sent, so nothing outside apply can change Okta.
 */
export function openOkta(settings: OktaSettings, access: 'read' | 'write', ports: RunPorts): OktaClient {
  const { progress } = ports;
  const timeoutMs = requestDeadlineMs(ports.env);
  return new OktaClient({
    ...settings,
    secrets: ports.secrets,
    logger: ports.logger,
    readOnly: access === 'read',
    ...(timeoutMs !== undefined && { timeoutMs }),
    ...(progress && { onRateLimitWait: (wait) => progress.waiting(wait) }),
  });
}

function requestDeadlineMs(env: Env): number | undefined {
  const text = env[REQUEST_DEADLINE_ENV];
  return text ? parseWholeNumber(REQUEST_DEADLINE_ENV, text, 60_000, 100, 600_000) : undefined;
}

/** One line for the connections a hung Okta left unread (each one's error has the code `okta-unreachable`). */
export function reportNotRead(plan: Plan, client: OktaClient, logger: Logger): void {
  const notRead = plan.connections.filter((connection) => connection.error?.code === OKTA_UNREACHABLE);
  if (notRead.length > 0) logger.error(notReadSummary(client.deadlineMs, notRead.length));
}
