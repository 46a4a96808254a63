import { readSecretValues, type Env, type ResolvedConnection } from '../../definitions/env.js';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import { OktaApiError } from '../../okta/errors.js';
import type { ConnectionRequest, OktaConnection } from './read.js';
import type { ProgressCallback } from '../../progress.js';
import type { SecretRegistry } from '../../secrets.js';
import type { ConnectionPlan, FieldChange, Operation, Plan } from '../../plan/model.js';
import type { ConnectionReader } from '../../plan/plan.js';
import { applyWithFeatures, type FeatureWriter } from '../features/apply.js';
import { summarizeApply, type ApplyReport, type ConnectionApplyResult } from '../../apply/model.js';
import { appKindOf, hasPublicKey } from '../../kinds/index.js';
import { readPublicKey, type PublicKeyReader } from './public-key.js';
import { connectionRequest } from './request.js';

/** The writes apply needs, on top of the plan's reads; the Okta client provides them. */
export interface ConnectionWriter extends ConnectionReader, PublicKeyReader, FeatureWriter {
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
  /** Told how many of the connections with something to do are done (or failed), from 0 on. */
  progress?: ProgressCallback;
}

/**
 * Carries out a (verified) plan: per connection, its operations in order, then confirms the result from
 * Okta's answer to the configure, or from a re-read when a lifecycle call (empty answer) came last. So a
 * changed connection costs the plan's read and one write in Okta's small `/api/v1/apps/*` bucket.
 * Connections run concurrently within the client's limits; one failing never stops the others.
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
  const applies = (planned: ConnectionPlan) => !planned.error && planned.operations.length > 0;
  const total = plan.connections.filter(applies).length;
  let done = 0;
  options.progress?.(0, total);
  const results = await Promise.all(
    plan.connections.map((planned) => {
      if (!applies(planned)) return Promise.resolve(notApplied(planned));
      const connection = byId.get(planned.appId);
      if (!connection) return Promise.resolve(withoutDefinition(planned));
      const own = (ownPlan: ConnectionPlan) => applyConnection(writer, ownPlan, connection, options);
      return applyWithFeatures(writer, planned, connection, own, featureOptions).finally(() =>
        options.progress?.((done += 1), total),
      );
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
  const run = new ConnectionRun(planned, logger);
  let body: ConnectionRequest | undefined;
  if (planned.operations.includes('configure')) {
    const request = configureRequest(planned, connection, env, secrets);
    if ('error' in request) return run.result('failed', request);
    body = request.body;
  }

  // Okta's latest answer that shows the connection; undefined after a lifecycle call (its answer is empty).
  let latest: OktaConnection | undefined;
  try {
    const pending = [...planned.operations];
    while (pending.length > 0) {
      const operation = pending.shift()!;
      const step =
        operation === 'configure'
          ? await configure(writer, run, pending, body!, connection, secrets)
          : await changeLifecycle(writer, run, operation);
      if ('end' in step) return step.end;
      latest = step.latest;
    }
  } catch (error) {
    return run.result('failed', { error: describeError(error, secrets) });
  }

  const outcome = await confirmWrites(writer, planned, latest, run.done, secrets);
  if ('consentUrl' in outcome) return run.consentNeeded(outcome.consentUrl);
  return run.result(outcome.status, outcome.extra);
}

/** One connection's apply in progress: what is done so far, and how each of its outcomes reads. */
class ConnectionRun {
  readonly done: Operation[] = [];

  constructor(
    readonly planned: ConnectionPlan,
    private readonly logger: Logger,
  ) {}

  result(
    status: ConnectionApplyResult['status'],
    extra: Partial<ConnectionApplyResult> = {},
  ): ConnectionApplyResult {
    return { appId: this.planned.appId, name: this.planned.name, status, done: this.done, ...extra };
  }

  consentNeeded(consentUrl: string): ConnectionApplyResult {
    this.logger.info(`${this.label()}: waiting for an admin to grant consent in Okta`);
    return this.result('consent-needed', { consentUrl });
  }

  did(...operations: Operation[]): void {
    this.done.push(...operations);
    this.logger.info(`${this.label()}: ${this.done.join(' + ')} done`);
  }

  private label(): string {
    return `${this.planned.name} (${this.planned.appId})`;
  }
}

/** A step either ends the connection's apply (`end`) or goes on with Okta's latest answer, if it gave one. */
type Step = { end: ConnectionApplyResult } | { latest: OktaConnection | undefined };

/**
 * The configure. It takes the activate that follows it into the same request, and queues an activate when
 * Okta leaves a connection that should be enabled disabled (`pending` is the rest of the operations).
 */
async function configure(
  writer: ConnectionWriter,
  run: ConnectionRun,
  pending: Operation[],
  body: ConnectionRequest,
  connection: ResolvedConnection,
  secrets: SecretRegistry,
): Promise<Step> {
  const { planned } = run;
  // configure + activate in one request (`?activate=true`) saves a call in the small bucket. It is also sent
  // when the connection is enabled already, so that a configure never leaves it disabled. Consent apps are
  // configured without it, as Okta's guide says: activation waits for consent.
  const activate =
    !planned.consentApp && (pending[0] === 'activate' || planned.desired?.status === 'ENABLED');
  let latest: OktaConnection;
  try {
    latest = await writer.updateConnection(planned.appId, body, { activate });
  } catch (error) {
    return { end: run.result('failed', { error: configureError(error, planned, connection, secrets) }) };
  }
  const done: Operation[] = ['configure'];
  if (activate && pending[0] === 'activate') done.push(pending.shift()!);
  run.did(...done);
  if (leftDisabled(planned, latest) && !run.done.includes('activate')) {
    // A connection set up for the first time waits for a person's consent: there is none to hold yet.
    const consentUrl = awaitingConsent(planned, latest);
    if (consentUrl && !wasSetUp(planned)) return { end: run.consentNeeded(consentUrl) };
    // Okta answered a configure without `activate` DISABLED (recorded): activate now, in this apply. For a
    // consent app whose consent still holds it takes; otherwise Okta refuses or leaves it disabled, and the
    // connection ends as "consent needed" with the link.
    if (pending[0] !== 'activate') pending.unshift('activate');
  }
  return { latest };
}

/** An activate or deactivate: Okta's answer is empty, so nothing is known of the connection after it. */
async function changeLifecycle(
  writer: ConnectionWriter,
  run: ConnectionRun,
  operation: Operation,
): Promise<Step> {
  const { planned } = run;
  try {
    await (operation === 'activate'
      ? writer.activateConnection(planned.appId)
      : writer.deactivateConnection(planned.appId));
  } catch (error) {
    // What Okta answers to an activation before consent is undocumented: a refusal is one possibility.
    if (operation === 'activate' && planned.consentApp && mayBeMissingConsent(error)) {
      const consentUrl = await consentUrlNow(writer, planned);
      if (consentUrl) return { end: run.consentNeeded(consentUrl) };
    }
    throw error;
  }
  run.did(operation);
  return { latest: undefined };
}

/** The configure's body, with the secrets read from the environment; a missing one fails the connection. */
function configureRequest(
  planned: ConnectionPlan,
  connection: ResolvedConnection,
  env: Env,
  secrets: SecretRegistry,
): { body: ConnectionRequest } | { error: ConnectionApplyResult['error'] } {
  const read = readSecretValues(connection, env, secrets);
  if ('missing' in read) {
    return {
      error: {
        code: 'missing-secret',
        message: `environment variable ${read.missing.join(', ')} is not set, so nothing was written to this connection; pass the secret to the action step through \`env:\`.`,
      },
    };
  }
  return { body: connectionRequest(connection, planned.appKind, read.values, liveConnection(planned)) };
}

/**
 * After the writes: Okta's latest answer (re-read when a lifecycle call came last) against the plan; for a
 * new key pair (configured kind with signing, over OAuth), the public key the other side must trust.
 */
async function confirmWrites(
  writer: ConnectionWriter,
  planned: ConnectionPlan,
  answer: OktaConnection | undefined,
  done: readonly Operation[],
  secrets: SecretRegistry,
): Promise<
  { consentUrl: string } | { status: ConnectionApplyResult['status']; extra?: Partial<ConnectionApplyResult> }
> {
  let latest = answer;
  if (!latest) {
    try {
      latest = await writer.getConnection(planned.appId);
    } catch (error) {
      const described = describeError(error, secrets);
      return {
        status: 'failed',
        extra: { error: { ...described, message: `written, but the re-read failed: ${described.message}` } },
      };
    }
  }
  const mismatches = confirm(planned, latest);
  // An activation that left a consent app disabled, with the authorize link: the other possibility.
  const consentUrl = awaitingConsent(planned, latest);
  if (consentUrl && mismatches.every((mismatch) => mismatch.field === 'status')) return { consentUrl };
  if (mismatches.length > 0) {
    return {
      status: 'failed',
      extra: {
        mismatches,
        error: { code: 'not-confirmed', message: 'Okta does not show the desired state after the change.' },
      },
    };
  }
  if (done.includes('configure') && hasPublicKey(planned.appKind, planned.desired?.authScheme)) {
    const publicKey = await readPublicKey(
      writer,
      planned.appId,
      { clientId: latest.clientId ?? planned.desired?.clientId, rotationMode: latest.rotationMode },
      (text) => secrets.redact(text),
    );
    return { status: 'applied', extra: { publicKey } };
  }
  return { status: 'applied' };
}

/** Fields of Okta's answer (or re-read) that differ from the desired state (only those Okta returns). */
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

/** Okta shows the connection disabled where the definition wants it enabled. */
function leftDisabled(planned: ConnectionPlan, connection: OktaConnection): boolean {
  return planned.desired?.status === 'ENABLED' && connection.status !== 'ENABLED';
}

/** The connection was set up before this apply (so a consent app may hold a consent from then). */
function wasSetUp(planned: ConnectionPlan): boolean {
  const live = planned.live;
  return live !== undefined && live.status !== 'UNKNOWN' && live.authScheme !== 'UNKNOWN';
}

/** The authorize link, when a consent app that should be enabled is not, and Okta shows where to consent. */
function awaitingConsent(planned: ConnectionPlan, connection: OktaConnection): string | undefined {
  if (!planned.consentApp || planned.desired?.status !== 'ENABLED' || connection.status === 'ENABLED') {
    return undefined;
  }
  return connection.authorizeUrl;
}

/** A refusal that may mean "no consent yet" (not auth, permission, a missing app or a rate limit). */
function mayBeMissingConsent(error: unknown): boolean {
  return (
    error instanceof OktaApiError &&
    error.status >= 400 &&
    error.status < 500 &&
    ![401, 403, 404, 429].includes(error.status)
  );
}

/** Re-reads a consent app after a refused activation; its authorize link if it still waits for consent. */
async function consentUrlNow(writer: ConnectionWriter, planned: ConnectionPlan): Promise<string | undefined> {
  try {
    return awaitingConsent(planned, await writer.getConnection(planned.appId));
  } catch {
    return undefined; // the refusal itself is reported
  }
}

/** A configure failure; Okta's refusal of `signing` (an org without key rotation) says how to fix it. */
function configureError(
  error: unknown,
  planned: ConnectionPlan,
  connection: ResolvedConnection,
  secrets: SecretRegistry,
): { message: string; code?: string } {
  const described = describeError(error, secrets);
  const kind = appKindOf(planned.appKind);
  const refused =
    kind?.signing &&
    error instanceof OktaApiError &&
    error.status === 400 &&
    connection.rotationMode !== undefined &&
    /signing|rotationMode/i.test([error.errorSummary ?? '', ...error.causes].join(' '));
  if (!refused) return described;
  const at = connection.definition.fields['profile.signing'] ?? connection.definition.source;
  return {
    code: 'signing-not-available',
    message: `Okta refused \`signing.rotation_mode\`: this org's edition does not offer signing key rotation for ${kind.shortName} connections. Remove \`signing\` from the definition (${at.file}:${at.line}) and apply again. ${described.message}`,
  };
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

/** A plan entry with work but no definition to take the secrets from: fails, never passes as unchanged. */
function withoutDefinition(planned: ConnectionPlan): ConnectionApplyResult {
  return {
    appId: planned.appId,
    name: planned.name,
    status: 'failed',
    done: [],
    error: {
      code: 'no-definition',
      message: `the plan has ${planned.operations.join(' + ')} for app ${planned.appId}, but apply was given no definition of it; nothing was written.`,
    },
  };
}

function describeError(error: unknown, secrets: SecretRegistry): { message: string; code?: string } {
  if (error instanceof OktaApiError) {
    return { message: secrets.redact(error.message), ...(error.errorCode && { code: error.errorCode }) };
  }
  return { message: secrets.redact(error instanceof Error ? error.message : String(error)) };
}
