import type { ApplyReport } from '../apply/model.js';
import type { ConnectionPlan, Plan } from '../plan/model.js';
import {
  consentNote,
  deactivationHeadline,
  doneText,
  operationsText,
  publicKeyLines,
  rotationSkippedNote,
  writeOnlyText,
} from '../resources/connection/render.js';
import { changeLines, countsLine, scopeNote, sourceText } from './describe.js';
import { oneLine } from './markdown.js';
import { problemsText } from './problems.js';

/**
 * Untrusted text (names, labels, Okta errors and links, file names) stays on its line, after our own
 * prefix: it can never start a line of the log (where `::` would be a workflow command).
 */
const quote = (text: string) => JSON.stringify(text);
const DEACTIVATIONS_NAMED = 20;
const TEXT = { quote, text: oneLine };
/** Keys and ids as they are: a JWK in quotes would be JSON inside JSON. */
const PLAIN = { quote: oneLine, text: oneLine };

/** The plan for a terminal, in the spirit of `terraform plan`. */
export function renderPlanText(plan: Plan): string {
  const lines = [`Okta plan for ${plan.org} (${plan.path})`, ''];
  const deactivating = plan.connections.filter((connection) => connection.operations.includes('deactivate'));
  if (deactivating.length > 0) {
    const names = deactivating
      .slice(0, DEACTIVATIONS_NAMED)
      .map((c) => `${oneLine(c.name)} (${oneLine(c.appId)})`);
    const more =
      deactivating.length > DEACTIVATIONS_NAMED
        ? ` and ${deactivating.length - DEACTIVATIONS_NAMED} more`
        : '';
    lines.push(
      `  WARNING: ${deactivationHeadline(deactivating.length, false)}: ${names.join(', ')}${more}.`,
      '',
    );
  }
  for (const connection of plan.connections) {
    if (connection.operations.length === 0 && !connection.error) continue;
    lines.push(
      `  ${symbol(connection)} ${oneLine(connection.name)} (${oneLine(connection.appId)}): ${operationsText(connection)}`,
    );
    for (const line of changeLines(connection, quote)) lines.push(`      ${line}`);
    for (const value of connection.writeOnly) lines.push(`      ${writeOnlyText(value)}`);
    const note = consentNote(connection);
    if (note) lines.push(`      note: ${note}`);
    if (connection.error)
      lines.push(`      error at ${oneLine(sourceText(connection))}: ${oneLine(connection.error.message)}`);
  }
  if (!plan.changes && plan.counts.errors === 0) lines.push('  No changes: Okta matches the definitions.');
  const skipped = rotationSkippedNote(plan, TEXT);
  if (skipped) lines.push(`  note: ${skipped}`);
  if (plan.warnings.length > 0) lines.push('', problemsText(plan.warnings));
  const scope = scopeNote(plan, (text) => text, oneLine);
  if (scope) lines.push('', scope);
  lines.push('', `Plan: ${countsLine(plan)}.`, `Plan hash: ${plan.hash}`);
  return lines.join('\n');
}

export function renderApplyText(report: ApplyReport): string {
  const lines: string[] = [];
  for (const result of report.results) {
    if (result.status === 'unchanged') continue;
    const what =
      result.status === 'applied'
        ? `applied (${doneText(result.done)})`
        : result.status === 'consent-needed'
          ? `consent needed: ${result.consentUrl ?? 'open the app in the Okta Admin Console'}`
          : `FAILED${result.error?.code ? ` [${result.error.code}]` : ''}: ${result.error?.message ?? ''}`;
    lines.push(`  - ${oneLine(result.name)} (${oneLine(result.appId)}): ${oneLine(what)}`);
    for (const line of result.publicKey ? publicKeyLines(result.publicKey, PLAIN) : []) {
      lines.push(`      ${line}`);
    }
    for (const mismatch of result.mismatches ?? []) {
      lines.push(
        `      ${mismatch.field}: Okta has ${quoteOrNotSet(mismatch.before)}, wanted ${quoteOrNotSet(mismatch.after)}`,
      );
    }
  }
  lines.push(
    '',
    `Apply: ${report.applied} applied, ${report.failed} failed, ${report.consentNeeded} waiting for consent.`,
  );
  return lines.join('\n');
}

function quoteOrNotSet(value: string | null | undefined): string {
  return value === null || value === undefined ? 'not set' : quote(value);
}

function symbol(connection: ConnectionPlan): string {
  if (connection.error) return '!';
  if (connection.operations.includes('deactivate')) return '-';
  if (connection.live?.status === 'UNKNOWN') return '+';
  return '~';
}
