import { isMap, isPair, isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { Severity, SourceLocation } from './types.js';

export type YamlPath = readonly (string | number)[];

/** A problem found by a rule, at a YAML path (positions are added once the file's map is known). */
export interface RuleFinding {
  path: YamlPath;
  atKey: boolean;
  severity: Severity;
  message: string;
}

export function formatPath(path: YamlPath): string {
  return path.reduce<string>(
    (out, segment) =>
      typeof segment === 'number' ? `${out}[${segment}]` : out ? `${out}.${segment}` : segment,
    '',
  );
}

export function valueAt(root: unknown, path: YamlPath): unknown {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Largest number of alias expansions a file may use: a bound that stops "billion laughs" files. */
export const MAX_ALIAS_COUNT = 50;

export interface ParsedFile {
  value: unknown;
  /** Where the node at `path` starts; with `key`, where its key starts (for unknown keys). */
  locate(path: YamlPath, options?: { key?: boolean }): SourceLocation;
}

export interface ParseFailure {
  errors: { line: number; column: number; message: string }[];
}

/** Parses one YAML document keeping positions. Returns failures as data, never throws. */
export function parseDefinitionYaml(text: string, file: string): ParsedFile | ParseFailure {
  const lineCounter = new LineCounter();
  const at: Position = (offset) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const single = singleDocument(text, lineCounter, at);
  if ('errors' in single) return single;
  const { doc } = single;
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const hint = /alias/i.test(message)
      ? `YAML anchors and aliases expand past the limit of ${MAX_ALIAS_COUNT}; write the values out instead of nesting aliases.`
      : `YAML could not be read: ${firstLine(message)}`;
    return { errors: [{ line: 1, column: 1, message: hint }] };
  }
  return { value, locate: (path, options = {}) => ({ file, ...at(offsetOf(doc, path, options)) }) };
}

type Position = (offset: number) => { line: number; column: number };

/** The file's one document, without syntax problems, or why not. */
function singleDocument(
  text: string,
  lineCounter: LineCounter,
  at: Position,
): { doc: Document.Parsed } | ParseFailure {
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  // Only a stream with comments and no content is not an array (parseAllDocuments returns an EmptyStream).
  if (!Array.isArray(documents) || documents.length === 0) {
    return { errors: [{ line: 1, column: 1, message: emptyMessage }] };
  }
  if (documents.length > 1) {
    const second = documents[1]!;
    return {
      errors: [
        {
          ...at(second.range[0]),
          message:
            'this file holds several YAML documents (separated by ---); keep one document per file with one `connections:` list, or split it into several files.',
        },
      ],
    };
  }
  const doc = documents[0] as Document.Parsed;
  const problems = [...doc.errors, ...doc.warnings].map((error) => ({
    ...at(error.pos[0]),
    message: `YAML ${error.name === 'YAMLWarning' ? 'problem' : 'syntax error'}: ${firstLine(error.message)}`,
  }));
  if (problems.length > 0) return { errors: problems };
  if (doc.contents === null) return { errors: [{ line: 1, column: 1, message: emptyMessage }] };
  return { doc };
}

/** Where the node at `path` starts (with `key`, its key), as far as the path exists: the offset in the text. */
function offsetOf(doc: Document.Parsed, path: YamlPath, options: { key?: boolean }): number {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let found = doc.contents ?? undefined;
  for (const segment of path) {
    if (!node || typeof node !== 'object' || !('items' in node)) break;
    const items = (node as { items: unknown[] }).items;
    let next: unknown;
    if (isMap(node)) {
      const pair = items.find((item) => isPair(item) && scalarValue(item.key) === segment);
      if (isPair(pair)) {
        keyNode = pair.key;
        next = pair.value ?? pair.key;
      }
    } else if (typeof segment === 'number') {
      next = items[segment];
      keyNode = next;
    }
    if (!next) break;
    node = next;
    found = next as typeof found;
  }
  const target = options.key && keyNode ? keyNode : found;
  return (target as { range?: [number, number, number] } | undefined)?.range?.[0] ?? 0;
}

const emptyMessage =
  'the file is empty; add a `connections:` list (see examples/connections) or delete the file.';

function scalarValue(node: unknown): unknown {
  return isScalar(node) ? node.value : node;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
