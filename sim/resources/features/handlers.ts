/**
 * The Application Features API of the simulated org (sim/contract/app-features.openapi.yaml): list, read and
 * partially update an app's provisioning features, validated exactly as the spec's request schemas say.
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

const NOT_ENABLED = 'Provisioning is not enabled for the app instance.';

const DESCRIPTIONS: Record<SimFeatureName, string> = {
  USER_PROVISIONING: 'User provisioning settings from Okta to a downstream application',
  INBOUND_PROVISIONING: 'In-bound provisioning settings from an application to Okta',
};

/**
 * What a freshly connected app has: every switch off, as in the spec's list example (and the schema's
 * defaults: status DISABLED, seed RANDOM, change KEEP_EXISTING, usernameFormat EMAIL); no import schedule.
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
    importSettings: { username: { usernameFormat: 'EMAIL' }, schedule: { status: 'DISABLED' } },
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
  if (needsConsent(app.name) && connection.consent === 'pending') return undefined;
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

/** PUT /api/v1/apps/{id}/features/{name}: a partial update of the capabilities; answers the feature. */
export function handlePutFeature(req: SimRequest, state: SimState, appId: string, name: string): SimResponse {
  const app = state.apps.get(appId);
  if (!app) return appNotFound(appId);
  const parsed = jsonBody(req.rawBody);
  if ('error' in parsed) return parsed.error;
  const { body } = parsed;
  if (!offered(app, name)) return featureNotFound(appId, name);
  const features = enabledFeatures(app);
  if (!features?.[name]) return validationFailed('feature', [NOT_ENABLED]);
  const causes = checkValue(body, REQUEST_SCHEMAS[name], '');
  if (causes.length > 0) return validationFailed('capabilities', causes);
  const updated = merge(features[name], body as Record<string, unknown>);
  const username = (updated.importSettings as { username?: Record<string, unknown> } | undefined)?.username;
  if (username?.usernameFormat === 'CUSTOM' && typeof username.userNameExpression !== 'string') {
    return validationFailed('capabilities', [
      'importSettings.username.userNameExpression: The field cannot be left blank when usernameFormat is CUSTOM.',
    ]);
  }
  features[name] = updated;
  state.lastUpdated.set(app.id, new Date(req.now).toISOString());
  return json(200, render(app, name, updated, req.origin));
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
 * enforces them: unknown keys and values outside an enum are 400s, `required` keys must be there. Okta's
 * spec spells the username format `usernameFormat` in its schema (required) and `userNameFormat` in one
 * example; the schema is what Okta's generated SDKs send, so the sim accepts exactly that and refuses the
 * example's spelling as an unknown key. Likewise the example's `fullImport: null` is not in the schema.
 */
type Schema =
  | { object: Record<string, Schema>; required?: readonly string[] }
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
const schedule: Schema = { object: { expression: cron, timezone }, required: ['expression'] };

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
              usernameFormat: { enum: ['EMAIL', 'CUSTOM'] },
              userNameExpression: { string: () => undefined },
            },
            required: ['usernameFormat'],
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

/** Okta-style causes (`field: problem`) for every place the value breaks the schema. */
function checkValue(value: unknown, schema: Schema, at: string): string[] {
  const where = at || 'The request body';
  if ('enum' in schema) {
    return typeof value === 'string' && schema.enum.includes(value)
      ? []
      : [`${where}: Invalid value. Allowed values: ${schema.enum.join(', ')}.`];
  }
  if ('boolean' in schema) return typeof value === 'boolean' ? [] : [`${where}: must be true or false.`];
  if ('string' in schema) {
    if (typeof value !== 'string') return [`${where}: must be a string.`];
    const problem = schema.string(value);
    return problem ? [`${where}: ${problem}`] : [];
  }
  if (!isObject(value)) return [`${where}: must be a JSON object.`];
  const causes: string[] = [];
  for (const key of schema.required ?? []) {
    if (value[key] === undefined) causes.push(`${at ? `${at}.` : ''}${key}: The field cannot be left blank.`);
  }
  for (const [key, inner] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    const child = schema.object[key];
    if (!child) causes.push(`${path}: Unknown property.`);
    else causes.push(...checkValue(inner, child, path));
  }
  return causes;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
