import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { resolveDefinitions, type Env, type ResolvedConnection } from '../definitions/env.js';
import { findDefinitionFiles } from '../definitions/files.js';
import { definitionsInContent, MAX_FILE_BYTES } from '../definitions/load.js';
import type { ConnectionDefinition } from '../definitions/types.js';
import { runGit, type Git } from './git.js';
import { canonicalJson } from './hash.js';

export interface ChangedConnectionsRequest {
  /** The git checkout; the head side is its working tree, exactly what the plan reads. */
  workspace: string;
  /** The `path` input, applied to the base commit's file names as to the working tree's. */
  path: string;
  /** The commit to compare with (a sha or any revision git knows). */
  base: string;
  /** The definition files read from the working tree (`LoadedDefinitions.files`). */
  files: readonly string[];
  /** The working tree's connections, resolved. */
  connections: readonly ResolvedConnection[];
  /** Resolves `{ env }` ids of the base definitions, as for the working tree's. */
  env: Env;
  git?: Git;
}

export interface ChangedConnections {
  /** The base commit, as a full sha. */
  base: string;
  /** The connections whose definition differs from the base commit's (or that are new), in input order. */
  changed: ResolvedConnection[];
  /** The base commit's version of each changed connection that existed there. */
  baseVersions: Map<string, ResolvedConnection>;
}

/** Git file modes of regular files; links, submodules and missing sides are read as "cannot vouch". */
const REGULAR_FILE = new Set(['100644', '100755']);

/**
 * Which connections' definitions differ between a commit and the working tree. Changed means the whole
 * definition (every field, which variable each `{ env }` names, fields added later too) compares unequal
 * apart from its place in the files, so a moved or reformatted definition is unchanged and a connection is
 * matched by id, not by file. Only files git reports as changed are read at the base; a working-tree file git
 * cannot vouch for (untracked, ignored, behind a symbolic link, flagged assume-unchanged) counts as changed.
 * Throws GitError when git cannot answer.
 */
export async function changedConnections(request: ChangedConnectionsRequest): Promise<ChangedConnections> {
  const git = request.git ?? runGit;
  const cwd = request.workspace;
  const pathspecs = literalPrefixes(request.path);
  const base = await resolveCommit(git, cwd, request.base);
  const [diff, index] = await Promise.all([
    git(cwd, [
      '--literal-pathspecs',
      'diff',
      '--raw',
      '-z',
      '--no-renames',
      '--no-abbrev',
      '--no-ext-diff',
      '--no-textconv',
      '--ignore-submodules',
      '--relative',
      base,
      '--',
      ...pathspecs,
    ]).then(parseRawDiff),
    git(cwd, ['--literal-pathspecs', 'ls-files', '-s', '-v', '-z', '--', ...pathspecs]).then(parseIndex),
  ]);

  const headFiles = new Set(request.files);
  const changedFiles = new Set(request.files.filter((file) => !index.has(file)));
  const baseBlobs = new Map<string, string>();
  const gone: DiffEntry[] = [];
  for (const entry of diff) {
    if (headFiles.has(entry.path)) changedFiles.add(entry.path);
    if (!REGULAR_FILE.has(entry.oldMode)) continue;
    if (headFiles.has(entry.path)) baseBlobs.set(entry.path, entry.oldBlob);
    else if (entry.status === 'D' || entry.status === 'T') gone.push(entry);
  }
  // A file that is no longer there may still hold a connection that moved; the path input decides
  // whether it held definitions at the base.
  const selected = await selectedNames(
    request.path,
    gone.map((entry) => entry.path),
  );
  for (const entry of gone) if (selected.has(entry.path)) baseBlobs.set(entry.path, entry.oldBlob);

  const candidates = request.connections.filter((connection) =>
    changedFiles.has(connection.definition.source.file),
  );
  if (candidates.length === 0) return { base, changed: [], baseVersions: new Map() };
  const atBase = await baseConnections(git, cwd, baseBlobs, request.env);
  const changed = candidates.filter(
    (connection) => comparable(connection) !== comparableOrNone(atBase.get(connection.id)),
  );
  const baseVersions = new Map<string, ResolvedConnection>();
  for (const connection of changed) {
    const version = atBase.get(connection.id);
    if (version) baseVersions.set(connection.id, version);
  }
  return { base, changed, baseVersions };
}

/** The definition as compared: everything but where it is written. */
function comparable(connection: ResolvedConnection): string {
  const { source: _source, fields: _fields, ...definition } = connection.definition;
  return canonicalJson({ ...definition, id: connection.id });
}

function comparableOrNone(connection: ResolvedConnection | undefined): string | undefined {
  return connection && comparable(connection);
}

/** The base versions of the given files, by connection id; an id defined twice there is left out. */
async function baseConnections(
  git: Git,
  cwd: string,
  blobs: ReadonlyMap<string, string>,
  env: Env,
): Promise<Map<string, ResolvedConnection>> {
  const contents = await readBlobs(git, cwd, [...blobs.values()]);
  const definitions: ConnectionDefinition[] = [];
  for (const [file, blob] of blobs) {
    const bytes = contents.get(blob);
    if (bytes) definitions.push(...definitionsInContent(bytes, file));
  }
  const byId = new Map<string, ResolvedConnection>();
  const twice = new Set<string>();
  // Problems at the base do not matter: only the working tree has to be valid.
  for (const connection of resolveDefinitions(definitions, env).connections) {
    if (byId.has(connection.id)) twice.add(connection.id);
    byId.set(connection.id, connection);
  }
  for (const id of twice) byId.delete(id);
  return byId;
}

/** Blob contents up to the definition file limit; larger or missing blobs are left out. */
async function readBlobs(git: Git, cwd: string, blobs: readonly string[]): Promise<Map<string, Buffer>> {
  const unique = [...new Set(blobs)];
  const contents = new Map<string, Buffer>();
  if (unique.length === 0) return contents;
  const sizes = new Map<string, number>();
  const check = await git(cwd, ['cat-file', '--batch-check'], { input: `${unique.join('\n')}\n` });
  for (const line of check.toString('utf8').split('\n')) {
    const [blob, type, size] = line.split(' ');
    if (blob && type === 'blob' && Number(size) <= MAX_FILE_BYTES) sizes.set(blob, Number(size));
  }
  const wanted = [...sizes.keys()];
  if (wanted.length === 0) return contents;
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const out = await git(cwd, ['cat-file', '--batch'], {
    input: `${wanted.join('\n')}\n`,
    maxBytes: total + wanted.length * 128,
  });
  let offset = 0;
  while (offset < out.length) {
    const end = out.indexOf(0x0a, offset);
    if (end === -1) break;
    const [blob, type, size] = out.subarray(offset, end).toString('utf8').split(' ');
    offset = end + 1;
    if (type !== 'blob' || !blob) continue;
    contents.set(blob, out.subarray(offset, offset + Number(size)));
    offset += Number(size) + 1;
  }
  return contents;
}

async function resolveCommit(git: Git, cwd: string, revision: string): Promise<string> {
  const out = await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`]);
  return out.toString('utf8').trim();
}

interface DiffEntry {
  oldMode: string;
  oldBlob: string;
  status: string;
  path: string;
}

/** `git diff --raw -z`: `:oldmode newmode oldblob newblob status NUL path NUL` per file. */
function parseRawDiff(out: Buffer): DiffEntry[] {
  const parts = out.toString('utf8').split('\0');
  const entries: DiffEntry[] = [];
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const [oldMode, , oldBlob, , status] = parts[i]!.replace(/^:/, '').split(' ');
    entries.push({ oldMode: oldMode!, oldBlob: oldBlob!, status: status!.charAt(0), path: parts[i + 1]! });
  }
  return entries;
}

/**
 * `git ls-files -s -v -z`: the paths git tracks as regular files with nothing hiding their changes (tag `H`;
 * lower case is assume-unchanged, `S` skip-worktree).
 */
function parseIndex(out: Buffer): Set<string> {
  const tracked = new Set<string>();
  for (const record of out.toString('utf8').split('\0')) {
    const match = /^(\S) (\d+) [0-9a-f]+ \d\t(.*)$/s.exec(record);
    if (match && match[1] === 'H' && REGULAR_FILE.has(match[2]!)) tracked.add(match[3]!);
  }
  return tracked;
}

/**
 * The leading literal folders of each `path` entry, to narrow what git lists. Only narrows: an entry with
 * pattern characters early on widens the listing to the whole workspace, never hides a file.
 */
function literalPrefixes(pathInput: string): string[] {
  const prefixes = new Set<string>();
  const entries = pathInput
    .split(/\r?\n/)
    .map((entry) => entry.trim())
    .filter((entry) => entry && !entry.startsWith('#') && !entry.startsWith('!'));
  if (entries.length === 0) entries.push('okta/connections');
  for (const entry of entries) {
    const segments = path.posix.normalize(entry).split('/');
    const firstPattern = segments.findIndex((segment) => /[*?[\]{}\\]/.test(segment));
    const prefix = (firstPattern === -1 ? segments : segments.slice(0, firstPattern)).join('/');
    if (!prefix || prefix === '.' || prefix.startsWith('../') || prefix === '..' || prefix.startsWith('/')) {
      return ['.'];
    }
    prefixes.add(prefix);
  }
  return [...prefixes];
}

/**
 * Which of these workspace-relative names the `path` input selects. The names no longer exist on disk, and
 * the path input's rules live in files.ts and walk the file system, so they are asked about empty stand-ins
 * laid out under a temporary folder: the same rules, not a copy of them.
 */
async function selectedNames(pathInput: string, names: readonly string[]): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const root = await mkdtemp(path.join(tmpdir(), 'oac-scope-'));
  try {
    for (const name of names) {
      const file = path.join(root, ...name.split('/'));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, '');
    }
    const found = await findDefinitionFiles(pathInput, root);
    return new Set(found.files.map((file) => path.relative(root, file).split(path.sep).join('/')));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
