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
  DEFAULT_PATH,
  DEFAULT_RATE_LIMIT_SHARE,
  type AppSelection,
  type DefinitionSettings,
  type OktaSettings,
  type ScopeSetting,
} from '../run/settings.js';
import type { SecretRegistry } from '../secrets.js';
import type { CommandInput } from './events.js';
import { COMMENT_MODES, type CommentMode } from './comment-mode.js';
import { getInput } from './runner.js';

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
  const githubToken = getInput('github-token');
  secrets.add(githubToken);
  const credentials = parseCredentials(
    {
      apiToken: getInput('okta-api-token'),
      clientId: getInput('okta-client-id'),
      privateKey: getInput('okta-private-key'),
      keyId: getInput('okta-key-id'),
      scopes: getInput('okta-scopes'),
    },
    { apiToken: '`okta-api-token`', clientId: '`okta-client-id`', privateKey: '`okta-private-key`' },
    secrets,
  );
  const orgUrl = parseOrg('okta-org-url', getInput('okta-org-url'));
  const limits = {
    rateLimitShare: parseWholeNumber(
      'rate-limit-share',
      getInput('rate-limit-share'),
      DEFAULT_RATE_LIMIT_SHARE,
      1,
      100,
    ),
    maxConcurrency: parseWholeNumber(
      'max-concurrency',
      getInput('max-concurrency'),
      DEFAULT_MAX_CONCURRENCY,
      1,
      64,
    ),
  };
  return {
    command: parseChoice(
      'command',
      getInput('command'),
      ['auto', 'plan', 'apply', 'validate', 'export'],
      'auto',
    ),
    definitions: {
      path: getInput('path') || DEFAULT_PATH,
      workspace,
      visibleEnv: parseVariableNames('visible-env', getInput('visible-env')),
    },
    ...(orgUrl && { orgUrl }),
    ...(orgUrl && credentials && { okta: { orgUrl, credentials, ...limits } }),
    githubToken,
    comment: parseChoice('comment', getInput('comment'), COMMENT_MODES, 'update'),
    planCheck: parseChoice('plan-check', getInput('plan-check'), ['strict', 'off'], 'strict'),
    ...optional('planHash', parsePlanHash('plan-hash', getInput('plan-hash'))),
    rotateSecrets: parseAppSelection('rotate-secrets', getInput('rotate-secrets'), []),
    driftIssue: parseBoolean('drift-issue', getInput('drift-issue')),
    exportApps: parseAppSelection('export-apps', getInput('export-apps'), 'all'),
    maxDeactivations: parseWholeNumber(
      'max-deactivations',
      getInput('max-deactivations'),
      DEFAULT_MAX_DEACTIVATIONS,
      0,
      100_000,
    ),
    scope: parseChoice('scope', getInput('scope'), ['auto', 'changed', 'all'], 'auto'),
    ...optional('label', parseLabel(getInput('label'))),
    prLabels: parseBoolean('pr-labels', getInput('pr-labels')),
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
