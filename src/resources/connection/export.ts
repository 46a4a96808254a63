import type { FeatureValues } from '../../definitions/types.js';
import { baseUrlProblem } from '../../definitions/rules.js';
import { OKTA_ID_PATTERN } from '../../definitions/values.js';
import type { Logger } from '../../log.js';
import { silentLogger } from '../../log.js';
import { OktaApiError } from '../../okta/errors.js';
import type { OktaClient } from '../../okta/client.js';
import type { OktaApp } from '../../okta/types.js';
import type { OktaConnection } from './read.js';
import { readPublicKey } from './public-key.js';
import { appKindOf, hasPublicKey } from '../../kinds/index.js';
import type { PublicKeyNotice } from './public-key.js';
import type {
  ExportedConnection,
  ExportFailure,
  ExportFile,
  ExportResult,
  ExportVariable,
  SkippedApp,
} from '../../export/model.js';
import { readExportedFeatures } from '../features/export.js';
import { envSlug, fileSlug, NameAllocator, numbered } from '../../export/names.js';
import { renderDefinitionFile } from '../../export/render-yaml.js';

/** The reads an export needs (all GETs: an export never writes to Okta). */
export type ExportReader = Pick<
  OktaClient,
  'listApps' | 'getApp' | 'getConnection' | 'getConnectionJwks' | 'connectionJwksUrl' | 'listFeatures'
>;

export interface ExportOptions {
  /** Every app of the org (listed page by page), or only these app ids (read one by one). */
  apps: 'all' | readonly string[];
  /** Named in each file's header. */
  orgUrl?: string;
  /** Apps per page when listing (Okta's maximum, 200, by default). */
  pageSize?: number;
  logger?: Logger;
}

type LiveConnection = {
  app: OktaApp;
  live: OktaConnection & { authScheme: 'TOKEN' | 'OAUTH2' };
  publicKey?: PublicKeyNotice;
  features: { values: FeatureValues; notes: string[] };
};
type Read = LiveConnection | { skipped: SkippedApp } | { failure: ExportFailure };

/**
 * Reads the org's connections and turns each one that is set up into a definition file (not yet written).
 * Connection reads start while the app list is still being paged; the client paces and caps them. An app that
 * cannot be read is reported and does not stop the others; a failing app list stops the export.
 */
export async function exportConnections(reader: ExportReader, options: ExportOptions): Promise<ExportResult> {
  const logger = options.logger ?? silentLogger;
  const reads: Promise<Read>[] = [];
  if (options.apps === 'all') {
    for await (const app of reader.listApps({ ...(options.pageSize && { pageSize: options.pageSize }) })) {
      reads.push(readConnection(reader, app));
    }
  } else {
    for (const appId of new Set(options.apps)) reads.push(readAppById(reader, appId));
  }
  const results = await Promise.all(reads);
  logger.info(`export: read ${results.length} app(s)`);

  const connections = results.filter((read): read is LiveConnection => 'live' in read);
  const files = buildFiles(connections, options.orgUrl ? new URL(options.orgUrl).host : undefined);
  return {
    files,
    skipped: results
      .flatMap((read) => ('skipped' in read ? [read.skipped] : []))
      .sort((a, b) => a.label.localeCompare(b.label) || compareIds(a.appId, b.appId)),
    failures: results
      .flatMap((read) => ('failure' in read ? [read.failure] : []))
      .sort((a, b) => compareIds(a.appId, b.appId)),
    appsRead: results.length,
    variables: files.flatMap((file) => file.variables),
  };
}

async function readAppById(reader: ExportReader, appId: string): Promise<Read> {
  try {
    return await readConnection(reader, await reader.getApp(appId));
  } catch (error) {
    const message =
      error instanceof OktaApiError && error.status === 404
        ? `app ${appId} does not exist in this org; check the id (the app's URL in the Admin Console ends with it).`
        : `could not read app ${appId}: ${messageOf(error)}`;
    return { failure: { appId, message } };
  }
}

/** Reads the connection only of apps whose kind Okta's connection API supports: the others cannot have one. */
async function readConnection(reader: ExportReader, app: OktaApp): Promise<Read> {
  const skip = (reason: string): Read => ({
    skipped: { appId: app.id, label: app.label, appKind: app.name, reason },
  });
  const kind = appKindOf(app.name);
  if (!kind) return skip(`no provisioning connection that Okta's API manages (${app.name})`);
  if (!OKTA_ID_PATTERN.test(app.id)) return skip('its id is not a plain Okta id (letters and digits)');
  let live: OktaConnection;
  try {
    live = await reader.getConnection(app.id);
  } catch (error) {
    return {
      failure: {
        appId: app.id,
        label: app.label,
        message: `could not read the connection: ${messageOf(error)}`,
      },
    };
  }
  if (live.authScheme === 'UNKNOWN' || live.status === 'UNKNOWN') return skip('no connection set up');
  if (!kind.schemes.includes(live.authScheme)) {
    return skip(`its connection uses ${live.authScheme}, which Okta's API cannot manage for ${kind.label}`);
  }
  const features = await readExportedFeatures(reader, app.id);
  if ('error' in features) {
    const message = `could not read the provisioning features: ${messageOf(features.error)}`;
    return { failure: { appId: app.id, label: app.label, message } };
  }
  // Org2Org OAuth works only once the target org trusts the connection's key: one more read to show it.
  const publicKey = hasPublicKey(app.name, live.authScheme)
    ? await readPublicKey(reader, app.id, live, (text) => text)
    : undefined;
  return { app, live: { ...live, authScheme: live.authScheme }, features, ...(publicKey && { publicKey }) };
}

/** Names are handed out in app id order, so the same org always exports to the same files. */
function buildFiles(connections: LiveConnection[], orgHost: string | undefined): ExportFile[] {
  const fileNames = new NameAllocator();
  const envNames = new NameAllocator();
  const files = [...connections]
    .sort((a, b) => compareIds(a.app.id, b.app.id))
    .map(({ app, live, publicKey, features }) => {
      const { connection, variables } = toDefinition(app, live, envNames);
      if (publicKey) connection.publicKey = publicKey;
      if (Object.keys(features.values).length > 0) connection.features = features.values;
      connection.notes.push(...features.notes);
      const content = renderDefinitionFile(connection, { orgHost, variables });
      const stem = fileSlug(app.label) || fileSlug(`${app.name} ${app.id}`);
      const fileName = `${fileNames.take(fileCandidates(stem, app.id), (s) => [`${s}.yaml`])}.yaml`;
      return { fileName, content, connection, variables };
    });
  return files.sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0));
}

function* fileCandidates(stem: string, appId: string): Generator<string> {
  yield stem;
  yield* numbered(`${stem}-${appId.toLowerCase()}`, '-');
}

function toDefinition(
  app: OktaApp,
  live: LiveConnection['live'],
  envNames: NameAllocator,
): { connection: ExportedConnection; variables: ExportVariable[] } {
  const connection: ExportedConnection = {
    appId: app.id,
    label: app.label,
    appKind: app.name,
    action: live.status === 'ENABLED' ? 'activate' : 'deactivate',
    authScheme: live.authScheme,
    notes: [],
  };
  // The variables this connection reads: suffix, what it feeds, what to put in it. `write-only`: sent to
  // Okta but never returned, shown or compared (admin_username), so no `visible-env` and no secret.
  const wanted: [suffix: string, use: 'secret' | 'write-only' | 'shown', description: string][] = [];
  const kind = appKindOf(app.name);
  if (live.authScheme === 'TOKEN') {
    if (live.baseUrl !== undefined) {
      const problem = baseUrlProblem(live.baseUrl);
      if (problem) connection.notes.push(`base_url ${live.baseUrl} is left out: it ${problem}`);
      else connection.baseUrl = live.baseUrl;
    }
    wanted.push(['TOKEN', 'secret', 'the API token the app accepts for provisioning']);
  } else {
    if (live.clientId !== undefined) connection.clientId = live.clientId;
    else if (kind?.clientId) {
      wanted.push(['CLIENT_ID', 'shown', "the client id of the hub org's service app for this connection"]);
      connection.notes.push(kind.clientId.notReturned);
    }
    if (kind?.signing && live.rotationMode) connection.rotationMode = live.rotationMode;
    if (kind?.adminCredentials) {
      wanted.push(
        ['ADMIN_USERNAME', 'write-only', kind.adminCredentials.usernameVariable],
        ['ADMIN_PASSWORD', 'secret', kind.adminCredentials.passwordVariable],
      );
    }
  }
  if (wanted.length === 0) return { connection, variables: [] };

  const stem = envNames.take(numbered(envSlug(app.label) || envSlug(`${app.name}_${app.id}`), '_'), (s) =>
    wanted.map(([suffix]) => `${s}_${suffix}`),
  );
  const ref = (suffix: string) => ({ env: `${stem}_${suffix}` });
  if (connection.authScheme === 'TOKEN') connection.token = ref('TOKEN');
  if (wanted.some(([suffix]) => suffix === 'CLIENT_ID')) connection.clientId = ref('CLIENT_ID');
  if (kind?.adminCredentials) {
    connection.settings = { adminUsername: ref('ADMIN_USERNAME'), adminPassword: ref('ADMIN_PASSWORD') };
  }
  const variables = wanted.map(([suffix, use, description]) => ({
    name: `${stem}_${suffix}`,
    secret: use === 'secret',
    shown: use === 'shown',
    description,
    appId: app.id,
    label: app.label,
  }));
  return { connection, variables };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
