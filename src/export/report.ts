import { publicKeyLines } from '../resources/connection/render.js';
import { code, escapeMarkdown, tableRow } from '../render/markdown.js';
import type { ExportFile, ExportResult, ExportVariable } from './model.js';
import type { RefusedFile } from './write.js';

/** Table rows beyond this are counted, not listed: keeps the job summary far below its 1 MiB limit. */
const MAX_ROWS = 500;

export interface ExportReportContext {
  /** The folder as the user named it (`okta/connections`). */
  folder: string;
  orgHost?: string;
  /** Files that stopped the write (named as the user knows them), when it was refused. */
  refused?: readonly RefusedFile[];
}

export function exportHeadline(result: ExportResult, context: ExportReportContext): string {
  const org = context.orgHost ? ` of ${context.orgHost}` : '';
  const counts = `${plural(result.appsRead, 'app')} read, ${result.skipped.length} skipped${result.failures.length > 0 ? `, ${result.failures.length} could not be read` : ''}`;
  if (context.refused && context.refused.length > 0) {
    const n = context.refused.length;
    return `Nothing was written: ${plural(n, 'file')} of the export ${n === 1 ? 'exists' : 'exist'} already in ${context.folder} (${counts}).`;
  }
  if (result.files.length === 0) return `No connection to export${org} (${counts}).`;
  return `Wrote ${plural(result.files.length, 'definition file')} for the connections${org} into ${context.folder} (${counts}).`;
}

/** The job summary: files, the variables to create (as a ready `env:` block), skipped apps, failures. */
export function renderExportMarkdown(result: ExportResult, context: ExportReportContext): string {
  const refused = context.refused ?? [];
  const failed = result.failures.length > 0 || refused.length > 0;
  // Files, variables and keys only when written: a refused export has nothing to act on yet.
  const written = refused.length === 0;
  return [
    '## okta-app-connections: export',
    '',
    `${failed ? '❌' : '✅'} ${exportHeadline(result, context)}`,
    '',
    ...refusedMarkdown(refused),
    ...(written ? filesMarkdown(result.files) : []),
    ...(written && result.variables.length > 0 ? variablesMarkdown(result.variables) : []),
    ...(written ? publicKeysMarkdown(result.files) : []),
    ...failuresMarkdown(result.failures),
    ...skippedMarkdown(result.skipped),
  ].join('\n');
}

function refusedMarkdown(refused: NonNullable<ExportReportContext['refused']>): string[] {
  if (refused.length === 0) return [];
  return [
    'Export never overwrites definition files. Export into an empty folder (input `path`), or delete these files first:',
    '',
    ...limited(refused, ({ file, reason }) => `- ${code(file)}${reason === 'exists' ? '' : ` (${reason})`}`),
    '',
  ];
}

function filesMarkdown(files: ExportResult['files']): string[] {
  if (files.length === 0) return [];
  return [
    `| file | app | app id | auth scheme | action |`,
    '| --- | --- | --- | --- | --- |',
    ...limited(files, ({ fileName, connection: c }) =>
      tableRow([code(fileName), escapeMarkdown(c.label), code(c.appId), c.authScheme, c.action]),
    ),
    '',
  ];
}

function publicKeysMarkdown(files: ExportResult['files']): string[] {
  const keys = withPublicKey(files);
  if (keys.length === 0) return [];
  return [
    '### Org2Org public keys',
    '',
    ...limited(keys, ({ connection: c }) => {
      const [first, ...rest] = publicKeyLines(c.publicKey!, { quote: code, text: escapeMarkdown });
      return [`- ${escapeMarkdown(c.label || c.appId)} ${code(c.appId)}: ${first}`, ...rest].join('\n  ');
    }),
    '',
  ];
}

function failuresMarkdown(failures: ExportResult['failures']): string[] {
  if (failures.length === 0) return [];
  return [
    '### Could not be read',
    '',
    ...limited(
      failures,
      (f) =>
        `- ${code(f.appId)}${f.label ? ` ${escapeMarkdown(f.label)}` : ''}: ${escapeMarkdown(f.message)}`,
    ),
    '',
    'Export these later with input `export-apps` set to their ids.',
    '',
  ];
}

function skippedMarkdown(skipped: ExportResult['skipped']): string[] {
  if (skipped.length === 0) return [];
  return [
    `<details><summary>${plural(skipped.length, 'app')} skipped (no connection to manage)</summary>`,
    '',
    '| app | app id | kind | why |',
    '| --- | --- | --- | --- |',
    ...limited(skipped, (s) =>
      tableRow([escapeMarkdown(s.label), code(s.appId), code(s.appKind), escapeMarkdown(s.reason)]),
    ),
    '',
    '</details>',
    '',
  ];
}

function variablesMarkdown(variables: readonly ExportVariable[]): string[] {
  return [
    '### Secrets and variables to create',
    '',
    'Okta never returns secrets, so the files read them from environment variables. Create these (repository',
    'or environment secrets and variables) and pass them to the action step, so that apply can configure the',
    'connections:',
    '',
    '```yaml',
    'env:',
    ...variables.map((v) => `  ${v.name}: \${{ ${v.secret ? 'secrets' : 'vars'}.${v.name} }}`),
    '```',
    '',
    ...visibleEnvNote(variables, code),
    '| variable | kind | app | what to put in it |',
    '| --- | --- | --- | --- |',
    ...limited(variables, (v) =>
      tableRow([
        code(v.name),
        v.secret ? 'secret' : 'variable',
        escapeMarkdown(v.label || v.appId),
        escapeMarkdown(v.description),
      ]),
    ),
    '',
  ];
}

/** Plain variables feed shown fields, which may read only what `visible-env` names. */
export function visibleEnvNote(
  variables: readonly ExportVariable[],
  quote: (name: string) => string,
): string[] {
  const shown = variables.filter((v) => v.shown).map((v) => quote(v.name));
  return shown.length === 0
    ? []
    : [
        `Plans show these values: list them in the action's \`visible-env\` input (CLI: --visible-env): ${shown.join(', ')}.`,
        '',
      ];
}

/** Plain text for the CLI: each file, the variables to create, failures; skipped apps counted. */
export function renderExportText(result: ExportResult, context: ExportReportContext): string {
  const lines = [exportHeadline(result, context)];
  for (const { file, reason } of context.refused ?? []) {
    lines.push(`  ${reason}: ${file}`);
  }
  if (context.refused && context.refused.length > 0) {
    lines.push('Export never overwrites files: use another folder, delete them, or pass --force.');
  }
  for (const file of result.files)
    lines.push(`  ${file.fileName}  ${file.connection.label} (${file.connection.appId})`);
  if (result.variables.length > 0) {
    lines.push('Create these environment variables before apply (Okta never returns secrets):');
    for (const v of result.variables)
      lines.push(`  ${v.name}${v.secret ? ' (secret)' : ''}: ${v.description}`);
    lines.push(...visibleEnvNote(result.variables, (name) => name));
  }
  for (const { connection: c } of withPublicKey(result.files)) {
    const text = publicKeyLines(c.publicKey!, { quote: (t) => t, text: (t) => t });
    lines.push(`  ${c.label || c.appId} (${c.appId}): ${text.join('\n    ')}`);
  }
  for (const f of result.failures)
    lines.push(`could not read ${f.appId}${f.label ? ` ${f.label}` : ''}: ${f.message}`);
  return lines.join('\n');
}

function withPublicKey(files: readonly ExportFile[]): ExportFile[] {
  return files.filter((file) => file.connection.publicKey !== undefined);
}

function limited<T>(items: readonly T[], row: (item: T) => string): string[] {
  const rows = items.slice(0, MAX_ROWS).map(row);
  if (items.length > MAX_ROWS) rows.push('', `… and ${items.length - MAX_ROWS} more.`);
  return rows;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
