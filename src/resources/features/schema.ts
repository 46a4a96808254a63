/**
 * Provisioning features in the definitions: every setting of `to_app` and `to_okta`,
 * where Okta keeps it, and the checks of its value. One table, used by validation, plan, apply and export.
 */
import { z } from 'zod';
import { formatPath, valueAt, type RuleFinding, type YamlPath } from '../../definitions/document.js';
import { envRefSchema, stringOrEnv } from '../../definitions/values.js';
import { suggest } from '../../definitions/suggest.js';
import {
  isEnvRef,
  type DeclaredFeatures,
  type EnvRef,
  type FeatureValue,
  type FeatureValues,
} from '../../definitions/types.js';

/** The `to_app` and `to_okta` blocks of a connection: every value may be { env: NAME }; an absent key is left alone. */
const SYNC_PASSWORD_SEEDS = ['OKTA', 'RANDOM'] as const;
const SYNC_PASSWORD_CHANGES = ['CHANGE', 'KEEP_EXISTING'] as const;
const USERNAME_FORMATS = ['EMAIL', 'CUSTOM'] as const;
const MATCH_CRITERIA = ['EMAIL', 'USERNAME'] as const;

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

export type FeatureName = 'USER_PROVISIONING' | 'INBOUND_PROVISIONING';
export const FEATURE_NAMES: readonly FeatureName[] = ['USER_PROVISIONING', 'INBOUND_PROVISIONING'];

/** What a setting holds. `switch` is true/false in the file and ENABLED/DISABLED at Okta. */
type SettingType =
  | { kind: 'switch' }
  | { kind: 'boolean' }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'cron' }
  | { kind: 'timezone' }
  | { kind: 'text' };

interface FeatureSetting {
  /** As written in the definition, e.g. `to_app.create_users`. */
  path: string;
  feature: FeatureName;
  /** Where Okta keeps it inside the feature's `capabilities`. */
  api: readonly string[];
  type: SettingType;
}

/** The block of each feature in a definition. */
export const FEATURE_BLOCKS: Record<FeatureName, 'to_app' | 'to_okta'> = {
  USER_PROVISIONING: 'to_app',
  INBOUND_PROVISIONING: 'to_okta',
};

const SWITCH = { kind: 'switch' } as const;
const BOOLEAN = { kind: 'boolean' } as const;
const toApp = (path: string, api: string, type: SettingType): FeatureSetting => ({
  path: `to_app.${path}`,
  feature: 'USER_PROVISIONING',
  api: api.split('.'),
  type,
});
const toOkta = (path: string, api: string, type: SettingType): FeatureSetting => ({
  path: `to_okta.${path}`,
  feature: 'INBOUND_PROVISIONING',
  api: api.split('.'),
  type,
});
const schedule = (item: string, api: string) => [
  toOkta(`schedule.${item}.cron`, `importSettings.schedule.${api}.expression`, { kind: 'cron' }),
  toOkta(`schedule.${item}.timezone`, `importSettings.schedule.${api}.timezone`, { kind: 'timezone' }),
];
const match = (path: string, api: string) =>
  toOkta(`match.${path}`, `importRules.userCreateAndMatch.${api}`, BOOLEAN);

/** Every setting, in the order plans and exports list them. */
export const FEATURE_SETTINGS: readonly FeatureSetting[] = [
  toApp('create_users', 'create.lifecycleCreate.status', SWITCH),
  toApp('update_user_attributes', 'update.profile.status', SWITCH),
  toApp('deactivate_users', 'update.lifecycleDeactivate.status', SWITCH),
  toApp('sync_password.enabled', 'update.password.status', SWITCH),
  toApp('sync_password.seed', 'update.password.seed', { kind: 'enum', values: SYNC_PASSWORD_SEEDS }),
  toApp('sync_password.change', 'update.password.change', { kind: 'enum', values: SYNC_PASSWORD_CHANGES }),
  // `userNameFormat`, as real Okta answers and Okta's examples and guide send it (one schema says `usernameFormat`).
  toOkta('username_format', 'importSettings.username.userNameFormat', {
    kind: 'enum',
    values: USERNAME_FORMATS,
  }),
  toOkta('username_expression', 'importSettings.username.userNameExpression', { kind: 'text' }),
  toOkta('schedule.enabled', 'importSettings.schedule.status', SWITCH),
  ...schedule('full_import', 'fullImport'),
  ...schedule('incremental_import', 'incrementalImport'),
  toOkta('match.exact_match_criteria', 'importRules.userCreateAndMatch.exactMatchCriteria', {
    kind: 'enum',
    values: MATCH_CRITERIA,
  }),
  match('allow_partial_match', 'allowPartialMatch'),
  match('auto_confirm_partial_match', 'autoConfirmPartialMatch'),
  match('auto_confirm_exact_match', 'autoConfirmExactMatch'),
  match('auto_confirm_new_users', 'autoConfirmNewUsers'),
  match('auto_activate_new_users', 'autoActivateNewUsers'),
];

const BY_PATH = new Map(FEATURE_SETTINGS.map((setting) => [setting.path, setting]));

export function featureSetting(path: string): FeatureSetting | undefined {
  return BY_PATH.get(path);
}

/** The settings a connection (as parsed from YAML) declares, flat by path. */
export function declaredFeatures(connection: unknown): DeclaredFeatures | undefined {
  if (!hasFeatureBlock(connection)) return undefined;
  const declared: DeclaredFeatures = {};
  for (const { path } of FEATURE_SETTINGS) {
    const value = valueAt(connection, path.split('.'));
    if (typeof value === 'boolean' || typeof value === 'string' || isEnvRef(value)) declared[path] = value;
  }
  return Object.keys(declared).length > 0 ? declared : undefined;
}

/** Most connections declare no features: a look at the two keys spares walking every setting. */
function hasFeatureBlock(connection: unknown): boolean {
  if (!connection || typeof connection !== 'object') return false;
  const { to_app: toApp, to_okta: toOkta } = connection as Record<string, unknown>;
  return toApp !== undefined || toOkta !== undefined;
}

/** The features a definition declares settings of. */
export function declaredFeatureNames(values: Record<string, unknown>): FeatureName[] {
  const names = new Set(Object.keys(values).flatMap((path) => featureSetting(path)?.feature ?? []));
  return (Object.keys(FEATURE_BLOCKS) as FeatureName[]).filter((name) => names.has(name));
}

/** A value read from the environment, converted and checked exactly like one written in the file. */
export function parseSettingText(
  setting: FeatureSetting,
  text: string,
): { value: FeatureValue } | { problem: string } {
  const { type } = setting;
  if (type.kind === 'switch' || type.kind === 'boolean') {
    if (text === 'true' || text === 'false') return { value: text === 'true' };
    return { problem: `must be true or false (got ${JSON.stringify(text)}).` };
  }
  if (type.kind === 'enum' && !type.values.includes(text)) {
    const hint = suggest(text, type.values);
    return {
      problem:
        `must be one of: ${type.values.join(', ')} (got ${JSON.stringify(text)})` +
        (hint ? `; did you mean \`${hint}\`? Values are case-sensitive.` : '.'),
    };
  }
  const problem = valueProblem(setting, text);
  return problem ? { problem } : { value: text };
}

/** Checks of a string value beyond its type: a cron of 5 fields, an IANA time zone. */
function valueProblem(setting: FeatureSetting, text: string): string | undefined {
  if (setting.type.kind === 'cron' && !/^[0-9A-Za-z*/,?-]+( [0-9A-Za-z*/,?-]+){4}$/.test(text.trim())) {
    return `${JSON.stringify(text)} is not a UNIX cron schedule of 5 fields (minute hour day month weekday), e.g. "0 21 * * Mon".`;
  }
  if (setting.type.kind === 'timezone' && !isTimeZone(text)) {
    return `${JSON.stringify(text)} is not an IANA time zone; write one such as Europe/Berlin or America/New_York.`;
  }
  return undefined;
}

function isTimeZone(name: string): boolean {
  if (name.length === 0 || name.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * A zod issue about a feature value, as a message that names the expected values (`must be true or false`),
 * or undefined for other paths and for `{ env }` objects (the general messages explain those).
 */
export function featureIssueMessage(path: YamlPath, value: unknown): string | undefined {
  const setting = featureSetting(path.slice(2).join('.'));
  if (!setting || (value !== null && typeof value === 'object') || value === undefined) return undefined;
  const where = `\`${formatPath(path)}\``;
  const got = typeof value === 'string' ? JSON.stringify(value) : String(value);
  switch (setting.type.kind) {
    case 'switch':
    case 'boolean': {
      const quoted = value === 'true' || value === 'false' ? ' Write it without quotes.' : '';
      return `${where} must be true or false, or { env: NAME } (got ${got}).${quoted}`;
    }
    case 'enum': {
      const hint = typeof value === 'string' ? suggest(value, setting.type.values) : undefined;
      return (
        `${where} must be one of: ${setting.type.values.join(', ')}, or { env: NAME } (got ${got})` +
        (hint ? `; did you mean \`${hint}\`? Values are case-sensitive.` : '.')
      );
    }
    default:
      return undefined;
  }
}

/**
 * The feature rules that need no Okta access, on the raw parsed connection: literal values checked (cron,
 * time zone) and `username_format: CUSTOM` ⇔ `username_expression`. Values from `{ env }` are checked when read.
 * A connection to deactivate gets a warning: its features are not written (see `readLiveFeatures`).
 */
export function checkFeatureRules(connection: Record<string, unknown>, path: YamlPath): RuleFinding[] {
  const findings: RuleFinding[] = [];
  if (!hasFeatureBlock(connection)) return findings;
  for (const setting of FEATURE_SETTINGS) {
    const value = valueAt(connection, setting.path.split('.'));
    const problem = typeof value === 'string' ? valueProblem(setting, value) : undefined;
    if (problem) {
      const at = [...path, ...setting.path.split('.')];
      findings.push({
        path: at,
        atKey: false,
        severity: 'error',
        message: `\`${formatPath(at)}\`: ${problem}`,
      });
    }
  }
  if (connection.action === 'deactivate') {
    const blocks = (['to_app', 'to_okta'] as const).filter(
      (block) => valueAt(connection, [block]) !== undefined,
    );
    findings.push({
      path: [...path, 'action'],
      atKey: true,
      severity: 'warning',
      message: `\`${formatPath(path)}\` has \`action: deactivate\`, so its provisioning features (${blocks.map((b) => `\`${b}\``).join(', ')}) are neither compared nor written: Okta keeps them only while provisioning is enabled. They apply once \`action\` is \`activate\`; remove them to silence this warning.`,
    });
  }
  const toOkta = valueAt(connection, ['to_okta']);
  const pair = usernamePairProblem(
    valueAt(toOkta, ['username_format']),
    valueAt(toOkta, ['username_expression']),
    `${formatPath([...path, 'to_okta'])}.`,
  );
  if (pair) {
    findings.push({
      path: [...path, 'to_okta', pair.field],
      atKey: true,
      severity: 'error',
      message: pair.message,
    });
  }
  return findings;
}

/**
 * `username_format: CUSTOM` needs `username_expression`, which needs CUSTOM. An `{ env }` format is judged
 * once read (pass its value); undefined values mean "not declared".
 */
export function usernamePairProblem(
  format: unknown,
  expression: unknown,
  prefix = 'to_okta.',
): { field: 'username_format' | 'username_expression'; message: string } | undefined {
  if (isEnvRef(format)) return undefined;
  if (format === 'CUSTOM' && expression === undefined) {
    return {
      field: 'username_format',
      message: `\`${prefix}username_format: CUSTOM\` needs \`username_expression\`: the Okta Expression Language statement that makes the username, e.g. \`appuser.email\`.`,
    };
  }
  if (expression !== undefined && format !== 'CUSTOM') {
    return {
      field: 'username_expression',
      message: `\`${prefix}username_expression\` is used only with \`username_format: CUSTOM\`${format === undefined ? '' : ` (here ${String(format)})`}; set \`username_format: CUSTOM\` or remove the expression.`,
    };
  }
  return undefined;
}

/**
 * Reads the `{ env }` values of a definition's features through the definitions' own `read` (which reports a
 * missing variable) and checks each like a literal; `fail` reports a problem at the setting's place.
 */
export function resolveFeatureValues(
  declared: DeclaredFeatures,
  read: (value: EnvRef, field: string) => string | undefined,
  fail: (field: string, message: string) => void,
): FeatureValues {
  const values: FeatureValues = {};
  for (const [path, value] of Object.entries(declared)) {
    const setting = featureSetting(path);
    if (!setting) continue;
    if (!isEnvRef(value)) {
      values[path] = value;
      continue;
    }
    const text = read(value, path);
    if (text === undefined || text === '') continue;
    const parsed = parseSettingText(setting, text);
    if ('problem' in parsed) fail(path, `\`${path}\` from ${value.env}: ${parsed.problem}`);
    else values[path] = parsed.value;
  }
  const format = declared['to_okta.username_format'];
  if (isEnvRef(format) && values['to_okta.username_format'] !== undefined) {
    const pair = usernamePairProblem(
      values['to_okta.username_format'],
      declared['to_okta.username_expression'],
    );
    if (pair) fail(`to_okta.${pair.field}`, `${pair.message} (username_format from ${format.env})`);
  }
  return values;
}

/** A value as plans show it. */
export function showFeatureValue(value: FeatureValue): string {
  return String(value);
}
