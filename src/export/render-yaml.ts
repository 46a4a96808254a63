import { visibleEnvNote } from './report.js';
import { parse, stringify } from 'yaml';
import { SCHEMA_URL } from '../definitions/schema-url.js';
import type { FeatureValues } from '../definitions/types.js';
import { FEATURE_SETTINGS } from '../resources/features/schema.js';
import { isEnvRef, type StringValue } from '../definitions/types.js';
import { appKindLabel } from '../kinds/index.js';
import type { ExportedConnection, ExportVariable } from './model.js';

export interface RenderContext {
  /** The org's host, named in the header. */
  orgHost?: string;
  variables: readonly ExportVariable[];
}

/**
 * One definition file for one connection. The layout (key order, comments, indentation) is written here so
 * that it is exact; each value goes through the `yaml` package so that it is quoted whenever it must be.
 */
export function renderDefinitionFile(connection: ExportedConnection, context: RenderContext): string {
  const lines = [
    `# yaml-language-server: $schema=${SCHEMA_URL}`,
    '#',
    ...header(connection, context),
    'connections:',
    `  - id: ${scalar(connection.appId)}`,
  ];
  const field = (indent: number, key: string, value: StringValue | undefined) => {
    if (value !== undefined) lines.push(`${' '.repeat(indent)}${key}: ${renderValue(value)}`);
  };
  field(4, 'name', connection.label || undefined);
  field(4, 'base_url', connection.baseUrl);
  field(4, 'action', connection.action);
  lines.push('    profile:');
  field(6, 'auth_scheme', connection.authScheme);
  field(6, 'token', connection.token);
  field(6, 'client_id', connection.clientId);
  if (connection.rotationMode) lines.push(`      signing: { rotation_mode: ${connection.rotationMode} }`);
  if (connection.settings) {
    lines.push('      settings:');
    field(8, 'admin_username', connection.settings.adminUsername);
    field(8, 'admin_password', connection.settings.adminPassword);
  }
  lines.push(...featureLines(connection.features ?? {}));
  return `${lines.join('\n')}\n`;
}

/** `to_app` / `to_okta` blocks from settings by path, in the catalog's order (which keeps blocks together). */
function featureLines(values: FeatureValues): string[] {
  const lines: string[] = [];
  let open: string[] = [];
  for (const { path } of FEATURE_SETTINGS) {
    const value = values[path];
    if (value === undefined) continue;
    const keys = path.split('.');
    let shared = 0;
    while (shared < open.length && shared < keys.length - 1 && open[shared] === keys[shared]) shared += 1;
    open = keys.slice(0, -1);
    keys.forEach((key, depth) => {
      const indent = ' '.repeat(4 + 2 * depth);
      if (depth === keys.length - 1)
        lines.push(`${indent}${key}: ${typeof value === 'string' ? scalar(value) : value}`);
      else if (depth >= shared) lines.push(`${indent}${key}:`);
    });
  }
  return lines;
}

function header(connection: ExportedConnection, { orgHost, variables }: RenderContext): string[] {
  const kind = appKindLabel(connection.appKind);
  const what = `${oneLine(connection.label) || connection.appId} (${kind}, app ${connection.appId})`;
  const lines = [
    `# ${what}: exported${orgHost ? ` from ${orgHost}` : ''} by \`okta-app-connections export\`.`,
  ];
  if (variables.length === 0) {
    lines.push('# This connection needs no secrets.');
  } else {
    lines.push(
      '# Okta never returns secrets. Before apply configures this connection, create these and pass them to',
      '# the action step through `env:`:',
      ...variables.map(
        (variable) => `#   ${variable.name}: ${variable.description}${variable.secret ? ' (secret)' : ''}`,
      ),
      ...visibleEnvNote(variables, (name) => name)
        .filter(Boolean)
        .map((line) => `# ${line}`),
    );
  }
  lines.push(...connection.notes.map((note) => `# Note: ${oneLine(note)}`));
  return lines;
}

function renderValue(value: StringValue): string {
  return isEnvRef(value) ? `{ env: ${value.env} }` : scalar(value);
}

/**
 * A string as a YAML scalar that reads back as the same string under YAML 1.2 (what the loader uses) and
 * 1.1 (what older tools use, where `yes` is a boolean). JSON's double-quoted form is valid YAML.
 */
export function scalar(value: string): string {
  const text = stringify(value, { lineWidth: 0 }).replace(/\n$/, '');
  const safe = !text.includes('\n') && parse(text) === value && parse(text, { version: '1.1' }) === value;
  return safe ? text : JSON.stringify(value);
}

/** Text for a comment line: no line breaks or other control characters. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]+/g, ' ').trim();
}
