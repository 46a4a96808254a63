/**
 * The one table of the action's inputs and outputs: names, defaults and descriptions as action.yml states
 * them (a test holds action.yml and the README's tables to it), and for each input the CLI flag or
 * environment variable that sets the same thing locally, where the CLI has one.
 */

export interface InputRow {
  /** What the runner passes when a workflow leaves the input out; `${{ … }}` is an expression it evaluates. */
  default: string;
  description: string;
  /** The CLI's flag (without `--`) and environment variable for the same setting. */
  cli?: { flag?: string; env?: string };
}

export interface OutputRow {
  description: string;
}

export const INPUTS = {
  command: {
    default: 'auto',
    description:
      'What to do: auto (pull_request opened/synchronize/reopened/edited/ready_for_review → plan, push to the default branch → apply, schedule and workflow_dispatch → plan, any other event → validate), plan, apply, validate or export. pull_request_target is refused; apply writes only from the default branch.',
  },
  path: {
    default: 'okta/connections',
    description: 'Folder or newline-separated globs of definition files (*.yaml, *.yml).',
  },
  'okta-org-url': {
    default: '',
    description:
      'The Okta org, e.g. https://example.okta.com (a custom domain works). Required except for validate.',
    cli: { flag: 'org', env: 'OKTA_ORG_URL' },
  },
  'okta-api-token': {
    default: '',
    description: 'Okta API token (SSWS). Use either this or okta-client-id with okta-private-key.',
    cli: { env: 'OKTA_API_TOKEN' },
  },
  'okta-client-id': {
    default: '',
    description: 'Client id of an Okta OAuth 2.0 service app (private_key_jwt).',
    cli: { flag: 'client-id', env: 'OKTA_CLIENT_ID' },
  },
  'okta-private-key': {
    default: '',
    description: 'Private key of that service app, PEM (PKCS#8 or PKCS#1) or JWK JSON; RSA or EC P-256.',
    cli: { env: 'OKTA_PRIVATE_KEY' },
  },
  'okta-key-id': {
    default: '',
    description: 'The kid of that key, when the service app has several keys.',
    cli: { flag: 'key-id', env: 'OKTA_KEY_ID' },
  },
  'okta-scopes': {
    default: 'okta.apps.read okta.apps.manage',
    description: 'Scopes asked for with OAuth (space separated).',
    cli: { flag: 'scopes', env: 'OKTA_SCOPES' },
  },
  'github-token': {
    default: '${{ github.token }}',
    description: 'Token for the PR comment, the merged-PR lookup and the drift issue.',
  },
  comment: {
    default: 'update',
    description:
      'PR comment: update (one sticky comment), changes-only (like update, but no comment while the pull request changes nothing in Okta; an existing one is updated to say so), new (new comment, older ones minimized as outdated) or off.',
  },
  'plan-check': {
    default: 'strict',
    description:
      'strict: on merge, apply only the changes of merged pull requests whose review records still match, per connection (drift is listed, never written); off: apply what the branch says.',
  },
  'plan-hash': {
    default: '',
    description: 'With apply from workflow_dispatch, apply only if the fresh plan has this hash.',
    cli: { flag: 'plan-hash' },
  },
  'rotate-secrets': {
    default: '',
    description:
      'all, or app ids (comma or newline separated) whose write-only secrets are re-sent even if nothing else changed.',
    cli: { flag: 'rotate-secrets' },
  },
  'rate-limit-share': {
    default: '50',
    description: 'The largest percentage of any Okta rate-limit bucket this run may use.',
    cli: { flag: 'rate-limit-share' },
  },
  'max-concurrency': {
    default: '8',
    description: 'Most Okta requests in flight at once.',
    cli: { flag: 'max-concurrency' },
  },
  'drift-issue': {
    default: 'false',
    description:
      'On schedule, keep one open issue while the org drifts from the repository, and close it when in sync.',
  },
  'export-apps': {
    default: 'all',
    description: 'With export, all or the app ids to export.',
    cli: { flag: 'apps' },
  },
  scope: {
    default: 'auto',
    description:
      'Which connections a plan reads: changed (those whose definitions the pull request or the merge changed; needs actions/checkout with fetch-depth: 2), all; auto = changed on pull_request and push, all otherwise.',
  },
  'visible-env': {
    default: '',
    description:
      'Environment variables (comma or newline separated) that definitions may read into shown fields (id, name, base_url, client_id, feature values; admin_username is write-only and needs none). Secrets never belong here.',
    cli: { flag: 'visible-env', env: 'OKTA_VISIBLE_ENV' },
  },
  'max-deactivations': {
    default: '5',
    description:
      'An apply that would deactivate more connections than this writes nothing and says how to proceed.',
    cli: { flag: 'max-deactivations' },
  },
  label: {
    default: '',
    description:
      'Names the plan in the headline of the PR comment, the job summary and the drift issue (default the org host and the definitions path), so that several orgs or folders are told apart at a glance.',
  },
  'pr-labels': {
    default: 'false',
    description:
      'true: label the pull request okta:changes, okta:deactivation or okta:no-changes as its plan says (labels are created if missing; needs pull-requests: write).',
  },
} as const satisfies Record<string, InputRow>;

export const OUTPUTS = {
  changes: { description: "'true' when the plan changes anything in Okta, else 'false'." },
  'plan-hash': { description: "sha256 of the plan's canonical change set." },
  'plan-file': { description: 'Path of the plan as JSON under RUNNER_TEMP.' },
  'to-configure': { description: 'Number of connections the plan configures.' },
  'to-activate': { description: 'Number of connections the plan activates.' },
  'to-deactivate': { description: 'Number of connections the plan deactivates.' },
  'to-update-features': { description: 'Number of connections whose declared provisioning features change.' },
  unchanged: { description: 'Number of connections with nothing to do.' },
  errors: { description: 'Number of connections that could not be planned.' },
  applied: { description: 'Number of connections applied successfully (0 outside apply).' },
  failed: { description: 'Number of connections whose apply failed (0 outside apply).' },
  'consent-needed': {
    description:
      "Number of connections waiting for an admin's consent (planned to be configured, or left so by apply).",
  },
  'failure-reason': {
    description:
      'Empty on success; otherwise one word a workflow can branch on: invalid-definitions, okta-unreachable, plan-changed (a merged pull request now plans differently than reviewed or approved), not-reviewed (changes without a valid review record), too-many-deactivations or apply-failed.',
  },
} as const satisfies Record<string, OutputRow>;

export type InputName = keyof typeof INPUTS;
export type OutputName = keyof typeof OUTPUTS;

/** The inputs the CLI sets with a flag of its own spelling (`okta-org-url` is `--org`). */
type CliInputName = {
  [K in InputName]: (typeof INPUTS)[K] extends { cli: { flag: string } } ? K : never;
}[InputName];

export type CliFlagName = (typeof INPUTS)[CliInputName]['cli']['flag'];

/** The flags of the settings the CLI shares with the action, without `--`. */
export const CLI_FLAGS = Object.values(INPUTS).flatMap((row: InputRow) =>
  row.cli?.flag ? [row.cli.flag] : [],
) as CliFlagName[];

/** `--org` for `okta-org-url`: the CLI's spelling of a shared setting, for its messages. */
export function cliFlag(name: CliInputName): `--${CliFlagName}` {
  return `--${INPUTS[name].cli.flag}`;
}

/** The environment variable the CLI reads for a shared setting when its flag is not given. */
export function cliEnv(name: CliEnvInputName): string {
  return INPUTS[name].cli.env;
}

type CliEnvInputName = {
  [K in InputName]: (typeof INPUTS)[K] extends { cli: { env: string } } ? K : never;
}[InputName];
