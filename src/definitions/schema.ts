import { z } from 'zod';
import { connectionSchema, profileSchema } from '../resources/connection/schema.js';

/**
 * The definition file format, as written by users (snake_case). The JSON Schema in `schema/` is generated
 * from this, so editors and the action can never disagree. Cross-field rules that zod cannot express well
 * with positions (TOKEN needs `token`, …) live in rules.ts.
 */

export const definitionFileSchema = z
  .object({
    $schema: z.string().optional().describe('Optional: the JSON Schema this file follows.'),
    connections: z.array(connectionSchema).describe('The provisioning connections defined in this file.'),
  })
  .strict()
  .describe('okta-app-connections definition file: provisioning connections of Okta applications.');

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

/** Fields sent to Okta but never returned by it: never shown or compared, so they need no `visible-env`. */
export const WRITE_ONLY_FIELDS = new Set([...SECRET_FIELDS, 'admin_username']);

export function definitionJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(definitionFileSchema, { io: 'input', target: 'draft-7' }),
    $id: 'https://github.com/okta-app-connections/okta-app-connections/schema/connections.schema.json',
    title: 'okta-app-connections definition file',
  };
}
