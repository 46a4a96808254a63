/** A place in a definition file, 1-based, path relative to the workspace. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** One problem with the definitions, always with a place and a message that says how to fix it. */
export interface Problem extends SourceLocation {
  severity: Severity;
  message: string;
}

/** `{ env: NAME }`: the value comes from an environment variable at run time. */
export interface EnvRef {
  env: string;
}

/** A string field that may also be an env reference (for per-org values). */
export type StringValue = string | EnvRef;

export type FeatureValue = boolean | string;
/** Feature settings by path (`to_app.create_users`); only the ones a definition declares (or, for export, that Okta has). */
export type FeatureValues = Record<string, FeatureValue>;
/** As declared, before `{ env }` values are read. */
export type DeclaredFeatures = Record<string, FeatureValue | EnvRef>;

export type ConnectionAction = 'activate' | 'deactivate';
export type AuthScheme = 'TOKEN' | 'OAUTH2';
export type RotationMode = 'AUTO' | 'MANUAL';

/** One connection as written in a definition file (snake_case keys mapped to camelCase). */
export interface ConnectionDefinition {
  id: StringValue;
  name?: StringValue;
  baseUrl?: StringValue;
  action: ConnectionAction;
  profile: {
    authScheme: AuthScheme;
    token?: EnvRef;
    clientId?: StringValue;
    signing?: { rotationMode?: RotationMode };
    settings?: { adminUsername: StringValue; adminPassword: EnvRef };
  };
  /** The `to_app` / `to_okta` settings it declares, flat by path (`to_app.create_users`). */
  features?: DeclaredFeatures;
  /** Where the list item starts. */
  source: SourceLocation;
  /** Where each field's value starts, keyed by its YAML path (`profile.client_id`), for later errors. */
  fields: Record<string, SourceLocation>;
}

export function isEnvRef(value: unknown): value is EnvRef {
  return typeof value === 'object' && value !== null && typeof (value as EnvRef).env === 'string';
}
