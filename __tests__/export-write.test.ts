import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeExportFiles } from '../src/export/write.js';

const files = [
  { fileName: 'a.yaml', content: 'connections: []\n# a\n' },
  { fileName: 'b.yaml', content: 'connections: []\n# b\n' },
];

const tempDir = () => mkdtemp(path.join(tmpdir(), 'oac-write-'));

describe('writeExportFiles', () => {
  it('creates the folder and writes every file', async () => {
    const root = await tempDir();
    const folder = path.join(root, 'okta/connections');
    const outcome = await writeExportFiles(folder, files);
    expect(outcome).toEqual({ written: [path.join(folder, 'a.yaml'), path.join(folder, 'b.yaml')] });
    expect(await readFile(path.join(folder, 'b.yaml'), 'utf8')).toBe(files[1]!.content);
  });

  it('writes nothing at all when one target exists', async () => {
    const folder = await tempDir();
    await writeFile(path.join(folder, 'b.yaml'), 'mine\n');
    const outcome = await writeExportFiles(folder, files);
    expect(outcome).toEqual({ refused: [{ file: path.join(folder, 'b.yaml'), reason: 'exists' }] });
    expect(await readdir(folder)).toEqual(['b.yaml']);
    expect(await readFile(path.join(folder, 'b.yaml'), 'utf8')).toBe('mine\n');
  });

  it('replaces existing files with force', async () => {
    const folder = await tempDir();
    await writeFile(path.join(folder, 'a.yaml'), 'old\n');
    const outcome = await writeExportFiles(folder, files, { force: true });
    expect(outcome).toHaveProperty('written');
    expect(await readFile(path.join(folder, 'a.yaml'), 'utf8')).toBe(files[0]!.content);
  });

  it('never replaces a symbolic link or a folder, even with force', async () => {
    const folder = await tempDir();
    const elsewhere = path.join(await tempDir(), 'target.txt');
    await writeFile(elsewhere, 'keep\n');
    await symlink(elsewhere, path.join(folder, 'a.yaml'));
    await mkdir(path.join(folder, 'b.yaml'));
    const outcome = await writeExportFiles(folder, files, { force: true });
    expect(outcome).toEqual({
      refused: [
        { file: path.join(folder, 'a.yaml'), reason: 'not a regular file' },
        { file: path.join(folder, 'b.yaml'), reason: 'not a regular file' },
      ],
    });
    expect(await readFile(elsewhere, 'utf8')).toBe('keep\n');
  });

  it('refuses a folder outside `within`, also through a symbolic link', async () => {
    const workspace = await tempDir();
    const outside = await tempDir();
    await expect(
      writeExportFiles(path.join(workspace, '../x'), files, { within: workspace }),
    ).rejects.toThrow(/is outside/);
    await symlink(outside, path.join(workspace, 'link'));
    await expect(
      writeExportFiles(path.join(workspace, 'link/sub'), files, { within: workspace }),
    ).rejects.toThrow(/is outside/);
    expect(await readdir(outside)).toEqual([]);
    const inside = await writeExportFiles(path.join(workspace, 'okta/connections'), files, {
      within: workspace,
    });
    expect(inside).toHaveProperty('written');
  });

  it('refuses a file in the folder’s place', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'okta'), 'a file\n');
    await expect(writeExportFiles(path.join(root, 'okta'), files)).rejects.toThrow(/is not a folder/);
  });
});
