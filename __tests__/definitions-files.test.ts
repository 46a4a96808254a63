import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDefinitionFiles } from '../src/definitions/files.js';
import { loadDefinitions } from '../src/definitions/load.js';

const DEFINITION =
  'connections:\n  - id: 0oa1234567890abcdef\n    action: activate\n    profile:\n      auth_scheme: OAUTH2\n';

/** A workspace with these files (content, or null for a folder), and a folder outside it. */
async function checkout(
  files: Record<string, string | null>,
): Promise<{ workspace: string; outside: string }> {
  const base = await mkdtemp(path.join(tmpdir(), 'oac-files-'));
  const workspace = path.join(base, 'repo');
  const outside = path.join(base, 'outside');
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, 'stolen.yaml'), DEFINITION.replace('OAUTH2', 'OUTSIDE_VALUE'));
  for (const [name, content] of Object.entries({ '.keep': '', ...files })) {
    const file = path.join(workspace, name);
    if (content === null) {
      await mkdir(file, { recursive: true });
    } else {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, content);
    }
  }
  return { workspace, outside };
}

const relative = (workspace: string, files: string[]) => files.map((file) => path.relative(workspace, file));

describe('findDefinitionFiles on a hostile checkout', () => {
  it('refuses okta/connections committed as a link to a folder outside the repository, without reading it', async () => {
    const { workspace, outside } = await checkout({ okta: null });
    await symlink(outside, path.join(workspace, 'okta/connections'));
    const loaded = await loadDefinitions('okta/connections', workspace);
    expect(loaded.files).toEqual([]);
    expect(loaded.definitions).toEqual([]);
    expect(loaded.problems).toEqual([
      {
        file: 'okta/connections',
        line: 0,
        column: 0,
        severity: 'error',
        message:
          'path "okta/connections" is a symbolic link that leads outside the repository; it was not read. Commit the definition files themselves instead of a link.',
      },
    ]);
    expect(JSON.stringify(loaded)).not.toContain('OUTSIDE_VALUE');
  });

  it('refuses a path whose parent folder is a link outside, and a glob that starts there', async () => {
    const { workspace, outside } = await checkout({});
    await symlink(outside, path.join(workspace, 'okta'));
    const found = await findDefinitionFiles('okta/stolen.yaml\nokta/*.yaml', workspace);
    expect(found.files).toEqual([]);
    expect(found.problems.map((problem) => [problem.file, problem.message])).toEqual([
      [
        'okta/stolen.yaml',
        'path "okta/stolen.yaml" leads outside the repository through a symbolic link in its path; it was not read. Commit the definition files themselves instead of a link.',
      ],
      [
        'okta/*.yaml',
        'path glob "okta/*.yaml" starts at okta, which is a symbolic link that leads outside the repository; it was not read. Commit the definition files themselves instead of a link.',
      ],
    ]);
  });

  it('refuses a FIFO as the path and as a file in the folder, without opening it (no hang)', async () => {
    const { workspace } = await checkout({ 'okta/connections/a.yaml': DEFINITION, other: null });
    execFileSync('mkfifo', [path.join(workspace, 'okta/connections/b.yaml')]);
    execFileSync('mkfifo', [path.join(workspace, 'other/connections')]);
    const loaded = await loadDefinitions('okta/connections\nother/connections', workspace);
    expect(loaded.files).toEqual(['okta/connections/a.yaml']);
    expect(loaded.definitions).toHaveLength(1);
    expect(loaded.problems.map((problem) => [problem.file, problem.line, problem.message])).toEqual([
      [
        'okta/connections/b.yaml',
        0,
        'okta/connections/b.yaml is a named pipe (FIFO), not a file or a folder; it was not read. Definitions must be regular files in the repository.',
      ],
      [
        'other/connections',
        0,
        'path "other/connections" is a named pipe (FIFO), not a file or a folder; it was not read. Definitions must be regular files in the repository.',
      ],
    ]);
  });

  it('reads a link to a file inside the repository once, as the file it leads to; refuses one leading outside', async () => {
    const { workspace, outside } = await checkout({
      'okta/connections/a.yaml': DEFINITION,
      'common/b.yaml': DEFINITION,
    });
    await symlink('../../common/b.yaml', path.join(workspace, 'okta/connections/b.yaml'));
    await symlink('a.yaml', path.join(workspace, 'okta/connections/c.yaml'));
    await symlink(path.join(outside, 'stolen.yaml'), path.join(workspace, 'okta/connections/d.yaml'));
    const found = await findDefinitionFiles('okta/connections', workspace);
    expect(relative(workspace, found.files)).toEqual(['common/b.yaml', 'okta/connections/a.yaml']);
    expect(found.problems.map((problem) => problem.message)).toEqual([
      'okta/connections/d.yaml is a symbolic link that leads outside the repository; it was not read. Commit the definition files themselves instead of a link.',
    ]);
  });

  it('does not follow links to folders met in a walk, and says so', async () => {
    const { workspace, outside } = await checkout({
      'okta/connections/a.yaml': DEFINITION,
      'common/x/b.yaml': DEFINITION,
    });
    await symlink('../../common/x', path.join(workspace, 'okta/connections/inside'));
    await symlink(outside, path.join(workspace, 'okta/connections/away'));
    const found = await findDefinitionFiles('okta/connections', workspace);
    expect(relative(workspace, found.files)).toEqual(['okta/connections/a.yaml']);
    expect(found.problems.map((problem) => [problem.severity, problem.file])).toEqual([
      ['warning', 'okta/connections/away'],
      ['warning', 'okta/connections/inside'],
    ]);
    // Excluded, it is not mentioned.
    const excluded = await findDefinitionFiles('okta/connections\n!okta/connections/away', workspace);
    expect(excluded.problems.map((problem) => problem.file)).toEqual(['okta/connections/inside']);
  });

  it('an excluded FIFO is not reported; a link to nothing is refused', async () => {
    const { workspace } = await checkout({ 'okta/connections/a.yaml': DEFINITION });
    execFileSync('mkfifo', [path.join(workspace, 'okta/connections/pipe.yaml')]);
    const found = await findDefinitionFiles('okta/connections\n!**/pipe.yaml', workspace);
    expect(relative(workspace, found.files)).toEqual(['okta/connections/a.yaml']);
    expect(found.problems).toEqual([]);
    await symlink('missing.yaml', path.join(workspace, 'okta/connections/gone.yaml'));
    const walked = await findDefinitionFiles('okta/connections\n!**/pipe.yaml', workspace);
    const named = await findDefinitionFiles('okta/connections/gone.yaml', workspace);
    expect([...walked.problems, ...named.problems].map((problem) => problem.message)).toEqual([
      'okta/connections/gone.yaml is a symbolic link to nothing; fix or delete the link.',
      'path "okta/connections/gone.yaml" is a symbolic link to nothing; fix or delete the link.',
    ]);
  });
});

describe('findDefinitionFiles: the path input', () => {
  it('takes folders (every .yaml/.yml below), files, globs with classes and braces, ! excludes and # comments', async () => {
    const { workspace } = await checkout({
      'okta/connections/a.yaml': DEFINITION,
      'okta/connections/sub/b.YML': DEFINITION,
      'okta/connections/notes.txt': 'x',
      'okta/connections/node_modules/c.yaml': DEFINITION,
      'orgs/prod/a.yaml': DEFINITION,
      'orgs/preview/a.yaml': DEFINITION,
      'orgs/test/a.yaml': DEFINITION,
      'extra/d.json': DEFINITION,
    });
    const found = await findDefinitionFiles(
      '# definitions\nokta/connections\norgs/p[r]*/*.yaml\n!orgs/preview/**\nextra/d.json\n',
      workspace,
    );
    expect(relative(workspace, found.files)).toEqual([
      'extra/d.json',
      'okta/connections/a.yaml',
      'okta/connections/sub/b.YML',
      'orgs/prod/a.yaml',
    ]);
    expect(found.problems).toEqual([]);
    const braces = await findDefinitionFiles('orgs/{prod,test}/a.yaml', workspace);
    expect(relative(workspace, braces.files)).toEqual(['orgs/prod/a.yaml', 'orgs/test/a.yaml']);
  });

  it('matches braces around globs, nested braces, numeric and character ranges, and exclusions with them', async () => {
    const { workspace } = await checkout({
      'okta/a.yaml': DEFINITION,
      'okta/b.yml': DEFINITION,
      'okta/c.json': DEFINITION,
      'orgs/prod/eu/a.yaml': DEFINITION,
      'orgs/prod/us/a.yaml': DEFINITION,
      'orgs/test/a.yaml': DEFINITION,
      'orgs/dev/a.yaml': DEFINITION,
      'teams/team-1.yaml': DEFINITION,
      'teams/team-2.yaml': DEFINITION,
      'teams/team-3.yaml': DEFINITION,
      'teams/team-4.yaml': DEFINITION,
      'teams/team-b.yaml': DEFINITION,
    });
    const found = async (pathInput: string) =>
      relative(workspace, (await findDefinitionFiles(pathInput, workspace)).files);
    expect(await found('okta/{*.yaml,*.yml}')).toEqual(['okta/a.yaml', 'okta/b.yml']);
    expect(await found('orgs/{test,prod/{eu,us}}/a.yaml')).toEqual([
      'orgs/prod/eu/a.yaml',
      'orgs/prod/us/a.yaml',
      'orgs/test/a.yaml',
    ]);
    expect(await found('teams/team-{1..3}.yaml')).toEqual([
      'teams/team-1.yaml',
      'teams/team-2.yaml',
      'teams/team-3.yaml',
    ]);
    expect(await found('teams/team-[2-4a-c].yaml')).toEqual([
      'teams/team-2.yaml',
      'teams/team-3.yaml',
      'teams/team-4.yaml',
      'teams/team-b.yaml',
    ]);
    expect(await found('orgs/**/*.yaml\n!orgs/{dev,prod/eu}/**')).toEqual([
      'orgs/prod/us/a.yaml',
      'orgs/test/a.yaml',
    ]);
  });

  it('keeps its messages for entries that match nothing or point outside', async () => {
    const { workspace } = await checkout({ 'okta/connections/README.md': 'x' });
    const found = await findDefinitionFiles(
      'okta/connections\nmissing\nokta/**/*.yml\n../etc\n!../x',
      workspace,
    );
    expect(found.files).toEqual([]);
    expect(found.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^path entry "!\.\.\/x" points outside the repository/),
      'folder "okta/connections" holds no *.yaml or *.yml definition file.',
      'path "missing" does not exist in the repository; create it or set the `path` input to the folder that holds your definition files.',
      'path glob "okta/**/*.yml" matches no file; check the pattern.',
      expect.stringMatching(/^path entry "\.\.\/etc" points outside the repository/),
    ]);
  });
});
