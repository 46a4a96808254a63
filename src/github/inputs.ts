/** The action's inputs (action.yml) parsed into the use cases' settings; secrets registered first. */
import {
  parseAppSelection,
  parseBoolean,
  parseChoice,
  parseCredentials,
  parsePlanHash,
  parseOrg,
  parseVariableNames,
  parseWholeNumber,
  SettingsError,
} from '../run/parse.js';
import {
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_DEACTIVATIONS,
  DEFAULT_RATE_LIMIT_SHARE,
  type AppSelection,
  type DefinitionSettings,
  type OktaSettings,
  type ScopeSetting,
} from '../run/settings.js';
import { INPUTS, type InputName } from '../run/settings-table.js';
import type { SecretRegistry } from '../secrets.js';
import type { CommandInput } from './events.js';
import { COMMENT_MODES, type CommentMode } from './comment-mode.js';
import { getInput } from './runner.js';

/**
 * An input by its action.yml name; when the workflow leaves it out and the runner did not fill in the
 * default (a test or a local run), the table's default, unless that is an expression only the runner can
 * evaluate (`${{ github.token }}`).
 */
function input(name: InputName): string {
  const fallback: string = INPUTS[name].default;
  return getInput(name) || (fallback.startsWith('${{') ? '' : fallback);
}

export interface ActionSettings {
  command: CommandInput;
  definitions: DefinitionSettings;
  /** The org, when `okta-org-url` is set. */
  orgUrl?: string;
  /** The org with one auth method, when both are set. */
  okta?: OktaSettings;
  githubToken: string;
  comment: CommentMode;
  planCheck: 'strict' | 'off';
  planHash?: string;
  rotateSecrets: AppSelection;
  driftIssue: boolean;
  exportApps: AppSelection;
  maxDeactivations: number;
  scope: ScopeSetting;
  /** Heads the comment, the summary and the drift issue; absent: the org host and definitions path. */
  label?: string;
  /** Label pull requests by what their plan does (okta:changes, okta:deactivation, okta:no-changes). */
  prLabels: boolean;
}

export function readActionSettings(workspace: string, secrets: SecretRegistry): ActionSettings {
  const githubToken = input('github-token');
  secrets.add(githubToken);
  const { orgUrl, okta } = readOktaSettings(secrets);
  return {
    command: parseChoice(
      'command',
      input('command'),
      ['auto', 'plan', 'apply', 'validate', 'export'],
      INPUTS.command.default,
    ),
    definitions: {
      path: input('path'),
      workspace,
      visibleEnv: parseVariableNames('visible-env', input('visible-env')),
    },
    ...(orgUrl && { orgUrl }),
    ...(okta && { okta }),
    githubToken,
    comment: parseChoice('comment', input('comment'), COMMENT_MODES, INPUTS.comment.default),
    planCheck: parseChoice(
      'plan-check',
      input('plan-check'),
      ['strict', 'off'],
      INPUTS['plan-check'].default,
    ),
    ...optional('planHash', parsePlanHash('plan-hash', input('plan-hash'))),
    rotateSecrets: parseAppSelection('rotate-secrets', input('rotate-secrets'), []),
    driftIssue: parseBoolean('drift-issue', input('drift-issue')),
    exportApps: parseAppSelection('export-apps', input('export-apps'), INPUTS['export-apps'].default),
    maxDeactivations: parseWholeNumber(
      'max-deactivations',
      input('max-deactivations'),
      DEFAULT_MAX_DEACTIVATIONS,
      0,
      100_000,
    ),
    scope: parseChoice('scope', input('scope'), ['auto', 'changed', 'all'], INPUTS.scope.default),
    ...optional('label', parseLabel(input('label'))),
    prLabels: parseBoolean('pr-labels', input('pr-labels')),
  };
}

/** The org, how to sign in to it, and how much of its rate limits to use. */
function readOktaSettings(secrets: SecretRegistry): Pick<ActionSettings, 'orgUrl' | 'okta'> {
  const credentials = parseCredentials(
    {
      apiToken: input('okta-api-token'),
      clientId: input('okta-client-id'),
      privateKey: input('okta-private-key'),
      keyId: input('okta-key-id'),
      scopes: input('okta-scopes'),
    },
    { apiToken: '`okta-api-token`', clientId: '`okta-client-id`', privateKey: '`okta-private-key`' },
    secrets,
  );
  const orgUrl = parseOrg('okta-org-url', input('okta-org-url'));
  const limits = {
    rateLimitShare: parseWholeNumber(
      'rate-limit-share',
      input('rate-limit-share'),
      DEFAULT_RATE_LIMIT_SHARE,
      1,
      100,
    ),
    maxConcurrency: parseWholeNumber(
      'max-concurrency',
      input('max-concurrency'),
      DEFAULT_MAX_CONCURRENCY,
      1,
      64,
    ),
  };
  return {
    ...(orgUrl && { orgUrl }),
    ...(orgUrl && credentials && { okta: { orgUrl, credentials, ...limits } }),
  };
}

/** The longest `label`: a headline, not a paragraph. */
const LABEL_CHARS = 100;

function parseLabel(value: string): string | undefined {
  const label = value.trim();
  if (label === '') return undefined;
  if (label.length > LABEL_CHARS || /[\r\n]/.test(label)) {
    throw new SettingsError(
      `\`label\` must be one line of at most ${LABEL_CHARS} characters (it heads the PR comment); got ${label.length} characters. Shorten it.`,
    );
  }
  return label;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}
