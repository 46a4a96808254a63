/** A connection in a definition file (snake_case), as users write it; cross-field rules are in definitions/rules.ts. */
import { z } from 'zod';
import { envRefSchema, OKTA_ID_PATTERN, secretRef, stringOrEnv } from '../../definitions/values.js';
import { toAppSchema, toOktaSchema } from '../features/schema.js';

const ACTIONS = ['activate', 'deactivate'] as const;
const AUTH_SCHEMES = ['TOKEN', 'OAUTH2'] as const;
const ROTATION_MODES = ['AUTO', 'MANUAL'] as const;

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
    to_app: toAppSchema.optional(),
    to_okta: toOktaSchema.optional(),
  })
  .strict();

export type ConnectionInput = z.output<typeof connectionSchema>;
