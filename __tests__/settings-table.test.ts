/**
 * One table of inputs and outputs (src/run/settings-table.ts): action.yml, the README's tables, the
 * action's outputs and the CLI's flags all follow it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { CLI_OPTIONS } from '../src/cli/settings.js';
import { readActionSettings } from '../src/github/inputs.js';
import { DEFAULT_OUTPUTS } from '../src/github/outputs.js';
import { CLI_FLAGS, INPUTS, OUTPUTS } from '../src/run/settings-table.js';
import { SecretRegistry } from '../src/secrets.js';
import { REPO_ROOT } from './helpers/run-action.js';

interface ActionYaml {
  inputs: Record<string, { description: string; required: boolean; default: string }>;
  outputs: Record<string, { description: string }>;
}

const actionYaml = parse(readFileSync(path.join(REPO_ROOT, 'action.yml'), 'utf8')) as ActionYaml;
const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');

/** The rows of the first table under `heading`, as cells without their code quotes. */
function readmeTable(heading: string): string[][] {
  const lines = readme.split('\n');
  const start = lines.indexOf(heading);
  if (start === -1) throw new Error(`README.md has no "${heading}" section`);
  const table = lines.slice(start + 1).findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1 + table + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim().replace(/^`(.*)`$/, '$1')),
    );
  }
  return rows;
}

describe('the table of inputs and outputs', () => {
  it('is what action.yml declares: input names in order, defaults and descriptions, all optional', () => {
    expect(
      Object.entries(actionYaml.inputs).map(([name, input]) => [name, input.default, input.description]),
    ).toEqual(Object.entries(INPUTS).map(([name, row]) => [name, row.default, row.description]));
    expect(Object.values(actionYaml.inputs).every((input) => input.required === false)).toBe(true);
  });

  it('is what action.yml declares: output names in order and descriptions', () => {
    expect(Object.entries(actionYaml.outputs).map(([name, output]) => [name, output.description])).toEqual(
      Object.entries(OUTPUTS).map(([name, row]) => [name, row.description]),
    );
  });

  it("is what the README's input table lists: names in order and defaults", () => {
    expect(readmeTable('### Inputs').map(([name, fallback]) => [name, fallback])).toEqual(
      Object.entries(INPUTS).map(([name, row]) => [name, row.default]),
    );
  });

  it("is what the README's output table lists: names in order", () => {
    expect(readmeTable('### Outputs').map(([name]) => name)).toEqual(Object.keys(OUTPUTS));
  });

  it('names every output the action sets before a run says more', () => {
    expect(Object.keys(DEFAULT_OUTPUTS)).toEqual(Object.keys(OUTPUTS));
  });

  it("gives the CLI its flags for the settings it shares with the action, beside the CLI's own", () => {
    expect(CLI_FLAGS).toEqual([
      'org',
      'client-id',
      'key-id',
      'scopes',
      'plan-hash',
      'rotate-secrets',
      'rate-limit-share',
      'max-concurrency',
      'apps',
      'visible-env',
      'max-deactivations',
    ]);
    expect(Object.keys(CLI_OPTIONS).sort()).toEqual(
      [...CLI_FLAGS, 'json', 'force', 'private-key-file', 'help', 'version'].sort(),
    );
  });
});

describe('the action reads its inputs by the table', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  /** No INPUT_* at all, as in a run the runner did not start (it would pass action.yml's defaults). */
  function withoutInputs(): void {
    for (const name of Object.keys(process.env)) {
      if (name.startsWith('INPUT_')) vi.stubEnv(name, undefined);
    }
  }

  it("takes the table's defaults for inputs left out, except a default only the runner can evaluate", () => {
    withoutInputs();
    const settings = readActionSettings('/workspace', new SecretRegistry());
    expect(settings).toEqual({
      command: 'auto',
      definitions: { path: 'okta/connections', workspace: '/workspace', visibleEnv: [] },
      githubToken: '',
      comment: 'update',
      planCheck: 'strict',
      rotateSecrets: [],
      driftIssue: false,
      exportApps: 'all',
      maxDeactivations: 5,
      prLabels: false,
      scope: 'auto',
    });
  });

  it('reads INPUT_<NAME> by the names of the table', () => {
    withoutInputs();
    vi.stubEnv('INPUT_OKTA-ORG-URL', 'https://example.okta.com');
    vi.stubEnv('INPUT_OKTA-API-TOKEN', 'token-value');
    vi.stubEnv('INPUT_RATE-LIMIT-SHARE', ' 20 ');
    vi.stubEnv('INPUT_MAX-DEACTIVATIONS', '0');
    const settings = readActionSettings('/workspace', new SecretRegistry());
    expect(settings.okta).toEqual({
      orgUrl: 'https://example.okta.com',
      credentials: { kind: 'api-token', token: 'token-value' },
      rateLimitShare: 20,
      maxConcurrency: 8,
    });
    expect(settings.maxDeactivations).toBe(0);
  });
});
