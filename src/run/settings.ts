/**
 * The plain settings every use case takes: what both shells (the action's inputs, the CLI's flags and
 * environment) are parsed into, checked once in ./parse.ts.
 */
import type { OktaCredentials } from '../okta/client.js';
import type { ScopeRequest } from '../plan/scope.js';
import { INPUTS } from './settings-table.js';

export type Command = 'validate' | 'plan' | 'apply' | 'export';

/** `all`, or Okta app ids. */
export type AppSelection = 'all' | readonly string[];

export interface DefinitionSettings {
  /** The `path` input: a folder or newline-separated globs, relative to the workspace. */
  path: string;
  /** The repository checkout: nothing outside it is read. */
  workspace: string;
  /** Variables that shown fields may read (`visible-env`). */
  visibleEnv: readonly string[];
}

export interface OktaSettings {
  orgUrl: string;
  credentials: OktaCredentials;
  /** Largest percentage of any Okta rate-limit bucket to use. */
  rateLimitShare: number;
  /** Most Okta requests in flight. */
  maxConcurrency: number;
}

/** `scope`: which connections a plan reads. */
export type ScopeSetting = 'auto' | 'changed' | 'all';

export interface PlanSettings extends DefinitionSettings {
  okta: OktaSettings;
  /** Without it, every definition is planned (and the plan says nothing of a scope). */
  scope?: ScopeRequest;
  /** `rotate-secrets`: re-send the secrets of these connections even if nothing else changed. */
  rotateSecrets: AppSelection;
}

export interface ApplySettings extends PlanSettings {
  /** Apply only if the fresh plan has this hash. */
  planHash?: string;
  /** `strict`: apply only a reviewed plan; `off`: whatever the definitions say. */
  planCheck: 'strict' | 'off';
  /** An apply that would deactivate more connections writes nothing. */
  maxDeactivations: number;
}

export interface ExportSettings {
  /** One folder to write into, relative to the workspace (or absolute). */
  folder: string;
  workspace: string;
  /** Refuse a folder that resolves (links followed) outside the workspace: the action's checkout. */
  confined: boolean;
  okta: OktaSettings;
  apps: AppSelection;
  /** Replace existing files. */
  force: boolean;
}

/** The defaults of action.yml, which the CLI shares (see ./settings-table.ts). */
export const DEFAULT_PATH = INPUTS.path.default;
export const DEFAULT_SCOPES = INPUTS['okta-scopes'].default.split(' ');
export const DEFAULT_RATE_LIMIT_SHARE = Number(INPUTS['rate-limit-share'].default);
export const DEFAULT_MAX_CONCURRENCY = Number(INPUTS['max-concurrency'].default);
export const DEFAULT_MAX_DEACTIVATIONS = Number(INPUTS['max-deactivations'].default);
