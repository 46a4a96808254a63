import type { ConnectionAction, Problem, SourceLocation } from '../definitions/types.js';
import type { LiveAuthScheme, LiveStatus, RotationMode } from '../resources/connection/read.js';

/** What apply does to one connection, in the order it does it (features last, after the connection's own). */
export type Operation = 'configure' | 'activate' | 'deactivate' | 'update-features';

/** A compared field, named as in the definition files. `null` means "not set". */
export interface FieldChange {
  field: 'status' | 'auth_scheme' | 'base_url' | 'client_id' | 'signing.rotation_mode';
  before: string | null;
  after: string | null;
  /**
   * Where the change comes from, when the plan knows the base definition (scope: changed): `pull-request`
   * when the definition of the field changed, `drift` when it did not and Okta did. Not part of the hash.
   */
  origin?: ChangeOrigin;
}

export type ChangeOrigin = 'pull-request' | 'drift';

/** A declared provisioning-feature setting that changes, named as in the definition (`to_app.create_users`). */
export interface FeatureChange {
  field: string;
  /** Okta's value (its default for a connection set up by this plan); `null`: Okta has none. */
  before: string | null;
  after: string;
  origin?: ChangeOrigin;
}

/** A write-only value a configure sends: named, never shown. */
export interface WriteOnlyValue {
  field: 'token' | 'admin_username' | 'admin_password';
  /** The variable it is read from at apply time (absent for a literal admin_username). */
  env?: string;
  /** Whether the variable is set in this run (not part of the hash: PR runs may lack secrets). */
  present: boolean;
}

export interface ConnectionState {
  status: LiveStatus;
  authScheme: LiveAuthScheme;
  baseUrl?: string;
  clientId?: string;
  rotationMode?: RotationMode;
}

export interface ConnectionPlan {
  appId: string;
  /** The definition's name, else the app's label in Okta, else the id. */
  name: string;
  /** Okta's app name (`okta_org2org`, `zscalerbyz`, …), when the app could be read. */
  appKind?: string;
  action: ConnectionAction;
  source: SourceLocation;
  operations: Operation[];
  changes: FieldChange[];
  /** Declared feature settings that change (`update-features`); absent or empty: none. */
  features?: FeatureChange[];
  /** Write-only values sent with the configure (empty without one). */
  writeOnly: WriteOnlyValue[];
  /** The configure happens only because `rotate-secrets` asked for it. */
  rotation: boolean;
  /** A person must grant consent after configure (Google, Office 365, Slack, Zoom). */
  consentApp: boolean;
  live?: ConnectionState;
  desired?: ConnectionState;
  /** Why this connection could not be planned; it then has no operations. */
  error?: PlanError;
}

export interface PlanError {
  message: string;
  /** Okta's errorCode or our own code (`app-not-found`, `unsupported-app`, …). */
  code?: string;
  status?: number;
  /** Where in the definitions to fix it, when the definition is the cause. */
  at?: SourceLocation;
}

export interface PlanCounts {
  total: number;
  toConfigure: number;
  /** Connections apply activates; a consent app is counted in `toConsent` instead. */
  toActivate: number;
  /** Consent apps apply configures and then leaves waiting for an admin's consent (they activate after it). */
  toConsent: number;
  toDeactivate: number;
  /** Connections whose declared provisioning features change. */
  toUpdateFeatures: number;
  unchanged: number;
  errors: number;
}

export interface Plan {
  version: 1;
  /** The org's host, e.g. example.okta.com. */
  org: string;
  /** The definitions' `path`, normalized (entries trimmed, sorted, joined with commas). */
  path: string;
  /** Org host + definitions path: keeps comments of several orgs or folders apart. */
  key: string;
  connections: ConnectionPlan[];
  counts: PlanCounts;
  changes: boolean;
  hash: string;
  /** Warnings about the definitions (errors stop before a plan is made). */
  warnings: Problem[];
  /** `rotate-secrets` asked for these, but they hold no secret (token, admin_password): not re-sent. */
  rotationSkipped?: { appId: string; name: string }[];
  /** Which definitions the plan read; absent: all of them. */
  scope?: PlanScope;
}

/** What a plan read (the `scope` input). Not part of the hash: equal change sets hash equally. */
export interface PlanScope {
  mode: 'all' | 'changed';
  /** With `changed`: the commits compared, base → head. */
  base?: string;
  head?: string;
  /** Definitions not read because they did not change; the scheduled run checks them for drift. */
  unread: number;
  /** Why every definition was read although only the changed ones were asked for. */
  fallback?: string;
}

/** A consent app being configured: apply stops there until an admin grants consent in Okta. */
export function awaitsConsent(connection: ConnectionPlan): boolean {
  return (
    connection.consentApp &&
    connection.operations.includes('configure') &&
    connection.desired?.status !== 'DISABLED'
  );
}

export function countPlan(connections: readonly ConnectionPlan[]): PlanCounts {
  const has = (operation: Operation) => connections.filter((c) => c.operations.includes(operation)).length;
  return {
    total: connections.length,
    toConfigure: has('configure'),
    toActivate: connections.filter((c) => c.operations.includes('activate') && !awaitsConsent(c)).length,
    toConsent: connections.filter(awaitsConsent).length,
    toDeactivate: has('deactivate'),
    toUpdateFeatures: has('update-features'),
    unchanged: connections.filter((c) => !c.error && c.operations.length === 0).length,
    errors: connections.filter((c) => c.error).length,
  };
}
