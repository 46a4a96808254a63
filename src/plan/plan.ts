import type { Env, ResolvedConnection } from '../definitions/env.js';
import type { Problem } from '../definitions/types.js';
import { OKTA_UNREACHABLE, OktaApiError, OktaNetworkError, OktaUnreachableError } from '../okta/errors.js';
import type { OktaApp } from '../okta/types.js';
import type { OktaConnection } from '../resources/connection/read.js';
import { allWithProgress, type ProgressCallback } from '../progress.js';
import { basePlan, checkAppKind, compareConnection, holdsSecret } from '../resources/connection/compare.js';
import {
  readLiveFeatures,
  withFeatureChanges,
  type FeatureReader,
  type LiveFeatures,
} from '../resources/features/compare.js';
import { planHash } from './hash.js';
import { countPlan, type ConnectionPlan, type Plan, type PlanError, type PlanScope } from './model.js';
import { withOrigins } from './origin.js';

/** The reads a plan needs; the Okta client provides them. */
export interface ConnectionReader extends FeatureReader {
  getApp(appId: string): Promise<OktaApp>;
  getConnection(appId: string): Promise<OktaConnection>;
}

export interface PlanOptions {
  orgUrl: string;
  /** The `path` input, part of the comment key. */
  path: string;
  env: Env;
  /** `rotate-secrets`: all, or app ids. */
  rotateSecrets?: 'all' | readonly string[];
  warnings?: Problem[];
  /** Which definitions are planned (recorded in the plan for the reports). */
  scope?: PlanScope;
  /** With scope changed: the base commit's version of each planned connection (none: new), for origins. */
  base?: ReadonlyMap<string, ResolvedConnection>;
  /** Told how many connections are read (or failed) of how many, from 0 on. */
  progress?: ProgressCallback;
}

/**
 * Reads every defined connection and its app (concurrently: the client paces and caps the requests) and
 * computes the plan. A connection that cannot be read or planned gets an error and does not stop the others.
 */
export async function planConnections(
  reader: ConnectionReader,
  connections: readonly ResolvedConnection[],
  options: PlanOptions,
): Promise<Plan> {
  const rotate = (appId: string) =>
    options.rotateSecrets === 'all' || (options.rotateSecrets ?? []).includes(appId);
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  const planned = await allWithProgress(
    connections.map(async (connection): Promise<ConnectionPlan> => {
      const [app, live] = await Promise.allSettled([
        reader.getApp(connection.id),
        reader.getConnection(connection.id),
      ]);
      if (app.status === 'rejected')
        return { ...basePlan(connection), error: readError(app.reason, connection, 'app') };
      if (live.status === 'rejected') {
        // An app of a kind without a manageable connection: that is the news, not the failed read.
        return {
          ...basePlan(connection, app.value),
          error:
            checkAppKind(connection, app.value) ??
            readError(live.reason, connection, 'connection', app.value),
        };
      }
      // A secret read from another variable than at the base commit is a new secret: send it.
      const resend = rotate(connection.id) || secretSourceChanged(connection, options.base);
      const compare = (definition: ResolvedConnection) =>
        compareConnection({
          connection: definition,
          app: app.value,
          live: live.value,
          rotate: resend,
          env: options.env,
        });
      let plan = compare(connection);
      // Features are read only for a connection that declares some and could be planned.
      let features: LiveFeatures | undefined;
      if (!plan.error) {
        try {
          features = await readLiveFeatures(reader, connection, app.value, live.value);
        } catch (error) {
          const what = 'provisioning features';
          return { ...basePlan(connection, app.value), error: readError(error, connection, what, app.value) };
        }
        plan = withFeatureChanges(plan, connection, app.value, features);
      }
      if (!options.base) return plan;
      const base = options.base.get(connection.id);
      return withOrigins(plan, base && withFeatureChanges(compare(base), base, app.value, features));
    }),
    options.progress,
  );
  const plan = assemblePlan(planned, options);
  const rotationSkipped = plan.connections
    .filter((c) => !c.error && rotate(c.appId) && !holdsSecret(byId.get(c.appId)!))
    .map(({ appId, name }) => ({ appId, name }));
  return rotationSkipped.length > 0 ? { ...plan, rotationSkipped } : plan;
}

/** The variables the secrets come from differ from the base commit's (Okta cannot tell: it never returns them). */
function secretSourceChanged(connection: ResolvedConnection, base: PlanOptions['base']): boolean {
  const before = base?.get(connection.id);
  if (!before) return false;
  const sources = ({ writeOnly }: ResolvedConnection) => [writeOnly.token?.env, writeOnly.adminPassword?.env];
  return sources(before).some((name, index) => name !== sources(connection)[index]);
}

export function assemblePlan(
  planned: ConnectionPlan[],
  options: Pick<PlanOptions, 'orgUrl' | 'path' | 'warnings' | 'scope'>,
): Plan {
  const connections = [...planned].sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
  const counts = countPlan(connections);
  const org = new URL(options.orgUrl).host;
  return {
    version: 1,
    org,
    path: definitionsPathKey(options.path),
    key: planKey(options.orgUrl, options.path),
    connections,
    counts,
    changes: connections.some((connection) => connection.operations.length > 0),
    hash: planHash(connections),
    warnings: options.warnings ?? [],
    ...(options.scope && { scope: options.scope }),
  };
}

/** Org host + normalized path: one sticky comment per org and definitions folder. */
export function planKey(orgUrl: string, path: string): string {
  return `${new URL(orgUrl).host}/${definitionsPathKey(path)}`;
}

/** The `path` input as one comparable string: entries trimmed, without `./` or a trailing `/`, sorted. */
function definitionsPathKey(path: string): string {
  const normalized = path
    .split(/\r?\n/)
    .map((entry) => entry.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter(Boolean)
    .sort()
    .join(',');
  return normalized || 'okta/connections';
}

/** A read failure as a per-connection error that says what to check. */
export function readError(
  error: unknown,
  connection: ResolvedConnection,
  what: 'app' | 'connection' | 'provisioning features',
  /** The app, when it could be read: then a 404 is about its connection only. */
  app?: OktaApp,
): PlanError {
  const at = connection.definition.fields.id ?? connection.definition.source;
  if (error instanceof OktaApiError) {
    if (error.status === 404 && what === 'connection' && app) {
      return {
        code: 'connection-not-found',
        status: 404,
        at,
        message: `app "${app.label}" (${app.name}) exists, but Okta answers 404 for its provisioning connection: the connection cannot be read or managed through Okta's API. Check in the Admin Console that the app has provisioning, or remove this definition.`,
      };
    }
    if (error.status === 404) {
      return {
        code: 'app-not-found',
        status: 404,
        at,
        message: `app ${connection.id} does not exist in this org: check the id (Applications → the app → its URL ends with the id) and the org URL.`,
      };
    }
    if (error.status === 403) {
      return {
        code: error.errorCode ?? 'forbidden',
        status: 403,
        at,
        message: `no permission to read the ${what} of app ${connection.id}: ${error.message}`,
      };
    }
    return {
      code: error.errorCode ?? `http-${error.status}`,
      status: error.status,
      at,
      message: error.message,
    };
  }
  if (error instanceof OktaUnreachableError) return { code: OKTA_UNREACHABLE, at, message: error.message };
  if (error instanceof OktaNetworkError) return { code: 'network', at, message: error.message };
  return { code: 'error', at, message: error instanceof Error ? error.message : String(error) };
}
