import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { alphanumeric, createRng } from './random.js';
import type { SimApp, SimConnection, SimOptions } from './types.js';

const connectionSchema = z.strictObject({
  authScheme: z.enum(['TOKEN', 'OAUTH2', 'UNKNOWN']),
  status: z.enum(['ENABLED', 'DISABLED', 'UNKNOWN']),
  baseUrl: z.string().optional(),
  clientId: z.string().optional(),
  rotationMode: z.enum(['AUTO', 'MANUAL']).optional(),
  token: z.string().optional(),
  adminUsername: z.string().optional(),
  adminPassword: z.string().optional(),
});

const appSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9]+$/, 'an Okta id: letters and digits'),
  name: z.string().min(1),
  label: z.string(),
  status: z.enum(['ACTIVE', 'INACTIVE']).optional(),
  connection: connectionSchema.optional(),
  features: z
    .partialRecord(z.enum(['USER_PROVISIONING', 'INBOUND_PROVISIONING']), z.record(z.string(), z.unknown()))
    .optional(),
});

const bucketLimitSchema = z.strictObject({
  limit: z.number().int().nonnegative(),
  windowMs: z.number().positive(),
});

const jwkSchema = z.looseObject({ kty: z.enum(['RSA', 'EC']) });

const seedSchema = z.strictObject({
  apps: z.array(appSchema).default([]),
  apiToken: z.string().min(1).optional(),
  rateLimits: z
    .strictObject({
      'apps-id': bucketLimitSchema.optional(),
      'apps-star': bucketLimitSchema.optional(),
      'apps-list': bucketLimitSchema.optional(),
      token: bucketLimitSchema.optional(),
    })
    .optional(),
  serviceApps: z
    .array(
      z.strictObject({
        clientId: z.string().min(1),
        publicJwk: jwkSchema,
        kid: z.string().optional(),
        scopes: z.array(z.string()),
        dpop: z.boolean().optional(),
      }),
    )
    .optional(),
});

/** Reads a YAML or JSON seed file `{ apps: [...], apiToken?, rateLimits?, serviceApps? }`. */
export async function loadSimOrg(file: string): Promise<SimOptions> {
  const text = await readFile(file, 'utf8');
  const raw: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  const parsed = seedSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(`invalid sim seed ${file}:\n${z.prettifyError(parsed.error)}`);
  const ids = new Set<string>();
  for (const app of parsed.data.apps) {
    if (ids.has(app.id)) throw new Error(`invalid sim seed ${file}: app id ${app.id} appears twice`);
    ids.add(app.id);
  }
  return parsed.data as SimOptions;
}

interface Template {
  name: string;
  label: string;
  connection?: (index: number, enabled: boolean) => SimConnection;
}

const status = (enabled: boolean) => (enabled ? 'ENABLED' : 'DISABLED');

/** Apps that get a connection, in rotation. */
const CONNECTED: Template[] = [
  {
    name: 'zscalerbyz',
    label: 'Zscaler',
    connection: (i, on) => ({
      authScheme: 'TOKEN',
      status: status(on),
      baseUrl: `https://scim.zscaler.example.com/scim/v1/${i}`,
    }),
  },
  {
    name: 'okta_org2org',
    label: 'Org2Org (token)',
    connection: (i, on) => ({
      authScheme: 'TOKEN',
      status: status(on),
      baseUrl: `https://partner-${i}.okta.com`,
    }),
  },
  {
    name: 'okta_org2org',
    label: 'Org2Org (OAuth)',
    connection: (i, on) => ({
      authScheme: 'OAUTH2',
      status: status(on),
      clientId: `0oahub${String(i).padStart(14, '0')}`,
      rotationMode: i % 2 === 0 ? 'AUTO' : 'MANUAL',
    }),
  },
  {
    name: 'office365',
    label: 'Office 365',
    connection: (_i, on) => ({ authScheme: 'OAUTH2', status: status(on) }),
  },
  {
    name: 'google',
    label: 'Google Workspace',
    connection: (_i, on) => ({ authScheme: 'OAUTH2', status: status(on) }),
  },
  { name: 'slack', label: 'Slack', connection: (_i, on) => ({ authScheme: 'OAUTH2', status: status(on) }) },
  { name: 'zoomus', label: 'Zoom', connection: (_i, on) => ({ authScheme: 'OAUTH2', status: status(on) }) },
];

/** Apps without a connection: some could have one (not set up), some have no provisioning at all. */
const UNCONNECTED: Template[] = [
  { name: 'bookmark', label: 'Bookmark' },
  { name: 'okta_org2org', label: 'Org2Org (not set up)' },
  { name: 'salesforce', label: 'Salesforce' },
  { name: 'zscalerbyz', label: 'Zscaler (not set up)' },
  { name: 'template_saml_2_0', label: 'Custom SAML app' },
];

/** A large deterministic org: the first `withConnections` (default n/2) apps have a connection, every 5th of them DISABLED. */
export function generateApps(n: number, opts: { withConnections?: number; seed?: number } = {}): SimApp[] {
  const rng = createRng(opts.seed ?? 1);
  const withConnections = Math.min(n, opts.withConnections ?? Math.floor(n / 2));
  const ids = new Set<string>();
  const apps: SimApp[] = [];
  for (let i = 0; i < n; i++) {
    let id: string;
    do id = `0oa${alphanumeric(17, rng)}`;
    while (ids.has(id));
    ids.add(id);
    const connected = i < withConnections;
    const pool = connected ? CONNECTED : UNCONNECTED;
    const template = pool[i % pool.length] as Template;
    const app: SimApp = { id, name: template.name, label: `${template.label} ${i + 1}`, status: 'ACTIVE' };
    if (connected && template.connection) app.connection = template.connection(i, i % 5 !== 4);
    apps.push(app);
  }
  return apps;
}
