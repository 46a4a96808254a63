import { readSecretValues, type Env, type ResolvedConnection } from '../definitions/env.js';
import type { Logger } from '../log.js';
import { silentLogger } from '../log.js';
import { OktaApiError } from '../okta/errors.js';
import type { ConnectionRequest, OktaConnection } from '../okta/types.js';
import type { SecretRegistry } from '../secrets.js';
import type { ConnectionPlan, FieldChange, Operation, Plan } from '../plan/model.js';
import type { ConnectionReader } from '../plan/plan.js';
import { applyWithFeatures, type FeatureWriter } from './features.js';
import { summarizeApply, type ApplyReport, type ConnectionApplyResult } from './model.js';
import { connectionRequest } from './request.js';

/** The writes apply needs, on top of the plan's reads; the Okta client provides them. */
export interface ConnectionWriter extends ConnectionReader, FeatureWriter {
  updateConnection(
    appId: string,
    body: ConnectionRequest,
    options?: { activate?: boolean },
  ): Promise<OktaConnection>;
  activateConnection(appId: string): Promise<void>;
  deactivateConnection(appId: string): Promise<void>;
}

export interface ApplyOptions {
  env: Env;
  secrets: SecretRegistry;
  logger?: Logger;
}

/**
 * Carries out a (verified) plan: per connection, its operations in order, then a re-read that confirms the
 * result. Connections run concurrently within the client's limits; one failing never stops the others.
 */
export async function applyPlan(
  writer: ConnectionWriter,
  plan: Plan,
  connections: readonly ResolvedConnection[],
  options: ApplyOptions,
): Promise<ApplyReport> {
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  const featureOptions = {
    logger: options.logger ?? silentLogger,
    describeError: (error: unknown) => describeError(error, options.secrets),
  };
  const results = await Promise.all(
    plan.connections.map((planned) => {
      const connection = byId.get(planned.appId);
      if (planned.error || planned.operations.length === 0 || !connection) {
        return Promise.resolve(notApplied(planned));
      }
      const own = (ownPlan: ConnectionPlan) => applyConnection(writer, ownPlan, connection, options);
      return applyWithFeatures(writer, planned, connection, own, featureOptions);
    }),
  );
  return summarizeApply(results);
}

async function applyConnection(
  writer: ConnectionWriter,
  planned: ConnectionPlan,
  connection: ResolvedConnection,
  { env, secrets, logger = silentLogger }: ApplyOptions,
): Promise<ConnectionApplyResult> {
  const done: Operation[] = [];
  const result = (status: ConnectionApplyResult['status'], extra: Partial<ConnectionApplyResult> = {}) => ({
    appId: planned.appId,
    name: planned.name,
    status,
    done,
    ...extra,
  });

  let body: ConnectionRequest | undefined;
  if (planned.operations.includes('configure')) {
    const read = readSecretValues(connection, env, secrets);
    if ('missing' in read) {
      return result('failed', {
        error: {
          code: 'missing-secret',
          message: `environment variable ${read.missing.join(', ')} is not set, so nothing was written to this connection; pass the secret to the action step through \`env:\`.`,
        },
      });
    }
    body = connectionRequest(connection, planned.appKind, read.values, liveConnection(planned));
  }

  let consentUrl: string | undefined;
  try {
    const pending = [...planned.operations];
    while (pending.length > 0) {
      const operation = pending.shift()!;
      if (operation === 'configure') {
        // configure + activate in one request: Okta's `?activate=true` saves a call in the small bucket.
        // It is also sent when the connection is enabled already, so that a configure can never leave
        // a connection that should be enabled disabled, whatever Okta does to the status on a POST.
        const activate = pending[0] === 'activate' || planned.desired?.status === 'ENABLED';
        const answer = await writer.updateConnection(planned.appId, body!, { activate });
        consentUrl = answer.authorizeUrl;
        done.push('configure');
        if (pending[0] === 'activate') done.push(pending.shift()!);
      } else {
        await (operation === 'activate'
          ? writer.activateConnection(planned.appId)
          : writer.deactivateConnection(planned.appId));
        done.push(operation);
      }
      logger.info(`${planned.name} (${planned.appId}): ${done.join(' + ')} done`);
    }
  } catch (error) {
    return result('failed', { error: describeError(error, secrets) });
  }

  // Confirm: re-read and compare with the desired state.
  let after: OktaConnection;
  try {
    after = await writer.getConnection(planned.appId);
  } catch (error) {
    const described = describeError(error, secrets);
    return result('failed', {
      error: { ...described, message: `written, but the re-read failed: ${described.message}` },
    });
  }
  // Consent apps answer a configure with an authorize link: Okta took the change, a person must finish it.
  const mismatches = confirm(planned, after).filter((m) => !(consentUrl && m.field === 'status'));
  if (mismatches.length > 0) {
    return result('failed', {
      mismatches,
      error: { code: 'not-confirmed', message: 'Okta does not show the desired state after the change.' },
    });
  }
  return consentUrl ? result('consent-needed', { consentUrl }) : result('applied');
}

/** Fields of the re-read connection that differ from the desired state (only those Okta returns). */
export function confirm(planned: ConnectionPlan, after: OktaConnection): FieldChange[] {
  const desired = planned.desired;
  if (!desired) return [];
  const mismatches: FieldChange[] = [];
  const check = (
    field: FieldChange['field'],
    found: string | undefined,
    wanted: string | undefined,
    always = false,
  ) => {
    if (wanted === undefined || (found === undefined && !always)) return;
    if (found !== wanted) mismatches.push({ field, before: found ?? null, after: wanted });
  };
  check('status', after.status, desired.status, true);
  check('auth_scheme', after.authScheme, desired.authScheme, true);
  check('base_url', after.baseUrl, desired.baseUrl, true);
  check('client_id', after.clientId, desired.clientId);
  check('signing.rotation_mode', after.rotationMode, desired.rotationMode);
  return mismatches;
}

function liveConnection(planned: ConnectionPlan): OktaConnection | undefined {
  return planned.live ? { ...planned.live } : undefined;
}

/** A connection apply leaves alone: nothing to do, or it could not be planned (then it counts as failed). */
function notApplied(planned: ConnectionPlan): ConnectionApplyResult {
  return {
    appId: planned.appId,
    name: planned.name,
    status: planned.error ? 'failed' : 'unchanged',
    done: [],
    ...(planned.error && { error: { message: planned.error.message, code: planned.error.code } }),
  };
}

function describeError(error: unknown, secrets: SecretRegistry): { message: string; code?: string } {
  if (error instanceof OktaApiError) {
    return { message: secrets.redact(error.message), ...(error.errorCode && { code: error.errorCode }) };
  }
  return { message: secrets.redact(error instanceof Error ? error.message : String(error)) };
}
