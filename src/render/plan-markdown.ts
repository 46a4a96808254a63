import type { ApplyReport, ConnectionApplyResult } from '../apply/model.js';
import type { ConnectionPlan, Plan } from '../plan/model.js';
import {
  consentNote,
  deactivationHeadline,
  doneText,
  driftDeactivationHeadline,
  outcomeText,
  publicKeyBlockMarkdown,
  publicKeyCellMarkdown,
  rotationSkippedNote,
  stateText,
  writeOnlyText,
} from '../resources/connection/render.js';
import { changeLines, changesOf, countsLine, scopeNote, sourceText } from './describe.js';
import { code, escapeMarkdown, httpsLink, messageMarkdown, tableRow } from './markdown.js';
import { problemsMarkdown } from './problems.js';
import { isDrift } from './words.js';

const MARKDOWN = { quote: code, text: escapeMarkdown };

/** What a report says of its plan. */
export type ReportState = 'planned' | 'applied' | 'apply-failed' | 'plan-changed';

export interface ReportContext {
  state: ReportState;
  headSha?: string;
  runUrl?: string;
  runNumber?: string;
  /** Where the full plan is when the comment had to be cut. */
  fullPlanAt?: string;
  /** Extra lines under the headline (notices, instructions). */
  notes?: string[];
  apply?: ApplyReport;
  /**
   * What `headSha` is, named so in the footer: the pull request's `head` (plans, the default) or the
   * `merge` commit on the default branch that apply ran for.
   */
  commitRole?: 'head' | 'merge';
  /** Names the plan in its headline (the `label` input); the org host and definitions path by default. */
  label?: string;
  /** When the plan was made (shown in the footer). */
  plannedAt?: Date;
  /**
   * `drift`: the scheduled check's issue. No merge is coming: the report says what differs and how to
   * bring Okta and the definitions back in line, not what a merge will do.
   */
  purpose?: 'review' | 'drift';
}

/** How many deactivated connections the warning names; the rest are counted. */
const DEACTIVATIONS_NAMED = 20;

/**
 * The plan (and apply result) as markdown for the PR comment and the job summary. Fits `limit` (the shell
 * knows GitHub's): the details go first, then table rows beyond what fits; the headline and counts stay.
 */
export function renderPlanMarkdown(plan: Plan, context: ReportContext, limit: number, prefix = ''): string {
  const scope = scopeNote(plan, code, escapeMarkdown);
  const head = [
    prefix,
    headline(plan, context),
    '',
    ...(scope ? [scope, ''] : []),
    ...(context.notes ?? []).flatMap((note) => [note, '']),
  ];
  const outcome = context.apply && new Map(context.apply.results.map((result) => [result.appId, result]));
  const applied = context.apply ? applySection(context.apply) : [];
  const drift = context.purpose === 'drift';
  const deactivations = deactivationWarning(plan, outcome, drift);
  const changing = plan.connections.filter((c) => c.operations.length > 0);
  const errors = plan.connections.filter((c) => c.error);
  const foot = footer(plan, context);
  const details = detailsSection(plan, outcome);
  const warnings = plan.warnings.length > 0 ? [problemsMarkdown(plan.warnings, 'Warnings')] : [];
  const rotation = rotationSkippedNote(plan, MARKDOWN);
  // Each row is rendered once; the search below only re-joins them. On a pull request, what someone
  // changed in Okta gets its own table, so that it stands out from what the pull request changes.
  const changeRows = changing.flatMap((connection) =>
    drift || onlyDrift(connection) ? [] : [changeRow(connection, outcome)],
  );
  const driftRows = changing.flatMap((connection) =>
    drift || hasDrift(connection) ? [driftRow(connection, outcome, drift)] : [],
  );
  const errorRows = errors.map(errorRow);

  const assemble = (rows: number, withDetails: boolean, cut: boolean) =>
    [
      ...head,
      ...deactivations,
      ...applied,
      ...changeTable(changeRows, rows),
      ...driftTable(driftRows, rows, drift, outcome !== undefined),
      ...(rotation ? [`ℹ️ ${rotation}`, ''] : []),
      ...errorSection(errorRows, rows),
      ...warnings,
      ...(withDetails ? details : []),
      ...(cut ? [cutNote(context)] : []),
      foot,
    ]
      .join('\n')
      .replace(/\n{3,}/g, '\n\n');

  const allRows = Math.max(changeRows.length, driftRows.length, errorRows.length);
  const full = assemble(allRows, true, false);
  if (full.length <= limit) return full;
  const withoutDetails = assemble(allRows, false, true);
  if (withoutDetails.length <= limit) return withoutDetails;
  // Keep as many rows of each table as fit: binary search over the row count, among the rows whose
  // text alone fits (so each step joins at most about `limit` characters, whatever the plan's size).
  let low = 0;
  let high = rowsWithin([changeRows, driftRows, errorRows], limit);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (assemble(mid, false, true).length <= limit) low = mid;
    else high = mid - 1;
  }
  return assemble(low, false, true).slice(0, limit);
}

function headline(plan: Plan, context: ReportContext): string {
  const org = code(context.label ?? plan.key);
  const run = runName(context);
  const sha = context.headSha ? ` at \`${context.headSha.slice(0, 7)}\`` : '';
  const counts = countsLine(plan);
  switch (context.state) {
    case 'applied':
      return `### ✅ Okta connections applied to ${org} in ${run}${sha}\n\n${applyCounts(context.apply)}`;
    case 'apply-failed':
      return `### ❌ Okta apply to ${org} failed in ${run}${sha}\n\n${applyCounts(context.apply)}`;
    case 'plan-changed':
      return `### ⚠️ Okta plan for ${org} changed since review: nothing was applied\n\nNew plan: ${counts}.`;
    default: {
      if (context.purpose === 'drift' && plan.changes) {
        return `### ⚠️ Okta drift for ${org}: Okta differs from the definitions\n\nTo bring Okta back in line with the definitions: ${counts}.`;
      }
      const icon = plan.counts.errors > 0 ? '❌' : plan.changes ? '📝' : '✅';
      const what = plan.changes ? 'changes to apply on merge' : 'no changes: Okta matches the definitions';
      return `### ${icon} Okta plan for ${org}: ${what}\n\n${counts}.`;
    }
  }
}

/** `[run #12](…)`: a bare `#12` would link (and notify) the issue or pull request of that number. */
function runName(context: ReportContext): string {
  if (!context.runNumber) return 'this run';
  return context.runUrl ? `[run #${context.runNumber}](${context.runUrl})` : `run ${context.runNumber}`;
}

function applyCounts(report: ApplyReport | undefined): string {
  if (!report) return '';
  const parts = [`${report.applied} applied`, `${report.failed} failed`];
  if (report.consentNeeded > 0) parts.push(`${report.consentNeeded} waiting for consent`);
  return `${parts.join(', ')}.`;
}

/** Apply results by app id, once apply ran: the comment then says what happened, not what will. */
type Outcome = ReadonlyMap<string, ConnectionApplyResult> | undefined;

/** Once apply ran: whether the write-only values were sent (with a configure that went through). */
function secretsSet(connection: ConnectionPlan, outcome: Outcome): boolean | undefined {
  return outcome && (outcome.get(connection.appId)?.done.includes('configure') ?? false);
}

/** The operations as planned or, once apply ran, as carried out. */
function operationsCell(connection: ConnectionPlan, outcome: Outcome): string {
  return outcomeText(connection, outcome?.get(connection.appId));
}

/**
 * Above everything else: deactivating a connection stops provisioning for every user assigned to the
 * app. Before apply, the connections that will be; after, those that were.
 */
function deactivationWarning(plan: Plan, outcome: Outcome, drift: boolean): string[] {
  const deactivated = plan.connections.filter((connection) =>
    outcome
      ? outcome.get(connection.appId)?.done.includes('deactivate')
      : connection.operations.includes('deactivate'),
  );
  if (deactivated.length === 0) return [];
  const more = deactivated.length - DEACTIVATIONS_NAMED;
  return [
    '> [!WARNING]',
    `> **${drift ? driftDeactivationHeadline(deactivated.length) : deactivationHeadline(deactivated.length, outcome !== undefined)}.**`,
    '>',
    ...deactivated
      .slice(0, DEACTIVATIONS_NAMED)
      .map((connection) => `> - ${escapeMarkdown(connection.name)} ${code(connection.appId)}`),
    ...(more > 0 ? [`> - … and ${more} more`] : []),
    '',
  ];
}

/** How many rows of every table together fit in `limit` characters, counting their text alone. */
function rowsWithin(tables: readonly (readonly string[])[], limit: number): number {
  let size = 0;
  const rows = Math.max(...tables.map((table) => table.length));
  for (let i = 0; i < rows; i++) {
    // Each row and its line break; a doc with i + 1 rows in each table is at least this long.
    for (const table of tables) if (table[i] !== undefined) size += table[i]!.length + 1;
    if (size > limit) return i;
  }
  return rows;
}

function changeTable(rows: readonly string[], shown: number): string[] {
  if (rows.length === 0) return [];
  const lines = [
    '#### Changes',
    '',
    '| Connection | App id | Operations | Changes |',
    '| --- | --- | --- | --- |',
    ...rows.slice(0, shown),
  ];
  if (shown < rows.length)
    lines.push('', `… and ${rows.length - shown} more changing connections, not shown here.`);
  return [...lines, ''];
}

/** Someone changed this connection in Okta, and the pull request did not touch it. */
function onlyDrift(connection: ConnectionPlan): boolean {
  const changes = changesOf(connection);
  return changes.length > 0 && changes.every(isDrift) && connection.writeOnly.length === 0;
}

function hasDrift(connection: ConnectionPlan): boolean {
  return changesOf(connection).some(isDrift);
}

/**
 * Changes made in Okta outside the repository, in a section of their own (as tfcmt's "changes outside
 * Terraform"). On the drift issue every difference is listed there.
 */
function driftTable(rows: readonly string[], shown: number, drift: boolean, applied: boolean): string[] {
  if (rows.length === 0) return [];
  const intro = drift
    ? 'Someone changed these in Okta, or a merged change was not applied. Each row shows what Okta has now → what the definitions say.'
    : applied
      ? 'Someone had changed these in Okta; the apply put back what the definitions say.'
      : 'Someone changed these in Okta; this pull request does not change them. The apply on merge puts back what the definitions say, unless the definitions are changed to match Okta.';
  const lines = [
    drift
      ? '#### Where Okta differs from the definitions'
      : `#### Changes made in Okta outside this repository`,
    '',
    intro,
    '',
    `| Connection | App id | ${drift ? 'Apply would' : 'Operations'} | Okta now → definitions |`,
    '| --- | --- | --- | --- |',
    ...rows.slice(0, shown),
  ];
  if (shown < rows.length) lines.push('', `… and ${rows.length - shown} more, not shown here.`);
  return [...lines, ''];
}

function driftRow(connection: ConnectionPlan, outcome: Outcome, drift: boolean): string {
  const cells = changeLines(connection, cellCode, { markDrift: false, only: drift ? undefined : isDrift });
  if (drift) cells.push(...connection.writeOnly.map((value) => escapeMarkdown(writeOnlyText(value))));
  return tableRow([
    escapeMarkdown(connection.name),
    code(connection.appId),
    operationsCell(connection, outcome),
    cells.join('<br>') || '—',
  ]);
}

/** How many characters of a value a table cell shows; the details and the plan file have it all. */
const CELL_VALUE_CHARS = 80;

/** A value in a table cell: long ones are cut, so no cell stretches the table past the page. */
function cellCode(text: string): string {
  return code(text.length > CELL_VALUE_CHARS ? `${text.slice(0, CELL_VALUE_CHARS - 1)}…` : text);
}

function changeRow(connection: ConnectionPlan, outcome: Outcome): string {
  const set = secretsSet(connection, outcome);
  const cells = [
    ...changeLines(connection, cellCode, { markDrift: false, only: (change) => !isDrift(change) }),
    ...connection.writeOnly.map((value) => escapeMarkdown(writeOnlyText(value, set))),
    ...(!outcome && consentNote(connection) ? [`⚠️ ${consentNote(connection)}`] : []),
  ];
  return tableRow([
    escapeMarkdown(connection.name),
    code(connection.appId),
    operationsCell(connection, outcome),
    cells.join('<br>') || '—',
  ]);
}

function errorSection(rows: readonly string[], shown: number): string[] {
  if (rows.length === 0) return [];
  const more = rows.length - Math.min(shown, rows.length);
  return [
    '#### Could not be planned',
    '',
    '| Connection | App id | Where | Problem |',
    '| --- | --- | --- | --- |',
    ...rows.slice(0, shown),
    ...(more > 0 ? ['', `… and ${more} more connections that could not be planned, not shown here.`] : []),
    '',
  ];
}

function errorRow(connection: ConnectionPlan): string {
  const at = connection.error?.at ?? connection.source;
  return tableRow([
    escapeMarkdown(connection.name),
    code(connection.appId),
    code(`${at.file}:${at.line}`),
    messageMarkdown(connection.error?.message ?? ''),
  ]);
}

function applySection(report: ApplyReport): string[] {
  const shown = report.results.filter((result) => result.status !== 'unchanged');
  if (shown.length === 0) return [];
  return [
    '#### Apply results',
    '',
    '| Connection | App id | Result | Detail |',
    '| --- | --- | --- | --- |',
    ...shown.map((result) =>
      tableRow([escapeMarkdown(result.name), code(result.appId), resultText(result), resultDetail(result)]),
    ),
    '',
    // Keys are too long for a table cell: each goes in a block under the table, ready to copy.
    ...shown.flatMap(publicKeyBlockMarkdown),
  ];
}

function resultText(result: ConnectionApplyResult): string {
  switch (result.status) {
    case 'applied':
      return `✅ ${doneText(result.done)}`;
    case 'consent-needed':
      return `⏳ consent needed`;
    case 'failed':
      return `❌ failed${result.error?.code ? ` (${code(result.error.code)})` : ''}`;
    default:
      return 'no change';
  }
}

function resultDetail(result: ConnectionApplyResult): string {
  const parts: string[] = [];
  if (result.consentUrl)
    parts.push(`an Okta admin must grant consent: ${httpsLink('open the consent page', result.consentUrl)}`);
  if (result.error) parts.push(messageMarkdown(result.error.message));
  parts.push(...publicKeyCellMarkdown(result.publicKey));
  for (const mismatch of result.mismatches ?? []) {
    parts.push(
      `${mismatch.field}: Okta has ${cellCode(mismatch.before ?? 'not set')}, wanted ${cellCode(mismatch.after ?? 'not set')}`,
    );
  }
  return parts.join('<br>') || '—';
}

function detailsSection(plan: Plan, outcome: Outcome): string[] {
  if (plan.connections.length === 0) return [];
  const blocks = plan.connections.map((connection) => {
    const lines = [
      `**${escapeMarkdown(connection.name)}** ${code(connection.appId)}${connection.appKind ? ` · ${escapeMarkdown(connection.appKind)}` : ''} · ${code(sourceText(connection))} · ${operationsCell(connection, outcome)}`,
    ];
    if (connection.live) {
      lines.push(`- ${outcome ? 'before apply' : 'live'}: ${stateText(connection.live, code)}`);
    }
    for (const line of changeLines(connection, code)) lines.push(`- ${line}`);
    const set = secretsSet(connection, outcome);
    for (const value of connection.writeOnly) lines.push(`- ${escapeMarkdown(writeOnlyText(value, set))}`);
    if (connection.error) lines.push(`- error: ${messageMarkdown(connection.error.message)}`);
    return lines.join('\n');
  });
  return [
    `<details><summary>Details of all ${plan.connections.length} connections</summary>`,
    '',
    blocks.join('\n\n'),
    '',
    '</details>',
    '',
  ];
}

function cutNote(context: ReportContext): string {
  return `> The full plan did not fit here. It is in ${context.fullPlanAt ?? 'the job summary and the plan file of the workflow run'}.\n`;
}

function footer(plan: Plan, context: ReportContext): string {
  const parts = [`Plan hash ${code(plan.hash)}`];
  if (context.headSha) parts.push(`${context.commitRole ?? 'head'} ${code(context.headSha.slice(0, 12))}`);
  if (context.plannedAt)
    parts.push(`${context.apply ? 'applied' : 'planned'} ${utcMinute(context.plannedAt)}`);
  if (context.runUrl) parts.push(`[workflow run](${context.runUrl})`);
  return `<sub>${parts.join(' · ')} · okta-app-connections</sub>\n`;
}

/** `2026-12-03 10:13 UTC`: the same for every reader, whatever their time zone. */
function utcMinute(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
