import type { PublicKeyNotice } from '../resources/connection/public-key.js';
import type { FeatureValues } from '../definitions/types.js';
import type { ConnectionAction, EnvRef, RotationMode, StringValue } from '../definitions/types.js';

/** One live connection as it will be written: the definition's values, secrets as `{ env }` placeholders. */
export interface ExportedConnection {
  appId: string;
  /** The app's label in Okta (written as `name`); may be empty. */
  label: string;
  /** Okta's app name, e.g. `zscalerbyz`. */
  appKind: string;
  action: ConnectionAction;
  authScheme: 'TOKEN' | 'OAUTH2';
  baseUrl?: string;
  clientId?: StringValue;
  rotationMode?: RotationMode;
  token?: EnvRef;
  settings?: { adminUsername: EnvRef; adminPassword: EnvRef };
  /** Every current provisioning-feature setting (`to_app.create_users` …), written as `to_app` / `to_okta`. */
  features?: FeatureValues;
  /** Extra header comment lines: what could not be exported as it is in Okta, and why. */
  notes: string[];
  /** Org2Org OAuth: the key to register with the service app in the target org (shown in the report). */
  publicKey?: PublicKeyNotice;
}

/** An environment variable the exported files read, which the user must create. */
export interface ExportVariable {
  name: string;
  /** Holds a secret (create it as a GitHub secret), or a plain per-org value. */
  secret: boolean;
  /** Feeds a field plans show, so `visible-env` must name it (not so for write-only values). */
  shown: boolean;
  /** What to put in it. */
  description: string;
  appId: string;
  label: string;
}

export interface ExportFile {
  /** File name inside the export folder, e.g. `zscaler-production.yaml`. */
  fileName: string;
  content: string;
  connection: ExportedConnection;
  variables: ExportVariable[];
}

export interface SkippedApp {
  appId: string;
  label: string;
  appKind: string;
  reason: string;
}

export interface ExportFailure {
  appId: string;
  label?: string;
  message: string;
}

export interface ExportResult {
  /** Sorted by file name. */
  files: ExportFile[];
  /** Apps without a connection this project can manage; sorted by label. */
  skipped: SkippedApp[];
  /** Apps or connections that could not be read; the others are still exported. */
  failures: ExportFailure[];
  /** Apps looked at (listed, or asked for by id). */
  appsRead: number;
  /** Every variable of every file, in file order. */
  variables: ExportVariable[];
}
