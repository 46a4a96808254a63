import { lstat, mkdir, realpath, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface WriteOptions {
  /** Replace existing regular files. Without it, any existing target stops the whole write. */
  force?: boolean;
  /** The folder must resolve (symbolic links followed) inside this one, e.g. the repository. */
  within?: string;
}

export interface RefusedFile {
  file: string;
  reason: 'exists' | 'not a regular file';
}

export type WriteOutcome = { written: string[] } | { refused: RefusedFile[] };

/**
 * Writes the files into `directory` all or nothing: every target is checked before any is written, so an
 * existing file (without `force`) leaves the folder exactly as it was. Even with `force`, a directory or a
 * symbolic link in a target's place is never replaced. Returns absolute paths.
 */
export async function writeExportFiles(
  directory: string,
  files: readonly { fileName: string; content: string }[],
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const folder = path.resolve(directory);
  if (options.within) await assertWithin(folder, options.within);
  const info = await lstat(folder).catch(() => undefined);
  if (info && !info.isDirectory())
    throw new Error(`${folder} is not a folder; export writes its files into a folder.`);

  const targets = files.map((file) => ({ ...file, target: path.join(folder, file.fileName) }));
  const refused: RefusedFile[] = [];
  for (const { target } of targets) {
    const existing = await lstat(target).catch(() => undefined);
    if (!existing) continue;
    if (!existing.isFile()) refused.push({ file: target, reason: 'not a regular file' });
    else if (!options.force) refused.push({ file: target, reason: 'exists' });
  }
  if (refused.length > 0) return { refused };

  await mkdir(folder, { recursive: true });
  for (const { target, content } of targets) {
    // `wx` also refuses a file that appeared since the check.
    await writeFile(target, content, { flag: options.force ? 'w' : 'wx' });
  }
  return { written: targets.map(({ target }) => target) };
}

/** The nearest existing ancestor, resolved, plus the rest must stay inside `root` (resolved too). */
async function assertWithin(folder: string, root: string): Promise<void> {
  const realRoot = await realpath(root);
  let existing = folder;
  const rest: string[] = [];
  for (;;) {
    const resolved = await realpath(existing).catch(() => undefined);
    if (resolved) {
      const full = path.join(resolved, ...rest);
      if (full !== realRoot && !full.startsWith(realRoot + path.sep)) {
        throw new Error(`the export folder ${folder} is outside ${root}; choose a folder inside it.`);
      }
      return;
    }
    const parent = path.dirname(existing);
    if (parent === existing) throw new Error(`the export folder ${folder} has no existing parent folder.`);
    rest.unshift(path.basename(existing));
    existing = parent;
  }
}
