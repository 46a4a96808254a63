import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Problem } from './types.js';

const DEFINITION_FILE = /\.ya?ml$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

export interface FoundFiles {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  problems: Problem[];
}

/**
 * Resolves the `path` input: newline-separated entries, each a file, a directory (every *.yaml / *.yml
 * below it) or a glob (`*`, `**`, `?`, `{a,b}`; a leading `!` excludes). Everything stays inside the workspace.
 */
export async function findDefinitionFiles(pathInput: string, workspace: string): Promise<FoundFiles> {
  const root = path.resolve(workspace);
  const entries = pathInput
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#'));
  const problems: Problem[] = [];
  const found = new Set<string>();
  const excludes: RegExp[] = [];
  if (entries.length === 0) entries.push('okta/connections');

  for (const entry of entries) {
    const excluded = entry.startsWith('!');
    const pattern = excluded ? entry.slice(1).trim() : entry;
    const problemAt = (message: string) => problems.push(pathProblem(entry, message));
    const absolute = path.resolve(root, pattern);
    if (absolute !== root && !absolute.startsWith(root + path.sep)) {
      problemAt(`path entry "${entry}" points outside the repository (${root}); use a path inside it.`);
      continue;
    }
    if (excluded) {
      excludes.push(globToRegExp(toPosix(path.relative(root, absolute))));
      continue;
    }
    if (isGlob(pattern)) {
      const relative = toPosix(path.relative(root, absolute));
      const matcher = globToRegExp(relative);
      const base = path.join(root, staticPrefix(relative));
      const matches = (await walk(base)).filter((file) => matcher.test(toPosix(path.relative(root, file))));
      if (matches.length === 0) problemAt(`path glob "${entry}" matches no file; check the pattern.`);
      for (const file of matches) found.add(file);
      continue;
    }
    const info = await stat(absolute).catch(() => undefined);
    if (!info) {
      problemAt(
        `path "${entry}" does not exist in the repository; create it or set the \`path\` input to the folder that holds your definition files.`,
      );
    } else if (info.isDirectory()) {
      const files = (await walk(absolute)).filter((file) => DEFINITION_FILE.test(file));
      if (files.length === 0) problemAt(`folder "${entry}" holds no *.yaml or *.yml definition file.`);
      for (const file of files) found.add(file);
    } else {
      found.add(absolute);
    }
  }

  const files = [...found]
    .filter((file) => !excludes.some((exclude) => exclude.test(toPosix(path.relative(root, file)))))
    .sort();
  if (files.length === 0 && problems.length === 0) {
    problems.push(pathProblem(pathInput.trim(), 'the `path` input matches no definition file.'));
  }
  return { files, problems };
}

function pathProblem(entry: string, message: string): Problem {
  return { file: entry, line: 0, column: 0, severity: 'error', message };
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...(await walk(full)));
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function isGlob(pattern: string): boolean {
  return /[*?{[]/.test(pattern);
}

function staticPrefix(pattern: string): string {
  const parts = pattern.split('/');
  const index = parts.findIndex(isGlob);
  return parts.slice(0, index === -1 ? parts.length : index).join('/');
}

/** Glob to an anchored regular expression over posix paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const end = glob.indexOf('}', i);
      if (end === -1) {
        source += '\\{';
        continue;
      }
      source += `(?:${glob
        .slice(i + 1, end)
        .split(',')
        .map((part) => part.replace(/[.+^${}()|[\]\\*?]/g, '\\$&'))
        .join('|')})`;
      i = end;
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
