import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { formatPath, parseDefinitionYaml, type ParsedFile, type YamlPath } from './document.js';
import { findDefinitionFiles } from './files.js';
import { declaredFeatures } from '../resources/features/schema.js';
import { describeIssue } from './messages.js';
import { ProblemList, type ProblemCounts } from './problem-list.js';
import { checkConnectionRules, reservedEnvProblem } from './rules.js';
import { connectionSchema, type ConnectionInput } from '../resources/connection/schema.js';
import { definitionFileSchema, SECRET_FIELDS, WRITE_ONLY_FIELDS } from './schema.js';
import { isEnvRef, type ConnectionDefinition, type Problem, type SourceLocation } from './types.js';
import type { z } from 'zod';

export const MAX_FILE_BYTES = 1024 * 1024;

export interface LoadedDefinitions {
  definitions: ConnectionDefinition[];
  /** Errors and warnings, sorted by file and position: the first ones of each severity (see ProblemList). */
  problems: Problem[];
  /** Problems counted but not in `problems`; reports say "… and N more". */
  unlisted: ProblemCounts;
  /** Files read, relative to the workspace. */
  files: string[];
}

export interface LoadOptions {
  /**
   * The variables shown fields may read (`visible-env`): the runner's environment holds secrets no definition
   * mentions, and plans are public. Undefined: not checked (export and tests that only parse).
   */
  visibleEnv?: readonly string[];
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/**
 * Finds, parses and checks every definition file in one pass, collecting all problems. Definitions are
 * returned only for connections that have no error of their own; callers act only when there is no error at all.
 */
export async function loadDefinitions(
  pathInput: string,
  workspace: string,
  options: LoadOptions = {},
): Promise<LoadedDefinitions> {
  const found = await findDefinitionFiles(pathInput, workspace);
  const problems = new ProblemList();
  problems.addAll(found.problems);
  const definitions: ConnectionDefinition[] = [];
  const files: string[] = [];
  const references: FileReferences = { ids: [], envUses: [] };

  for (const absolute of found.files) {
    const file = path.relative(workspace, absolute).split(path.sep).join('/');
    files.push(file);
    const read = await readDefinitionText(absolute);
    if ('error' in read) {
      problems.add({ file, line: 1, column: 1, severity: 'error', message: read.error });
      continue;
    }
    const parsed = parseDefinitionYaml(read.text, file);
    if ('errors' in parsed) {
      for (const error of parsed.errors) problems.add({ file, severity: 'error', ...error });
      continue;
    }
    // Loops, not push(...list): a spread of 80,000 items overflows the call stack.
    const checked = checkFile(parsed, problems);
    for (const definition of checked.definitions) definitions.push(definition);
    for (const id of checked.references.ids) references.ids.push(id);
    for (const use of checked.references.envUses) references.envUses.push(use);
  }

  problems.addAll(checkAcrossFiles(references, options.visibleEnv));
  return { definitions, problems: problems.sorted(), unlisted: problems.unlisted(), files };
}

/**
 * Reads a file findDefinitionFiles vetted, checking again on the open handle: no link followed at the last
 * step, no wait on a FIFO swapped in since (non-blocking open), only a regular file within the size limit.
 */
async function readDefinitionText(file: string): Promise<{ text: string } | { error: string }> {
  const handle = await open(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch(
    (error: NodeJS.ErrnoException) => error,
  );
  if (handle instanceof Error) {
    return { error: `the file could not be read (${handle.code ?? handle.message}).` };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { error: 'the file is not a regular file; it was not read.' };
    if (info.size > MAX_FILE_BYTES) {
      return {
        error: `the file is ${(info.size / 1024 / 1024).toFixed(1)} MiB, over the 1 MiB limit for a definition file; split it into several files.`,
      };
    }
    return decodeDefinitionBytes(await handle.readFile());
  } finally {
    await handle.close();
  }
}

function decodeDefinitionBytes(bytes: Uint8Array): { text: string } | { error: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { error: 'the file is not valid UTF-8 text; save it as UTF-8.' };
  }
}

/**
 * The valid definitions in one file's content that is not on disk (an earlier commit's version, for scope:
 * changed). Only the file's own checks apply; a file that cannot be read yields none.
 */
export function definitionsInContent(bytes: Uint8Array, file: string): ConnectionDefinition[] {
  if (bytes.byteLength > MAX_FILE_BYTES) return [];
  const read = decodeDefinitionBytes(bytes);
  if ('error' in read) return [];
  const parsed = parseDefinitionYaml(read.text, file);
  return 'errors' in parsed ? [] : checkFile(parsed, new ProblemList()).definitions;
}

/** One file's own checks: its problems go to `problems`. */
function checkFile(
  parsed: ParsedFile,
  problems: ProblemList,
): {
  definitions: ConnectionDefinition[];
  references: FileReferences;
} {
  const broken = new Set<number>();
  const report: Report = (p, atKey, severity, message) => {
    problems.addLazily(severity, () => ({ ...parsed.locate(p, { key: atKey }), severity, message }));
    if (severity === 'error' && typeof p[1] === 'number' && p[0] === 'connections') broken.add(p[1]);
  };

  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    report(
      [],
      false,
      'error',
      'the file must be a mapping with a top-level `connections:` list (see examples/connections).',
    );
    return { definitions: [], references: { ids: [], envUses: [] } };
  }
  const connections = (value as { connections?: unknown }).connections;
  const list = Array.isArray(connections) ? connections : [];
  const { valid, parsedConnections } = checkShapes(value, report);
  list.forEach((connection, index) => {
    for (const finding of checkConnectionRules(connection, ['connections', index])) {
      report(finding.path, finding.atKey, finding.severity, finding.message);
    }
  });
  if (Array.isArray(connections) && connections.length === 0) {
    report(['connections'], false, 'warning', '`connections` is empty; this file defines nothing.');
  }

  const references: FileReferences = { ids: [], envUses: [] };
  list.forEach((connection, index) => collectReferences(connection, index, parsed, references));
  const definitions = parsedConnections.flatMap((connection, index) =>
    broken.has(index) || !valid || !connection ? [] : [toDefinition(connection, index, parsed)],
  );
  return { definitions, references };
}

type Report = (p: YamlPath, atKey: boolean, severity: Problem['severity'], message: string) => void;

/**
 * The file's own keys first, then each connection on its own: zod's issues for one connection at a time are
 * described and dropped, so a file of 80,000 broken entries never holds all their issues at once.
 */
function checkShapes(
  value: object,
  report: Report,
): { valid: boolean; parsedConnections: (ConnectionInput | undefined)[] } {
  const connections = (value as { connections?: unknown }).connections;
  const list = Array.isArray(connections) ? connections : [];
  const reportIssues = (issues: readonly z.core.$ZodIssue[], prefix: YamlPath) => {
    const seen = new Set<string>();
    for (const issue of issues) {
      for (const text of describeIssue({ ...issue, path: [...prefix, ...issue.path] }, value)) {
        const key = `${formatPath(text.path)}|${text.message}`;
        if (!seen.has(key)) {
          seen.add(key);
          report(text.path, text.atKey, 'error', text.message);
        }
      }
    }
  };
  const fileResult = definitionFileSchema.safeParse(
    Array.isArray(connections) ? { ...value, connections: [] } : value,
  );
  if (!fileResult.success) reportIssues(fileResult.error.issues, []);
  const parsedConnections = list.map((connection, index) => {
    const result = connectionSchema.safeParse(connection);
    if (!result.success) reportIssues(result.error.issues, ['connections', index]);
    return result.success ? result.data : undefined;
  });
  const valid = fileResult.success && parsedConnections.every((connection) => connection !== undefined);
  return { valid, parsedConnections };
}

interface FileReferences {
  ids: { id: string; location: SourceLocation }[];
  envUses: EnvUse[];
}

interface EnvUse {
  field: string;
  location: SourceLocation;
  name: string;
  secret: boolean;
  /** Read into a field plans show (not a write-only one). */
  shown: boolean;
}

/** The id and every `{ env }` use of a connection, read from the raw value so broken connections count too. */
function collectReferences(raw: unknown, index: number, parsed: ParsedFile, refs: FileReferences): void {
  if (!raw || typeof raw !== 'object') return;
  const base: YamlPath = ['connections', index];
  const id = (raw as { id?: unknown }).id;
  if (typeof id === 'string') refs.ids.push({ id, location: parsed.locate([...base, 'id']) });
  const visit = (value: unknown, sub: string[]) => {
    if (isEnvRef(value)) {
      const location = parsed.locate([...base, ...sub, 'env']);
      refs.envUses.push({
        field: formatPath([...base, ...sub]),
        location,
        name: value.env,
        secret: SECRET_FIELDS.has(sub.at(-1)!),
        shown: !WRITE_ONLY_FIELDS.has(sub.at(-1)!),
      });
    } else if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) visit(inner, [...sub, key]);
    }
  };
  visit(raw, []);
}

function toDefinition(raw: ConnectionInput, index: number, parsed: ParsedFile): ConnectionDefinition {
  const base: YamlPath = ['connections', index];
  const fields: Record<string, SourceLocation> = {};
  const visit = (value: unknown, sub: string[]) => {
    fields[sub.join('.')] = parsed.locate([...base, ...sub]);
    if (value && typeof value === 'object' && !isEnvRef(value)) {
      for (const [key, inner] of Object.entries(value)) visit(inner, [...sub, key]);
    }
  };
  for (const [key, inner] of Object.entries(raw)) visit(inner, [key]);
  const { profile } = raw;
  const features = declaredFeatures(raw);
  return {
    id: raw.id,
    ...(raw.name !== undefined && { name: raw.name }),
    ...(raw.base_url !== undefined && profile.auth_scheme === 'TOKEN' && { baseUrl: raw.base_url }),
    action: raw.action,
    profile: {
      authScheme: profile.auth_scheme,
      ...(profile.token && { token: profile.token }),
      ...(profile.client_id !== undefined && { clientId: profile.client_id }),
      ...(profile.signing && {
        signing: profile.signing.rotation_mode ? { rotationMode: profile.signing.rotation_mode } : {},
      }),
      ...(profile.settings && {
        settings: {
          adminUsername: profile.settings.admin_username,
          adminPassword: profile.settings.admin_password,
        },
      }),
    },
    ...(features && { features }),
    source: parsed.locate(base),
    fields,
  };
}

/** Duplicate ids and env-variable misuse, which only show when all files are read. */
function checkAcrossFiles({ ids, envUses }: FileReferences, visibleEnv?: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const firstById = new Map<string, SourceLocation>();
  for (const { id, location } of ids) {
    const first = firstById.get(id);
    if (first) {
      problems.push({
        ...location,
        severity: 'error',
        message: `app id ${id} is defined twice: here and at ${first.file}:${first.line}; keep one definition per app.`,
      });
    } else {
      firstById.set(id, location);
    }
  }

  const secretNames = new Set(envUses.filter((ref) => ref.secret).map((ref) => ref.name));
  for (const ref of envUses) {
    const reserved = reservedEnvProblem(ref.name);
    if (reserved) {
      problems.push({ ...ref.location, severity: 'error', message: `\`${ref.field}\`: ${reserved}` });
    } else if (ref.shown && secretNames.has(ref.name)) {
      problems.push({
        ...ref.location,
        severity: 'error',
        message: `\`${ref.field}\` reads ${ref.name}, which holds a secret elsewhere in the definitions; a visible field would print it in plans. Use a separate variable.`,
      });
    } else if (ref.shown && visibleEnv && !visibleEnv.includes(ref.name)) {
      problems.push({
        ...ref.location,
        severity: 'error',
        message: `\`${ref.field}\` reads ${ref.name}, which is not listed in the \`visible-env\` input; a shown field ends up in the plan comment for everyone who can read the pull request. Add ${ref.name} to \`visible-env\` (CLI: --visible-env) if its value may be public, or write the value in the file.`,
      });
    }
  }
  return problems;
}
