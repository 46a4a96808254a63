/**
 * The Application Features API of the simulated org (sim/contract/app-features.openapi.yaml): list, read and
 * update an app's provisioning features. Answers are shaped as real Okta's recorded ones (sim/contract/
 * recordings): `userNameFormat`, `"fullImport": null`; requests are checked against the spec's request schemas
 * as corrected by that traffic (see REQUEST_SCHEMAS).
 */
import { needsConsent, offeredFeatures, supportsProvisioning } from '../../kinds/index.js';
import {
  appNotFound,
  json,
  jsonBody,
  notFound,
  validationFailed,
  type SimResponse,
} from '../../responses.js';
import type { SimRequest, SimState } from '../../state.js';
import type { SimApp, SimFeatureName, SimFeatures } from '../../types.js';
import { consentHolds } from '../connection/consent.js';

const NOT_ENABLED = 'Provisioning is not enabled for the app instance.';

const DESCRIPTIONS: Record<SimFeatureName, string> = {
  USER_PROVISIONING: 'User provisioning settings from Okta to a downstream application',
  // As real Okta answers it (recordings TestAccDataSourceOktaAppFeatures_read); the spec's example words it shorter.
  INBOUND_PROVISIONING: 'In-bound provisioning settings for provisioning users from an application to Okta',
};

/**
 * What a freshly connected app has: every switch off, as in the spec's list example (and the schema's
 * defaults: status DISABLED, seed RANDOM, change KEEP_EXISTING, username format EMAIL); no import schedule,
 * which real Okta answers as `fullImport: null, incrementalImport: null`. The username format is spelled
 * `userNameFormat`, as real Okta answers it.
 */
function defaultCapabilities(name: SimFeatureName): Record<string, unknown> {
  if (name === 'USER_PROVISIONING') {
    return {
      create: { lifecycleCreate: { status: 'DISABLED' } },
      update: {
        profile: { status: 'DISABLED' },
        lifecycleDeactivate: { status: 'DISABLED' },
        password: { status: 'DISABLED', seed: 'RANDOM', change: 'KEEP_EXISTING' },
      },
    };
  }
  return {
    importSettings: {
      username: { userNameFormat: 'EMAIL' },
      schedule: { status: 'DISABLED', fullImport: null, incrementalImport: null },
    },
    importRules: {
      userCreateAndMatch: {
        exactMatchCriteria: 'EMAIL',
        allowPartialMatch: false,
        autoConfirmPartialMatch: false,
        autoConfirmExactMatch: false,
        autoConfirmNewUsers: false,
        autoActivateNewUsers: false,
      },
    },
  };
}

/**
 * The app's features while provisioning is enabled: its connection is set up (and, for a consent app,
 * consented). Created with Okta's defaults the first time they are needed; seeds and tests may preset them.
 */
function enabledFeatures(app: SimApp): SimFeatures | undefined {
  const connection = app.connection;
  if (!supportsProvisioning(app.name) || !connection) return undefined;
  if (connection.authScheme === 'UNKNOWN' || connection.status === 'UNKNOWN') return undefined;
  if (needsConsent(app.name) && !consentHolds(connection)) return undefined;
  const features = (app.features ??= {});
  for (const name of offeredFeatures(app.name)) features[name] ??= defaultCapabilities(name);
  return features;
}

function render(app: SimApp, name: SimFeatureName, capabilities: unknown, origin: string) {
  return {
    name,
    status: 'ENABLED',
    description: DESCRIPTIONS[name],
    capabilities,
    _links: {
      self: {
        href: `${origin}/api/v1/apps/${app.id}/features/${name}`,
        hints: { allow: ['GET', 'PUT'] },
      },
    },
  };
}

function offered(app: SimApp, name: string): name is SimFeatureName {
  return offeredFeatures(app.name).includes(name as SimFeatureName);
}

/** GET /api/v1/apps/{id}/features: 400 while provisioning is not enabled. */
export function handleListFeatures(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  const features = enabledFeatures(app);
  if (!features) return validationFailed('feature', [NOT_ENABLED]);
  const names = offeredFeatures(app.name);
  return json(
    200,
    names.map((name) => render(app, name, features[name], req.origin)),
  );
}

/**
 * GET /api/v1/apps/{id}/features/{name}. The spec documents no 400 here, so a feature that does not exist yet
 * (provisioning not enabled) is a 404 like one the app does not offer.
 */
export function handleGetFeature(req: SimRequest, state: SimState, appId: string, name: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  const features = enabledFeatures(app);
  if (!offered(app, name) || !features?.[name]) return featureNotFound(appId, name);
  return json(200, render(app, name, features[name], req.origin));
}

/**
 * PUT /api/v1/apps/{id}/features/{name}: answers the feature as it now is. Keys the request schema does not
 * know (such as the schema's own `usernameFormat` spelling, or the guide's `timeZone`) are ignored, as Okta
 * ignores unknown properties; values outside an enum are 400s. How the change lands depends on the org
 * (`featureUpdates`): `replace-sections` (default) replaces each top-level section it is sent (`create`,
 * `update`, `importSettings`, `importRules`) with Okta's defaults overlaid by what was sent, so a setting left
 * out of a sent section is reset; `merge` merges key by key.
 */
export function handlePutFeature(req: SimRequest, state: SimState, appId: string, name: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  const parsed = jsonBody(req.rawBody);
  if ('error' in parsed) return parsed.error;
  const { body } = parsed;
  if (!offered(app, name)) return featureNotFound(appId, name);
  const features = enabledFeatures(app);
  if (!features?.[name]) return validationFailed('feature', [NOT_ENABLED]);
  const checked = checkValue(body, REQUEST_SCHEMAS[name], '');
  if (checked.causes.length > 0) return validationFailed('capabilities', checked.causes);
  const change = checked.known as Record<string, unknown>;
  const current = features[name];
  const updated =
    state.org.featureUpdates === 'merge'
      ? merge(current, change)
      : replaceSections(current, change, defaultCapabilities(name));
  const username = (updated.importSettings as { username?: Record<string, unknown> } | undefined)?.username;
  if (username?.userNameFormat === 'CUSTOM' && typeof username.userNameExpression !== 'string') {
    return validationFailed('capabilities', [
      'importSettings.username.userNameExpression: The field cannot be left blank when userNameFormat is CUSTOM.',
    ]);
  }
  features[name] = updated;
  state.lastUpdated.set(app.id, new Date(req.now).toISOString());
  return json(200, render(app, name, updated, req.origin));
}

/** Each top-level section sent replaces the current one: Okta's defaults for it, overlaid by what was sent. */
function replaceSections(
  current: Record<string, unknown>,
  change: Record<string, unknown>,
  defaults: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [section, value] of Object.entries(change)) {
    const base = defaults[section];
    out[section] = isObject(value) && isObject(base) ? merge(base, value) : value;
  }
  return out;
}

function featureNotFound(appId: string, name: string): SimResponse {
  return notFound(`${name} (AppFeature of ${appId})`);
}

/** Partial update: objects merge key by key, anything else replaces. */
function merge(current: Record<string, unknown>, change: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(change)) {
    const before = out[key];
    out[key] = isObject(value) && isObject(before) ? merge(before, value) : value;
  }
  return out;
}

/*
 * The request schemas of the spec (CapabilitiesObject, CapabilitiesInboundProvisioningObject), as the sim
 * enforces them, corrected by real traffic: the username format is `userNameFormat` (real answers, the spec's
 * examples and Okta's provisioning guide; only one schema says `usernameFormat`), and an import schedule item
 * may be `null` (real answers carry `"fullImport": null`) or `{}` (the guide's example): both mean "not set".
 * Values outside an enum and a schedule item without its `expression` are 400s; unknown keys are ignored.
 */
type Schema =
  | { object: Record<string, Schema>; required?: readonly string[]; unsetWhenEmpty?: true }
  | { enum: readonly string[] }
  | { boolean: true }
  | { string: (value: string) => string | undefined };

const STATUS: Schema = { enum: ['ENABLED', 'DISABLED'] };
const BOOLEAN: Schema = { boolean: true };
const status = (): Schema => ({ object: { status: STATUS } });
const cron: Schema = {
  string: (value) =>
    /^\S+( \S+){4}$/.test(value.trim()) ? undefined : 'Invalid cron expression: it must have 5 fields.',
};
const timezone: Schema = {
  string: (value) => {
    if (value.length < 1 || value.length > 64) return 'The time zone must be 1 to 64 characters long.';
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: value });
      return undefined;
    } catch {
      return `Invalid time zone: ${value}.`;
    }
  },
};
const schedule: Schema = {
  object: { expression: cron, timezone },
  required: ['expression'],
  unsetWhenEmpty: true,
};

const REQUEST_SCHEMAS: Record<SimFeatureName, Schema> = {
  USER_PROVISIONING: {
    object: {
      create: { object: { lifecycleCreate: status() } },
      update: {
        object: {
          profile: status(),
          lifecycleDeactivate: status(),
          password: {
            object: {
              status: STATUS,
              seed: { enum: ['OKTA', 'RANDOM'] },
              change: { enum: ['CHANGE', 'KEEP_EXISTING'] },
            },
          },
        },
      },
    },
  },
  INBOUND_PROVISIONING: {
    required: ['importSettings', 'importRules'],
    object: {
      importSettings: {
        object: {
          username: {
            object: {
              userNameFormat: { enum: ['EMAIL', 'CUSTOM'] },
              userNameExpression: { string: () => undefined },
            },
          },
          schedule: { object: { status: STATUS, fullImport: schedule, incrementalImport: schedule } },
        },
      },
      importRules: {
        object: {
          userCreateAndMatch: {
            object: {
              exactMatchCriteria: { enum: ['EMAIL', 'USERNAME'] },
              allowPartialMatch: BOOLEAN,
              autoConfirmPartialMatch: BOOLEAN,
              autoConfirmExactMatch: BOOLEAN,
              autoConfirmNewUsers: BOOLEAN,
              autoActivateNewUsers: BOOLEAN,
            },
          },
        },
      },
    },
  },
};

/**
 * Okta-style causes (`field: problem`) for every place the value breaks the schema, and the value with only
 * the keys the schema knows (the rest is ignored).
 */
function checkValue(value: unknown, schema: Schema, at: string): { causes: string[]; known: unknown } {
  const where = at || 'The request body';
  const fail = (cause: string) => ({ causes: [`${where}: ${cause}`], known: undefined });
  if ('enum' in schema) {
    if (typeof value === 'string' && schema.enum.includes(value)) return { causes: [], known: value };
    return fail(`Invalid value. Allowed values: ${schema.enum.join(', ')}.`);
  }
  if ('boolean' in schema) {
    return typeof value === 'boolean' ? { causes: [], known: value } : fail('must be true or false.');
  }
  if ('string' in schema) {
    if (typeof value !== 'string') return fail('must be a string.');
    const problem = schema.string(value);
    return problem ? fail(problem) : { causes: [], known: value };
  }
  if (schema.unsetWhenEmpty && (value === null || (isObject(value) && Object.keys(value).length === 0))) {
    return { causes: [], known: null };
  }
  if (!isObject(value)) return fail('must be a JSON object.');
  const causes: string[] = [];
  const known: Record<string, unknown> = {};
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) causes.push(`${at ? `${at}.` : ''}${key}: The field cannot be left blank.`);
  }
  for (const [key, inner] of Object.entries(value)) {
    const child = schema.object[key];
    if (!child) continue;
    const checked = checkValue(inner, child, at ? `${at}.${key}` : key);
    causes.push(...checked.causes);
    known[key] = checked.known;
  }
  return { causes, known };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
