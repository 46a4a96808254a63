import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDefinitions } from '../src/definitions/load.js';
import { reservedEnvProblem } from '../src/definitions/rules.js';
import { SCHEMA_URL } from '../src/definitions/schema-url.js';
import type { ExportedConnection } from '../src/export/model.js';
import { envSlug, fileSlug, NameAllocator, numbered } from '../src/export/names.js';
import { renderDefinitionFile, scalar } from '../src/export/render-yaml.js';
import { renderExportMarkdown } from '../src/export/report.js';
import type { ExportResult } from '../src/export/model.js';

describe('envSlug', () => {
  it.each([
    ['Zscaler production', 'ZSCALER_PRODUCTION'],
    ['  Partner hub (Org2Org) ', 'PARTNER_HUB_ORG2ORG'],
    ['Zürich Café', 'ZURICH_CAFE'],
    ['365 Mail', 'APP_365_MAIL'],
    ['GitHub', 'OKTA_GITHUB'],
    ['runner tools', 'OKTA_RUNNER_TOOLS'],
    ['Input-Output', 'OKTA_INPUT_OUTPUT'],
    ['actions', 'OKTA_ACTIONS'],
    ['—', ''],
  ])('%j → %j', (label, slug) => {
    expect(envSlug(label)).toBe(slug);
  });

  it('never yields a name the loader rejects', () => {
    for (const label of ['GitHub', 'github_app', 'Runner', 'INPUT', 'Actions runner', '9lives']) {
      const name = `${envSlug(label)}_TOKEN`;
      expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      expect(reservedEnvProblem(name)).toBeUndefined();
    }
  });

  it('keeps names to a readable length', () => {
    expect(envSlug('x'.repeat(200)).length).toBeLessThanOrEqual(50);
    expect(envSlug(`${'a'.repeat(49)} b`)).toBe('A'.repeat(49));
  });
});

describe('fileSlug', () => {
  it.each([
    ['Zscaler production', 'zscaler-production'],
    ['Office 365 (EU) / mail', 'office-365-eu-mail'],
    ['Zürich', 'zurich'],
    ['../../etc/passwd', 'etc-passwd'],
    ['***', ''],
  ])('%j → %j', (label, slug) => {
    expect(fileSlug(label)).toBe(slug);
  });
});

describe('NameAllocator', () => {
  it('gives the first asker the plain name and later ones the next free candidate, case-insensitively', () => {
    const names = new NameAllocator();
    expect(names.take(numbered('slack', '-'))).toBe('slack');
    expect(names.take(numbered('Slack', '-'))).toBe('Slack-2');
    expect(names.take(numbered('slack', '-'))).toBe('slack-3');
  });

  it('checks every derived name of a stem', () => {
    const names = new NameAllocator();
    names.take(['A_TOKEN']);
    expect(names.take(numbered('A', '_'), (stem) => [`${stem}_TOKEN`])).toBe('A_2');
  });
});

describe('scalar', () => {
  it.each([
    'plain label',
    'yes',
    'No',
    'on',
    '1234567890',
    '0o17',
    '1e3',
    'null',
    '~',
    'a: b',
    '# x',
    '- x',
    '{ env: X }',
    '',
    ' pad ',
    'two\nlines',
    'tab\there',
    'quote " and \\',
  ])('%j reads back as itself in YAML 1.2 and 1.1', (value) => {
    const text = scalar(value);
    expect(text).not.toContain('\n');
    expect(parse(`k: ${text}`)).toEqual({ k: value });
    expect(parse(`k: ${text}`, { version: '1.1' })).toEqual({ k: value });
  });

  it('leaves plain labels unquoted', () => {
    expect(scalar('Zscaler production')).toBe('Zscaler production');
    expect(scalar('yes')).toBe('"yes"');
  });
});

describe('renderDefinitionFile', () => {
  const base: ExportedConnection = {
    appId: '0oa1234567890abcdef',
    label: 'Zscaler production',
    appKind: 'zscalerbyz',
    action: 'activate',
    authScheme: 'TOKEN',
    baseUrl: 'https://api.example.com/scim/v2',
    token: { env: 'ZSCALER_PRODUCTION_TOKEN' },
    notes: [],
  };

  it('writes the schema comment, the header and the keys in the documented order', () => {
    const text = renderDefinitionFile(base, {
      orgHost: 'example.okta.com',
      variables: [
        {
          name: 'ZSCALER_PRODUCTION_TOKEN',
          secret: true,
          shown: false,
          description: 'the API token the app accepts for provisioning',
          appId: base.appId,
          label: base.label,
        },
      ],
    });
    expect(text).toBe(
      [
        `# yaml-language-server: $schema=${SCHEMA_URL}`,
        '#',
        '# Zscaler production (Zscaler 2.0, app 0oa1234567890abcdef): exported from example.okta.com by `okta-app-connections export`.',
        '# Okta never returns secrets. Before apply configures this connection, create these and pass them to',
        '# the action step through `env:`:',
        '#   ZSCALER_PRODUCTION_TOKEN: the API token the app accepts for provisioning (secret)',
        'connections:',
        '  - id: 0oa1234567890abcdef',
        '    name: Zscaler production',
        '    base_url: https://api.example.com/scim/v2',
        '    action: activate',
        '    profile:',
        '      auth_scheme: TOKEN',
        '      token: { env: ZSCALER_PRODUCTION_TOKEN }',
        '',
      ].join('\n'),
    );
  });

  it('keeps a hostile label inside its comment line and its quoted value', async () => {
    const label = 'Evil\nconnections: []\r\n# "quoted" \u2028 label';
    const text = renderDefinitionFile({ ...base, label, notes: ['line one\nline two'] }, { variables: [] });
    const lines = text.split('\n');
    expect(lines.filter((line) => line.startsWith('connections:'))).toEqual(['connections:']);
    expect(
      lines.every(
        (line) => line === '' || line.startsWith('#') || line.startsWith(' ') || line === 'connections:',
      ),
    ).toBe(true);
    expect(text).toContain('# Note: line one line two');
    const root = await mkdtemp(path.join(tmpdir(), 'oac-render-'));
    await writeFile(path.join(root, 'evil.yaml'), text);
    const loaded = await loadDefinitions(root, root);
    expect(loaded.problems).toEqual([]);
    expect(loaded.definitions[0]!.name).toBe(label);
  });

  it('omits the name when the app has no label', () => {
    const text = renderDefinitionFile({ ...base, label: '' }, { variables: [] });
    expect(text).not.toMatch(/^\s+name:/m);
    expect(text).toContain('# 0oa1234567890abcdef (Zscaler 2.0, app 0oa1234567890abcdef): exported by');
  });
});

describe('renderExportMarkdown', () => {
  const skipped = Array.from({ length: 520 }, (_, i) => ({
    appId: `0oaSkipped${String(i).padStart(10, '0')}`,
    label: `Bookmark ${i}`,
    appKind: 'bookmark',
    reason: 'no provisioning connection',
  }));
  const result: ExportResult = {
    files: [],
    skipped,
    failures: [{ appId: '0oaFailed0000000001', label: 'Pipe | <b>', message: 'HTTP 500: try again' }],
    appsRead: 521,
    variables: [],
  };

  it('lists failures with escaped labels and cuts long tables, saying how many more', () => {
    const markdown = renderExportMarkdown(result, {
      folder: 'okta/connections',
      orgHost: 'example.okta.com',
    });
    expect(markdown).toContain(
      '❌ No connection to export of example.okta.com (521 apps read, 520 skipped, 1 could not be read).',
    );
    expect(markdown).toContain('- `0oaFailed0000000001` Pipe \\| &lt;b&gt;: HTTP 500: try again');
    expect(markdown).toContain('Export these later with input `export-apps` set to their ids.');
    expect(markdown.match(/^\| Bookmark /gm)).toHaveLength(500);
    expect(markdown).toContain('… and 20 more.');
  });
});
