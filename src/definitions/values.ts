/** The forms a definition's values take: Okta ids, strings, `{ env: NAME }` references, secrets. */
import { z } from 'zod';

export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const OKTA_ID_PATTERN = /^[A-Za-z0-9]{10,40}$/;

const envNameSchema = z
  .string()
  .regex(ENV_NAME_PATTERN)
  .describe('Name of an environment variable: letters, digits and underscores, not starting with a digit.');

export const envRefSchema = z
  .object({ env: envNameSchema })
  .strict()
  .describe(
    'Read the value from this environment variable at run time (pass it through the workflow `env:`).',
  );

export const stringOrEnv = (description: string) =>
  z.union([z.string().min(1), envRefSchema]).describe(`${description} A string, or { env: NAME }.`);

export const secretRef = (description: string) =>
  envRefSchema.describe(
    `${description} Sensitive: must be { env: NAME }, never a literal, so that secrets are never committed.`,
  );
