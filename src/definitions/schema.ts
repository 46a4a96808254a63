import { z } from 'zod';

/**
 * The definition file format, as written by users (snake_case). The JSON Schema in `schema/` is generated
 * from this, so editors and the action can never disagree. Cross-field rules that zod cannot express well
 * with positions (TOKEN needs `token`, …) live in rules.ts.
 */

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const OKTA_ID_PATTERN = /^[A-Za-z0-9]{10,40}$/;

export const envNameSchema = z
  .string()
  .regex(ENV_NAME_PATTERN)
  .describe('Name of an environment variable: letters, digits and underscores, not starting with a digit.');

export const envRefSchema = z
  .object({ env: envNameSchema })
  .strict()
  .describe(
    'Read the value from this environment variable at run time (pass it through the workflow `env:`).',
  );

const stringOrEnv = (description: string) =>
  z.union([z.string().min(1), envRefSchema]).describe(`${description} A string, or { env: NAME }.`);

const secretRef = (description: string) =>
  envRefSchema.describe(
    `${description} Sensitive: must be { env: NAME }, never a literal, so that secrets are never committed.`,
  );

export const ACTIONS = ['activate', 'deactivate'] as const;
export const AUTH_SCHEMES = ['TOKEN', 'OAUTH2'] as const;
export const ROTATION_MODES = ['AUTO', 'MANUAL'] as const;

export const profileSchema = z
  .object({
    auth_scheme: z.enum(AUTH_SCHEMES).describe('TOKEN (bearer token) or OAUTH2.'),
    token: secretRef('TOKEN only: the provisioning API token.').optional(),
    client_id: stringOrEnv("OAUTH2, Org2Org: the hub org's service app client id.").optional(),
    signing: z
      .object({
        rotation_mode: z
          .enum(ROTATION_MODES)
          .describe('AUTO: Okta rotates the signing key; MANUAL: you rotate it.')
          .optional(),
      })
      .strict()
      .describe('OAUTH2, Org2Org only: signing key rotation.')
      .optional(),
    settings: z
      .object({
        admin_username: stringOrEnv('Office 365 global administrator username.'),
        admin_password: secretRef('Office 365 global administrator password.'),
      })
      .strict()
      .describe('OAUTH2, Office 365 only: admin credentials (both keys required).')
      .optional(),
  })
  .strict();

export const connectionSchema = z
  .object({
    id: z
      .union([z.string().regex(OKTA_ID_PATTERN), envRefSchema])
      .describe('The Okta application id, e.g. 0oa1234567890abcdef, or { env: NAME } for per-org ids.'),
    name: stringOrEnv("Label shown in plans (default: the app's label in Okta).").optional(),
    base_url: stringOrEnv('TOKEN only: the base URL of the provisioning API (https).').optional(),
    action: z.enum(ACTIONS).describe('activate: connection enabled; deactivate: connection disabled.'),
    profile: profileSchema,
  })
  .strict();

export const definitionFileSchema = z
  .object({
    $schema: z.string().optional().describe('Optional: the JSON Schema this file follows.'),
    connections: z.array(connectionSchema).describe('The provisioning connections defined in this file.'),
  })
  .strict()
  .describe('okta-app-connections definition file: provisioning connections of Okta applications.');

export type DefinitionFileInput = z.input<typeof definitionFileSchema>;
export type ConnectionInput = z.output<typeof connectionSchema>;

/** Allowed keys at each level, for "did you mean" hints. */
export const KEYS = {
  file: Object.keys(definitionFileSchema.shape),
  connection: Object.keys(connectionSchema.shape),
  profile: Object.keys(profileSchema.shape),
  signing: ['rotation_mode'],
  settings: ['admin_username', 'admin_password'],
  envRef: ['env'],
} as const;

/** Fields whose value is a secret: only env references are allowed. */
export const SECRET_FIELDS = new Set(['token', 'admin_password']);

export function definitionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(definitionFileSchema, { io: 'input', target: 'draft-7' }),
    $id: 'https://github.com/okta-app-connections/okta-app-connections/schema/connections.schema.json',
    title: 'okta-app-connections definition file',
  };
}
