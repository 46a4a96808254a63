import type { Env, ResolvedConnection } from '../definitions/env.js';
import type { Problem } from '../definitions/types.js';
import { OktaApiError, OktaNetworkError } from '../okta/errors.js';
import type { OktaApp, OktaConnection } from '../okta/types.js';
import { basePlan, compareConnection } from './compare.js';
import { planHash } from './hash.js';
import { countPlan, type ConnectionPlan, type Plan, type PlanError } from './model.js';

/** The reads a plan needs; the Okta client provides them. */
export interface ConnectionReader {
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
  const planned = await Promise.all(
    connections.map(async (connection): Promise<ConnectionPlan> => {
      const [app, live] = await Promise.allSettled([
        reader.getApp(connection.id),
        reader.getConnection(connection.id),
      ]);
      if (app.status === 'rejected')
        return { ...basePlan(connection), error: readError(app.reason, connection, 'app') };
      if (live.status === 'rejected') {
        return {
          ...basePlan(connection, app.value),
          error: readError(live.reason, connection, 'connection'),
        };
      }
      return compareConnection({
        connection,
        app: app.value,
        live: live.value,
        rotate: rotate(connection.id),
        env: options.env,
      });
    }),
  );
  return assemblePlan(planned, options);
}

export function assemblePlan(
  planned: ConnectionPlan[],
  options: Pick<PlanOptions, 'orgUrl' | 'path' | 'warnings'>,
): Plan {
  const connections = [...planned].sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
  const counts = countPlan(connections);
  const org = new URL(options.orgUrl).host;
  return {
    version: 1,
    org,
    key: planKey(options.orgUrl, options.path),
    connections,
    counts,
    changes: connections.some((connection) => connection.operations.length > 0),
    hash: planHash(connections),
    warnings: options.warnings ?? [],
  };
}

/** Org host + normalized path: one sticky comment per org and definitions folder. */
export function planKey(orgUrl: string, path: string): string {
  const normalized = path
    .split(/\r?\n/)
    .map((entry) => entry.trim().replace(/^\.\//, '').replace(/\/+$/, ''))
    .filter(Boolean)
    .sort()
    .join(',');
  return `${new URL(orgUrl).host}/${normalized || 'okta/connections'}`;
}

/** A read failure as a per-connection error that says what to check. */
export function readError(
  error: unknown,
  connection: ResolvedConnection,
  what: 'app' | 'connection',
): PlanError {
  const at = connection.definition.fields.id ?? connection.definition.source;
  if (error instanceof OktaApiError) {
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
  if (error instanceof OktaNetworkError) return { code: 'network', at, message: error.message };
  return { code: 'error', at, message: error instanceof Error ? error.message : String(error) };
}
