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

export const SYNC_PASSWORD_SEEDS = ['OKTA', 'RANDOM'] as const;
export const SYNC_PASSWORD_CHANGES = ['CHANGE', 'KEEP_EXISTING'] as const;
export const USERNAME_FORMATS = ['EMAIL', 'CUSTOM'] as const;
export const MATCH_CRITERIA = ['EMAIL', 'USERNAME'] as const;

// Provisioning features (README "Provisioning features"): every value may be { env: NAME }; an absent key is left alone.
const switchOrEnv = (description: string) =>
  z.union([z.boolean(), envRefSchema]).describe(`${description} true or false, or { env: NAME }.`).optional();

const enumOrEnv = <T extends readonly [string, ...string[]]>(values: T, description: string) =>
  z
    .union([z.enum(values), envRefSchema])
    .describe(`${description} One of ${values.join(', ')}, or { env: NAME }.`)
    .optional();

const importScheduleSchema = (description: string) =>
  z
    .object({
      cron: stringOrEnv('When the import runs, in UNIX cron format (5 fields), e.g. "0 21 * * Mon".'),
      timezone: stringOrEnv('IANA time zone of the cron, e.g. Europe/Berlin.').optional(),
    })
    .strict()
    .describe(description)
    .optional();

export const toAppSchema = z
  .object({
    create_users: switchOrEnv('Create an app account for each user assigned in Okta.'),
    update_user_attributes: switchOrEnv("Push changes of an Okta user's profile to the app."),
    deactivate_users: switchOrEnv('Deactivate the app account when the user is unassigned or deactivated.'),
    sync_password: z
      .object({
        enabled: switchOrEnv('Push a password to the app for each assigned user.'),
        seed: enumOrEnv(SYNC_PASSWORD_SEEDS, "OKTA: the user's Okta password; RANDOM: a random password."),
        change: enumOrEnv(
          SYNC_PASSWORD_CHANGES,
          "CHANGE: push password changes too; KEEP_EXISTING: keep the app's password.",
        ),
      })
      .strict()
      .describe('Password sync.')
      .optional(),
  })
  .strict()
  .describe(
    '"To App" provisioning (Okta feature USER_PROVISIONING). Only the keys written here are managed.',
  );

export const toOktaSchema = z
  .object({
    username_format: enumOrEnv(
      USERNAME_FORMATS,
      'Okta username of imported users (CUSTOM needs username_expression).',
    ),
    username_expression: stringOrEnv(
      'With username_format CUSTOM: the Okta Expression Language statement for the username.',
    ).optional(),
    schedule: z
      .object({
        enabled: switchOrEnv('Run imports on a schedule.'),
        full_import: importScheduleSchema('Full import schedule.'),
        incremental_import: importScheduleSchema('Incremental import schedule.'),
      })
      .strict()
      .describe('Import schedule.')
      .optional(),
    match: z
      .object({
        exact_match_criteria: enumOrEnv(
          MATCH_CRITERIA,
          'Attribute that makes an imported user an exact match.',
        ),
        allow_partial_match: switchOrEnv('Match on first and last name when username and email differ.'),
        auto_confirm_partial_match: switchOrEnv('Confirm partial matches automatically.'),
        auto_confirm_exact_match: switchOrEnv('Confirm exact matches automatically.'),
        auto_confirm_new_users: switchOrEnv('Confirm new imported users automatically.'),
        auto_activate_new_users: switchOrEnv('Activate new imported users automatically.'),
      })
      .strict()
      .describe('Rules for matching and creating imported users.')
      .optional(),
  })
  .strict()
  .describe(
    '"To Okta" provisioning (Okta feature INBOUND_PROVISIONING). Only the keys written here are managed.',
  );

export const connectionSchema = z
  .object({
    id: z
      .union([z.string().regex(OKTA_ID_PATTERN), envRefSchema])
      .describe('The Okta application id, e.g. 0oa1234567890abcdef, or { env: NAME } for per-org ids.'),
    name: stringOrEnv("Label shown in plans (default: the app's label in Okta).").optional(),
    base_url: stringOrEnv('TOKEN only: the base URL of the provisioning API (https).').optional(),
    action: z.enum(ACTIONS).describe('activate: connection enabled; deactivate: connection disabled.'),
    profile: profileSchema,
    to_app: toAppSchema.optional(),
    to_okta: toOktaSchema.optional(),
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

/** Allowed keys of each feature block, by its YAML key, for "did you mean" hints. */
const scheduleShape = toOktaSchema.shape.schedule.unwrap().shape;
export const FEATURE_KEYS: Readonly<Record<string, readonly string[]>> = {
  to_app: Object.keys(toAppSchema.shape),
  sync_password: Object.keys(toAppSchema.shape.sync_password.unwrap().shape),
  to_okta: Object.keys(toOktaSchema.shape),
  schedule: Object.keys(scheduleShape),
  full_import: Object.keys(scheduleShape.full_import.unwrap().shape),
  incremental_import: Object.keys(scheduleShape.incremental_import.unwrap().shape),
  match: Object.keys(toOktaSchema.shape.match.unwrap().shape),
};

/** Fields whose value is a secret: only env references are allowed. */
export const SECRET_FIELDS = new Set(['token', 'admin_password']);

/** Fields sent to Okta but never returned by it: never shown or compared, so they need no `visible-env`. */
export const WRITE_ONLY_FIELDS = new Set([...SECRET_FIELDS, 'admin_username']);

export function definitionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(definitionFileSchema, { io: 'input', target: 'draft-7' }),
    $id: 'https://github.com/okta-app-connections/okta-app-connections/schema/connections.schema.json',
    title: 'okta-app-connections definition file',
  };
}
