import type { z } from 'zod';
import { KEYS, SECRET_FIELDS } from './schema.js';
import { ENV_NAME_PATTERN } from './values.js';
import { FEATURE_KEYS, featureIssueMessage } from '../resources/features/schema.js';
import { suggest } from './suggest.js';
import { formatPath, valueAt, type YamlPath } from './document.js';

type Issue = z.core.$ZodIssue;

export interface IssueText {
  path: YamlPath;
  /** The problem is about a key (unknown key): point at the key, not its value. */
  atKey: boolean;
  message: string;
}

/** One zod issue, with what every message needs: where it is and the value found there. */
interface IssueAt {
  issue: Issue;
  root: unknown;
  path: YamlPath;
  value: unknown;
  /** The path as the message shows it, in backticks. */
  where: string;
  /** The last key of the path. */
  field: string;
}

type IssueDescriber = (at: IssueAt) => IssueText[] | undefined;
const one = (path: YamlPath, message: string, atKey = false): IssueText[] => [{ path, atKey, message }];

/** Turns zod's issues into messages that say what is wrong and how to fix it. */
export function describeIssue(issue: Issue, root: unknown): IssueText[] {
  const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
  const at: IssueAt = {
    issue,
    root,
    path,
    value: valueAt(root, path),
    where: `\`${formatPath(path)}\``,
    field: String(path[path.length - 1] ?? ''),
  };
  // The first describer that knows the issue says it; the order matters (a missing secret is "required").
  for (const describe of DESCRIBERS) {
    const texts = describe(at);
    if (texts) return texts;
  }
  return one(path, `${at.where}: ${issue.message}`);
}

const unknownKeys: IssueDescriber = ({ issue, path, where }) => {
  if (issue.code !== 'unrecognized_keys') return undefined;
  const allowed = allowedKeys(path);
  return issue.keys.map((key) => {
    const hint = suggest(key, allowed);
    return {
      path: [...path, key],
      atKey: true,
      message:
        `unknown key \`${key}\` in ${path.length ? where : 'the file'}` +
        (hint ? `; did you mean \`${hint}\`?` : `; allowed keys: ${allowed.join(', ')}.`),
    };
  });
};

const literalSecret: IssueDescriber = ({ path, value, where, field, root }) => {
  if (!SECRET_FIELDS.has(field) || (typeof value !== 'string' && typeof value !== 'number')) return undefined;
  return one(
    path,
    `${where} is a literal secret. Secrets must never be committed: write \`${field}: { env: ${suggestEnvName(path, root)} }\` and pass the value from a GitHub secret through the workflow's \`env:\`.`,
  );
};

const featureSetting: IssueDescriber = ({ path, value }) => {
  const message = featureIssueMessage(path, value);
  return message ? one(path, message) : undefined;
};

const required: IssueDescriber = ({ issue, path, value, where, field }) => {
  const missing =
    value === undefined &&
    (issue.code === 'invalid_value' || issue.code === 'invalid_type' || issue.code === 'invalid_union');
  return missing ? one(path, `${where} is required; ${requiredHint(field)}`, true) : undefined;
};

const notOneOf: IssueDescriber = ({ issue, path, value, where }) => {
  if (issue.code !== 'invalid_value') return undefined;
  const allowed = issue.values.map(String);
  const hint = typeof value === 'string' ? suggest(value, allowed) : undefined;
  return one(
    path,
    `${where} must be one of: ${allowed.join(', ')} (got ${show(value)})` +
      (hint ? `; did you mean \`${hint}\`? Values are case-sensitive.` : '.'),
  );
};

const badEnvName: IssueDescriber = ({ issue, path, value, where, field }) => {
  if (field !== 'env' && !(issue.code === 'invalid_format' && path[path.length - 1] === 'env'))
    return undefined;
  return one(
    path,
    `${where}: ${show(value)} is not a valid environment variable name; use letters, digits and underscores, not starting with a digit (e.g. ZSCALER_SCIM_TOKEN).`,
  );
};

const badAppId: IssueDescriber = ({ path, value, where, field }) => {
  if (field !== 'id' || path.length !== 3) return undefined;
  return one(
    path,
    `${where}: ${show(value)} is not an Okta application id; ids are 10 to 40 letters and digits, such as 0oa1234567890abcdef (copy it from the app's URL in the Okta Admin Console), or { env: NAME }.`,
  );
};

/** A string-or-{ env } field: explain both forms, or the inner problem of the { env } form. */
const notStringOrEnv: IssueDescriber = ({ issue, path, value, where }) => {
  if (issue.code !== 'invalid_union') return undefined;
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return one(
      path,
      `${where} must be a non-empty string or { env: NAME } (got ${show(value)}); quote values that YAML would read as numbers or booleans.`,
    );
  }
  const keys = Object.keys(value);
  const env = (value as { env?: unknown }).env;
  if (keys.length === 1 && keys[0] === 'env' && (typeof env !== 'string' || !ENV_NAME_PATTERN.test(env))) {
    return one(
      [...path, 'env'],
      `${where}: ${show(env)} is not a valid environment variable name; use letters, digits and underscores, not starting with a digit.`,
    );
  }
  return one(
    path,
    `${where} must be a string or { env: NAME }; the object here has keys ${keys.join(', ') || '(none)'}.`,
  );
};

const wrongType: IssueDescriber = ({ issue, path, value, where }) => {
  if (issue.code !== 'invalid_type') return undefined;
  return one(
    path,
    `${where} must be ${article(issue.expected)} (got ${show(value)}).${issue.expected === 'array' ? ' Start each connection with "- ".' : ''}`,
  );
};

const DESCRIBERS: readonly IssueDescriber[] = [
  unknownKeys,
  literalSecret,
  featureSetting,
  required,
  notOneOf,
  badEnvName,
  badAppId,
  notStringOrEnv,
  wrongType,
];

function allowedKeys(path: YamlPath): readonly string[] {
  const last = path[path.length - 1];
  if (path.length === 0) return KEYS.file;
  if (typeof last === 'number') return KEYS.connection;
  if (last === 'profile') return KEYS.profile;
  if (last === 'signing') return KEYS.signing;
  if (last === 'settings') return KEYS.settings;
  if (typeof last === 'string' && Object.hasOwn(FEATURE_KEYS, last)) return FEATURE_KEYS[last]!;
  return KEYS.envRef;
}

function requiredHint(field: string): string {
  switch (field) {
    case 'action':
      return 'add `action: activate` or `action: deactivate`.';
    case 'profile':
      return 'add a `profile:` with at least `auth_scheme: TOKEN` or `auth_scheme: OAUTH2`.';
    case 'auth_scheme':
      return 'add `auth_scheme: TOKEN` or `auth_scheme: OAUTH2`.';
    case 'id':
      return "add the Okta application id (from the app's URL in the Admin Console), e.g. `id: 0oa1234567890abcdef`.";
    case 'connections':
      return 'the file must have a top-level `connections:` list.';
    case 'cron':
      return 'Okta needs the cron of every import schedule, e.g. `cron: "0 21 * * Mon"`.';
    case 'admin_username':
    case 'admin_password':
      return 'Office 365 settings need both `admin_username` and `admin_password`.';
    default:
      return `add \`${field}\`.`;
  }
}

/** A readable env name for the fix hint, from the connection's name or id. */
function suggestEnvName(path: YamlPath, root: unknown): string {
  const connection = valueAt(root, path.slice(0, 2)) as { name?: unknown; id?: unknown } | undefined;
  const base = typeof connection?.name === 'string' ? connection.name : 'OKTA_APP';
  const suffix = path[path.length - 1] === 'token' ? 'TOKEN' : 'ADMIN_PASSWORD';
  const slug = base
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .replace(/^(\d)/, '_$1');
  return `${slug || 'OKTA_APP'}_${suffix}`;
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 57)}...` : value}"`;
  return `${typeof value} ${String(value)}`;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping (key: value lines)',
    array: 'a list',
    string: 'a string',
  };
  return names[expected] ?? expected;
}
