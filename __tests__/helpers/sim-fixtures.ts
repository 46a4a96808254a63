import type { AppKind, SimApp, SimConnection } from '../../sim/types.js';

/**
 * The simulated Okta apps and provisioning feature settings that tests seed the simulator with.
 *
 * Each builder takes the app's id and small overrides: top-level keys replace the builder's, `connection`
 * keys are laid over the builder's connection, and a key given as `undefined` is left out of the app
 * (`connection: { clientId: undefined }` is a connection without a client id, as if never written). The
 * simulator copies its seed (startOktaSim), so a run never changes what a builder returned.
 *
 * The apps of the repository's demo org (ids, labels, values) are in sim/sample-org.yaml (see e2e.ts).
 */

export type AppOverrides = Partial<Omit<SimApp, 'id' | 'name' | 'connection'>> & {
  connection?: Partial<SimConnection>;
};

/** The label of each kind where a test does not care which. */
const LABELS = {
  zscalerbyz: 'Zscaler',
  okta_org2org: 'Org2Org',
  office365: 'Office 365',
  google: 'Google',
  slack: 'Slack',
  zoomus: 'Zoom',
  bookmark: 'Bookmark',
} as const;
const labelOf = (name: AppKind): string => (name in LABELS ? LABELS[name as keyof typeof LABELS] : name);

/** `value` without its keys that are `undefined` (so an override can remove a key, not just blank it). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

function withOverrides(base: SimApp & { connection: SimConnection }, overrides: AppOverrides): SimApp {
  const { connection, ...rest } = overrides;
  return { ...defined({ ...base, ...rest }), connection: defined({ ...base.connection, ...connection }) };
}

/**
 * Zscaler (SCIM 2.0) with an enabled TOKEN connection. No base URL unless given: a test whose definitions
 * name one shows it next to them.
 */
export function zscalerToken(id: string, overrides: AppOverrides = {}): SimApp {
  return withOverrides(
    {
      id,
      name: 'zscalerbyz',
      label: LABELS.zscalerbyz,
      connection: { authScheme: 'TOKEN', status: 'ENABLED' },
    },
    overrides,
  );
}

/** Org2Org with an enabled TOKEN connection to a partner org (the sample org's legacy partner). */
export function org2orgToken(id: string, overrides: AppOverrides = {}): SimApp {
  return withOverrides(
    {
      id,
      name: 'okta_org2org',
      label: 'Legacy partner',
      connection: { authScheme: 'TOKEN', status: 'ENABLED', baseUrl: 'https://legacy-partner.okta.com' },
    },
    overrides,
  );
}

/** Org2Org as an OAuth hub: an enabled OAUTH2 connection through a service app, keys rotated by Okta. */
export function org2orgOAuthHub(id: string, overrides: AppOverrides = {}): SimApp {
  return withOverrides(
    {
      id,
      name: 'okta_org2org',
      label: 'Partner hub',
      connection: {
        authScheme: 'OAUTH2',
        status: 'ENABLED',
        clientId: '0oa5hubservice00001',
        rotationMode: 'AUTO',
      },
    },
    overrides,
  );
}

/**
 * A consent app (Office 365, Google, Slack, Zoom) with an enabled OAUTH2 connection. Seeded without
 * `consent`, it counts as consented; `connection: { status: 'DISABLED', consent: 'pending' }` is one still
 * waiting for an admin's consent.
 */
function consentApp(name: 'office365' | 'google' | 'slack' | 'zoomus') {
  return (id: string, overrides: AppOverrides = {}): SimApp =>
    withOverrides(
      { id, name, label: LABELS[name], connection: { authScheme: 'OAUTH2', status: 'ENABLED' } },
      overrides,
    );
}

export const office365 = consentApp('office365');
export const google = consentApp('google');
export const slack = consentApp('slack');
export const zoom = consentApp('zoomus');

/**
 * An app without a connection: one that could have one but is not set up (Okta answers its connection
 * UNKNOWN), or one (bookmark) that has no provisioning at all.
 */
export function notSetUp(
  name: AppKind,
  id: string,
  overrides: Partial<Omit<SimApp, 'id' | 'name' | 'connection'>> = {},
): SimApp {
  return defined({ id, name, label: labelOf(name), ...overrides });
}

/** USER_PROVISIONING as an admin set it in the Admin Console: all on but deactivation, Okta's passwords. */
export const CONSOLE_USER_PROVISIONING = {
  create: { lifecycleCreate: { status: 'ENABLED' } },
  update: {
    profile: { status: 'ENABLED' },
    lifecycleDeactivate: { status: 'DISABLED' },
    password: { status: 'ENABLED', seed: 'OKTA', change: 'CHANGE' },
  },
};

/**
 * INBOUND_PROVISIONING as an admin set it in the Admin Console, nothing at Okta's defaults but the username
 * format; in real Okta's spelling (`userNameFormat`) and with its null for the unset incremental import.
 */
export const CONSOLE_INBOUND_PROVISIONING = {
  importSettings: {
    username: { userNameFormat: 'EMAIL' },
    schedule: {
      status: 'ENABLED',
      fullImport: { expression: '0 3 * * Sun', timezone: 'Asia/Tokyo' },
      incrementalImport: null,
    },
  },
  importRules: {
    userCreateAndMatch: {
      exactMatchCriteria: 'USERNAME',
      allowPartialMatch: true,
      autoConfirmPartialMatch: true,
      autoConfirmExactMatch: true,
      autoConfirmNewUsers: true,
      autoActivateNewUsers: true,
    },
  },
};

/** Both features as set in the Admin Console; a fresh copy, for tests that change it. */
export function consoleFeatures() {
  return structuredClone({
    USER_PROVISIONING: CONSOLE_USER_PROVISIONING,
    INBOUND_PROVISIONING: CONSOLE_INBOUND_PROVISIONING,
  });
}
