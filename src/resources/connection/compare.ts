import type { Env, ResolvedConnection } from '../../definitions/env.js';
import { isEnvRef } from '../../definitions/types.js';
import type { OktaApp } from '../../okta/types.js';
import type { OktaConnection } from './read.js';
import { APP_KINDS, appKindOf, namesOfKindsWith } from '../../kinds/index.js';
import type {
  ConnectionPlan,
  ConnectionState,
  FieldChange,
  Operation,
  PlanError,
  WriteOnlyValue,
} from '../../plan/model.js';

export interface CompareInput {
  connection: ResolvedConnection;
  app: OktaApp;
  live: OktaConnection;
  /** `rotate-secrets` names this app (or all): configure even when nothing else changed. */
  rotate: boolean;
  env: Env;
}

/** Desired vs live for one connection. Pure: no I/O. */
export function compareConnection({ connection, app, live, rotate, env }: CompareInput): ConnectionPlan {
  const base = basePlan(connection, app);
  const kindError = checkAppKind(connection, app);
  if (kindError) return { ...base, error: kindError };

  const desired = desiredState(connection);
  const current: ConnectionState = {
    status: live.status,
    authScheme: live.authScheme,
    ...(live.baseUrl !== undefined && { baseUrl: live.baseUrl }),
    ...(live.clientId !== undefined && { clientId: live.clientId }),
    ...(live.rotationMode !== undefined && { rotationMode: live.rotationMode }),
  };
  const notSetUp = live.status === 'UNKNOWN' || live.authScheme === 'UNKNOWN';
  const changes: FieldChange[] = [];
  const compare = (field: FieldChange['field'], before: string | undefined, after: string | undefined) => {
    if (after !== undefined && before !== after) changes.push({ field, before: before ?? null, after });
  };
  compare('auth_scheme', known(live.authScheme), desired.authScheme);
  if (desired.authScheme === 'TOKEN') compare('base_url', live.baseUrl, desired.baseUrl);
  // Okta does not always return client_id: compare it only when it does (or when setting up).
  if (notSetUp || live.clientId !== undefined || live.authScheme !== desired.authScheme) {
    compare('client_id', live.clientId, desired.clientId);
  }
  compare('signing.rotation_mode', live.rotationMode, desired.rotationMode);

  // Only a secret can be rotated; re-configuring anything else gains nothing (a consent app could even
  // demand consent again).
  const rotating = rotate && holdsSecret(connection);
  const configure = notSetUp || changes.length > 0 || rotating;
  const enabled = live.status === 'ENABLED';
  const wantEnabled = desired.status === 'ENABLED';
  const operations: Operation[] = [];
  if (wantEnabled) {
    if (configure) operations.push('configure');
    if (!enabled) operations.push('activate');
  } else {
    if (enabled) operations.push('deactivate');
    if (configure) operations.push('configure');
  }
  if (enabled !== wantEnabled) {
    changes.unshift({ field: 'status', before: known(live.status) ?? null, after: desired.status });
  }

  return {
    ...base,
    operations,
    changes,
    writeOnly: configure ? writeOnlyValues(connection, env) : [],
    rotation: configure && rotating && !notSetUp && changes.every((change) => change.field === 'status'),
    live: current,
    desired,
  };
}

export function basePlan(connection: ResolvedConnection, app?: OktaApp): ConnectionPlan {
  return {
    appId: connection.id,
    name: connection.name ?? (app?.label || connection.id),
    ...(app && { appKind: app.name }),
    action: connection.action,
    source: connection.definition.source,
    operations: [],
    changes: [],
    writeOnly: [],
    rotation: false,
    consentApp: appKindOf(app?.name)?.consent ?? false,
  };
}

export function desiredState(connection: ResolvedConnection): ConnectionState {
  return {
    status: connection.action === 'activate' ? 'ENABLED' : 'DISABLED',
    authScheme: connection.authScheme,
    ...(connection.authScheme === 'TOKEN' &&
      connection.baseUrl !== undefined && { baseUrl: connection.baseUrl }),
    ...(connection.authScheme === 'OAUTH2' &&
      connection.clientId !== undefined && { clientId: connection.clientId }),
    ...(connection.rotationMode !== undefined && { rotationMode: connection.rotationMode }),
  };
}

/** Whether the definition sends a secret with a configure: only those have something `rotate-secrets` can rotate. */
export function holdsSecret(connection: ResolvedConnection): boolean {
  return connection.writeOnly.token !== undefined || connection.writeOnly.adminPassword !== undefined;
}

/** The definition rules that need the app's kind (Org2Org, Office 365, …). */
export function checkAppKind(connection: ResolvedConnection, app: OktaApp): PlanError | undefined {
  const { fields, source } = connection.definition;
  const kind = appKindOf(app.name);
  if (!kind) {
    const supported = APP_KINDS.map((known) => `${known.label} (${known.name})`).join(', ');
    return {
      code: 'unsupported-app',
      at: source,
      message: `app "${app.label}" (${app.name}) has no provisioning connection that Okta's API can manage; supported apps: ${supported}. Remove this definition or check the id.`,
    };
  }
  if (!kind.schemes.includes(connection.authScheme)) {
    return {
      code: 'unsupported-auth-scheme',
      at: fields['profile.auth_scheme'] ?? source,
      message: `${kind.label} (${app.name}) connections use auth_scheme ${kind.schemes.join(' or ')}, not ${connection.authScheme}.`,
    };
  }
  if (kind.clientId && connection.authScheme === 'OAUTH2' && connection.clientId === undefined) {
    return { code: 'missing-client-id', at: fields.profile ?? source, message: kind.clientId.missing };
  }
  if (kind.adminCredentials && !connection.writeOnly.adminPassword) {
    return { code: 'missing-settings', at: fields.profile ?? source, message: kind.adminCredentials.missing };
  }
  if (!kind.signing && connection.definition.profile.signing) {
    return {
      code: 'signing-not-supported',
      at: fields['profile.signing'] ?? source,
      message: `\`profile.signing\` is for ${namesOfKindsWith((known) => known.signing)} apps only; ${kind.label} (${app.name}) has no signing key. Remove it.`,
    };
  }
  if (!kind.adminCredentials && connection.definition.profile.settings) {
    return {
      code: 'settings-not-supported',
      at: fields['profile.settings'] ?? source,
      message: `\`profile.settings\` is for ${namesOfKindsWith((known) => known.adminCredentials)} apps only; ${kind.label} (${app.name}) does not use admin credentials. Remove it.`,
    };
  }
  return undefined;
}

function writeOnlyValues(connection: ResolvedConnection, env: Env): WriteOnlyValue[] {
  const out: WriteOnlyValue[] = [];
  const add = (field: WriteOnlyValue['field'], value: unknown) => {
    if (value === undefined) return;
    if (isEnvRef(value)) out.push({ field, env: value.env, present: Boolean(env[value.env]) });
    else out.push({ field, present: true });
  };
  add('token', connection.writeOnly.token);
  add('admin_username', connection.writeOnly.adminUsername);
  add('admin_password', connection.writeOnly.adminPassword);
  return out;
}

function known(value: string): string | undefined {
  return value === 'UNKNOWN' ? undefined : value;
}
