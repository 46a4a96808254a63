import type { Dirent, Stats } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Problem } from './types.js';

const DEFINITION_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFiles {
  /**
   * Absolute paths under the workspace as given, sorted, without duplicates: each is a regular file whose real
   * path is inside the workspace (a link inside the repository is replaced by the file it leads to).
   */
  files: string[];
  problems: Problem[];
}

/**
 * Resolves the `path` input: newline-separated entries, each a file, a directory (every *.yaml / *.yml
 * below it) or a glob in picomatch's language (`*`, `**`, `?`, `[a-c]`, `{a,b}` nested, `{1..3}`,
 * `@(a|b)`), matched against the path relative to the repository; a leading `!` excludes, `#` starts a
 * comment.
 *
 * A checkout is untrusted: anything is looked at with lstat/realpath before it is read, and refused when its
 * real path is outside the workspace or it is not a regular file or folder (a FIFO would hang the read).
 * Links to folders met while walking a folder are not followed.
 */
export async function findDefinitionFiles(pathInput: string, workspace: string): Promise<FoundFiles> {
  const given = path.resolve(workspace);
  const root = await realpath(given).catch(() => given);
  const lines = pathInput
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'));
  if (lines.length === 0) lines.push('okta/connections');
  const search = new Search(root);

  for (const entry of lines.filter((line) => line.startsWith('!'))) {
    const absolute = path.resolve(root, entry.slice(1).trim());
    if (isOutside(root, absolute)) search.outsideEntry(entry);
    else search.excludes.push(matcher(relativeTo(root, absolute)));
  }
  for (const entry of lines.filter((line) => !line.startsWith('!'))) {
    const absolute = path.resolve(root, entry);
    if (isOutside(root, absolute)) search.outsideEntry(entry);
    else if (isGlob(entry)) await search.glob(entry, relativeTo(root, absolute));
    else await search.entry(entry, absolute);
  }

  const files = [...search.found].sort().map((real) => path.join(given, path.relative(root, real)));
  const problems = search.problems;
  if (files.length === 0 && problems.length === 0) {
    problems.push(fileProblem(pathInput.trim(), 'error', 'the `path` input matches no definition file.'));
  }
  return { files, problems };
}

/** What one run of the search has found and refused. */
class Search {
  readonly found = new Set<string>();
  readonly problems: Problem[] = [];
  readonly excludes: Matcher[] = [];

  constructor(private readonly root: string) {}

  outsideEntry(entry: string): void {
    this.refuse(
      entry,
      `path entry "${entry}" points outside the repository (${this.root}); use a path inside it.`,
    );
  }

  /** A file or a folder named in the input. */
  async entry(entry: string, absolute: string): Promise<void> {
    const target = await this.inspect(absolute);
    if (target === undefined) {
      this.refuse(
        entry,
        `path "${entry}" does not exist in the repository; create it or set the \`path\` input to the folder that holds your definition files.`,
      );
    } else if ('problem' in target) {
      this.refuse(entry, `path "${entry}" ${target.problem}`);
    } else if (target.kind === 'file') {
      this.accept(absolute, target.real);
    } else {
      const files = await this.walk(target.real, absolute, (name) => DEFINITION_FILE.test(name));
      if (files === 0) this.refuse(entry, `folder "${entry}" holds no *.yaml or *.yml definition file.`);
    }
  }

  /** Every file whose path relative to the repository matches the glob. */
  async glob(entry: string, relative: string): Promise<void> {
    const matches = matcher(relative);
    const base = path.join(this.root, picomatch.scan(relative).base);
    const target = await this.inspect(base);
    if (target && 'problem' in target) {
      this.refuse(
        entry,
        `path glob "${entry}" starts at ${relativeTo(this.root, base)}, which ${target.problem}`,
      );
      return;
    }
    const selected =
      target?.kind === 'dir'
        ? await this.walk(target.real, base, (_name, shown) => matches(relativeTo(this.root, shown)))
        : 0;
    if (selected === 0) this.refuse(entry, `path glob "${entry}" matches no file; check the pattern.`);
  }

  /**
   * The files below a folder that `wanted` selects (by name and by the path shown, which runs through `shown`,
   * the folder as the input names it); returns how many it selected. Links to folders are not followed.
   */
  private async walk(
    dir: string,
    shown: string,
    wanted: (name: string, shown: string) => boolean,
  ): Promise<number> {
    let selected = 0;
    const pending: [string, string][] = [[dir, shown]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [folder, display] = next;
      const entries: Dirent[] = await readdir(folder, { withFileTypes: true }).catch(() => []);
      for (const dirent of entries) {
        const real = path.join(folder, dirent.name);
        const child = path.join(display, dirent.name);
        if (dirent.isDirectory()) {
          if (!SKIPPED_DIRS.has(dirent.name)) pending.push([real, child]);
        } else if (dirent.isSymbolicLink() && (await stat(real).catch(() => undefined))?.isDirectory()) {
          this.linkedFolder(child);
        } else if (wanted(dirent.name, child)) {
          selected++;
          await this.candidate(real, child);
        }
      }
    }
    return selected;
  }

  /** A file a walk selected: read only when it is a regular file inside the repository, else reported. */
  private async candidate(absolute: string, shown: string): Promise<void> {
    if (this.isExcluded(shown)) return;
    const target = await this.inspect(absolute);
    const where = relativeTo(this.root, shown);
    if (target === undefined) return; // removed while we looked, or a link to nothing
    if ('problem' in target) this.refuse(where, `${where} ${target.problem}`);
    else if (target.kind === 'file') this.accept(shown, target.real);
    else this.linkedFolder(shown);
  }

  private linkedFolder(shown: string): void {
    if (this.isExcluded(shown)) return;
    const where = relativeTo(this.root, shown);
    this.problems.push(
      fileProblem(
        where,
        'warning',
        `${where} is a symbolic link to a folder; links to folders are not followed. List the folder itself in the \`path\` input.`,
      ),
    );
  }

  private accept(shown: string, real: string): void {
    if (!this.isExcluded(shown) && !this.isExcluded(real)) this.found.add(real);
  }

  private isExcluded(file: string): boolean {
    return this.excludes.some((excluded) => excluded(relativeTo(this.root, file)));
  }

  private refuse(file: string, message: string): void {
    this.problems.push(fileProblem(file, 'error', message));
  }

  /**
   * What a path is, without opening it: undefined when it does not exist, a problem when its real path is
   * outside the repository or it is neither a regular file nor a folder.
   */
  private async inspect(
    absolute: string,
  ): Promise<{ kind: 'file' | 'dir'; real: string } | { problem: string } | undefined> {
    const link = await lstat(absolute).catch(() => undefined);
    if (!link) return undefined;
    const real = await realpath(absolute).catch(() => undefined);
    if (real === undefined) {
      return link.isSymbolicLink()
        ? { problem: 'is a symbolic link to nothing; fix or delete the link.' }
        : undefined;
    }
    if (isOutside(this.root, real)) {
      return {
        problem: link.isSymbolicLink()
          ? 'is a symbolic link that leads outside the repository; it was not read. Commit the definition files themselves instead of a link.'
          : 'leads outside the repository through a symbolic link in its path; it was not read. Commit the definition files themselves instead of a link.',
      };
    }
    const info = link.isSymbolicLink() ? await stat(real).catch(() => undefined) : link;
    if (!info) return undefined;
    if (info.isFile()) return { kind: 'file', real };
    if (info.isDirectory()) return { kind: 'dir', real };
    return {
      problem: `is ${kindOf(info)}, not a file or a folder; it was not read. Definitions must be regular files in the repository.`,
    };
  }
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isBlockDevice() || info.isCharacterDevice()) return 'a device';
  return 'a special file';
}

function fileProblem(file: string, severity: Problem['severity'], message: string): Problem {
  return { file, line: 0, column: 0, severity, message };
}

function isOutside(root: string, absolute: string): boolean {
  return absolute !== root && !absolute.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

function relativeTo(root: string, absolute: string): string {
  return path.relative(root, absolute).split(path.sep).join('/');
}

function isGlob(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

type Matcher = (relative: string) => boolean;

/**
 * A glob over posix paths relative to the repository. Dot files match like any other, as in a folder
 * entry (which reads every *.yaml / *.yml below it).
 */
function matcher(glob: string): Matcher {
  return picomatch(glob, { dot: true });
}
