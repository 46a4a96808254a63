/**
 * loadDefinitions in process, on definition files written to a temporary workspace: what it returns for
 * valid files, and the main kinds of problems, each at its file, line and column, all in one pass.
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasErrors, loadDefinitions, MAX_FILE_BYTES } from '../src/definitions/load.js';
import { makeWorkspace, REPO_ROOT } from './helpers/run-action.js';

const ZSCALER = [
  'connections:',
  '  - id: 0oa5zscalerprod0001',
  '    name: Zscaler production',
  '    base_url: https://scim.zscaler.example.com/scim/v2',
  '    action: activate',
  '    profile:',
  '      auth_scheme: TOKEN',
  '      token: { env: ZSCALER_SCIM_TOKEN }',
  '',
].join('\n');

async function load(files: Record<string, string | Buffer>, pathInput = 'okta/connections') {
  const workspace = await makeWorkspace(files);
  return loadDefinitions(pathInput, workspace);
}

const brief = (problems: { file: string; line: number; column: number; message: string }[]) =>
  problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);

describe('loadDefinitions on files', () => {
  it('returns the example definitions with their places and { env } references, and no problem', async () => {
    const workspace = await makeWorkspace({});
    await cp(path.join(REPO_ROOT, 'examples/connections'), path.join(workspace, 'okta/connections'), {
      recursive: true,
    });
    const loaded = await loadDefinitions('okta/connections', workspace);

    expect(loaded.problems).toEqual([]);
    expect(hasErrors(loaded.problems)).toBe(false);
    expect(loaded.files).toHaveLength(3);
    for (const file of loaded.files) expect(file).toMatch(/^okta\/connections\/[\w-]+\.yaml$/);
    expect(loaded.definitions.map((d) => d.id).sort()).toEqual([
      '0oa5office365000001',
      '0oa5org2orghub00001',
      '0oa5org2orglegacy01',
      '0oa5zscalerprod0001',
    ]);
    const zscaler = loaded.definitions.find((d) => d.id === '0oa5zscalerprod0001');
    expect(zscaler).toMatchObject({
      name: 'Zscaler production',
      baseUrl: 'https://scim.zscaler.example.com/scim/v2',
      action: 'activate',
      profile: { authScheme: 'TOKEN', token: { env: 'ZSCALER_SCIM_TOKEN' } },
    });
    expect(zscaler?.source.file).toBe(loaded.files.find((f) => f.includes('zscaler')));
  });

  it('reads .yaml and .yml files and ignores other files in the folder', async () => {
    const loaded = await load({
      'okta/connections/zscaler.yml': ZSCALER,
      'okta/connections/README.md': '# not a definition',
      'okta/connections/notes.txt': 'connections: [',
    });
    expect(loaded.problems).toEqual([]);
    expect(loaded.files).toEqual(['okta/connections/zscaler.yml']);
    expect(loaded.definitions[0]?.source).toEqual({
      file: 'okta/connections/zscaler.yml',
      line: 2,
      column: 5,
    });
  });

  it('reports every kind of problem in one pass, at file:line:column, and keeps the valid connections', async () => {
    const loaded = await load({
      'okta/connections/a-valid.yaml': ZSCALER,
      'okta/connections/b-duplicate.yaml': ZSCALER.replace('Zscaler production', 'Zscaler again'),
      'okta/connections/c-literal.yaml': ZSCALER.replace(
        '0oa5zscalerprod0001',
        '0oa5zscalerdev00001',
      ).replace('{ env: ZSCALER_SCIM_TOKEN }', 'abc123-literal-token'),
      'okta/connections/d-typo.yaml': ZSCALER.replace('0oa5zscalerprod0001', '0oa5zscalerqa000001').replace(
        '    action: activate',
        '    action: Activate',
      ),
      'okta/connections/e-syntax.yaml': 'connections:\n  - id: [unclosed\n',
      'okta/connections/f-empty.yaml': '',
    });
    const errors = brief(loaded.problems.filter((p) => p.severity === 'error'));

    expect(hasErrors(loaded.problems)).toBe(true);
    expect(errors.find((e) => e.startsWith('okta/connections/b-duplicate.yaml:2:'))).toMatch(
      /defined twice: here and at okta\/connections\/a-valid\.yaml:2/,
    );
    expect(errors.find((e) => e.startsWith('okta/connections/c-literal.yaml:8:'))).toMatch(/literal secret/);
    expect(errors.find((e) => e.startsWith('okta/connections/d-typo.yaml:5:13:'))).toMatch(
      /must be one of: activate, deactivate \(got "Activate"\); did you mean `activate`\?/,
    );
    expect(errors.find((e) => e.startsWith('okta/connections/e-syntax.yaml:'))).toMatch(/YAML syntax error/);
    expect(errors.find((e) => e.startsWith('okta/connections/f-empty.yaml:1:'))).toMatch(/the file is empty/);
    // The literal secret itself is never repeated in a message.
    for (const problem of loaded.problems) expect(problem.message).not.toContain('abc123-literal-token');
    expect(loaded.files).toHaveLength(6);
    // Sorted by file, then position.
    const order = loaded.problems.map((p) => [p.file, p.line, p.column].join(':'));
    expect(order).toEqual(
      [...loaded.problems]
        .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column)
        .map((p) => [p.file, p.line, p.column].join(':')),
    );
  });

  it('names unknown keys with the key it probably meant', async () => {
    const loaded = await load({ 'okta/connections/z.yaml': ZSCALER.replace('base_url:', 'baseurl:') });
    expect(brief(loaded.problems)).toEqual([
      expect.stringMatching(
        /^okta\/connections\/z\.yaml:4:5: .*unknown key `baseurl`.*did you mean `base_url`\?/,
      ),
    ]);
    expect(loaded.definitions).toEqual([]);
  });

  it('refuses files over the size limit and bytes that are not UTF-8, without parsing them', async () => {
    const loaded = await load({
      'okta/connections/big.yaml': `# ${'x'.repeat(MAX_FILE_BYTES)}\n${ZSCALER}`,
      'okta/connections/latin1.yaml': Buffer.from([0x63, 0x3a, 0x20, 0xe9, 0x0a]),
    });
    expect(brief(loaded.problems)).toEqual([
      expect.stringMatching(/^okta\/connections\/big\.yaml:1:1: .*over the 1 MiB limit/),
      expect.stringMatching(/^okta\/connections\/latin1\.yaml:1:\d+: .*not valid UTF-8/),
    ]);
    expect(loaded.definitions).toEqual([]);
  });

  it('reports a folder without definition files and a path outside the workspace', async () => {
    const empty = await load({ 'okta/connections/README.md': 'nothing here' });
    expect(empty.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/folder "okta\/connections" holds no \*\.yaml or \*\.yml definition file/),
    ]);
    expect(empty.files).toEqual([]);

    const outside = await load({ 'okta/connections/z.yaml': ZSCALER }, '../elsewhere');
    expect(outside.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/points outside the repository/),
    ]);
    expect(outside.definitions).toEqual([]);
  });
});
