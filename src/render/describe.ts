import type { ConnectionPlan, FieldChange, Plan, WriteOnlyValue } from '../plan/model.js';

/** Words shared by the markdown and terminal renderings, so both say the same thing. */

export function countsLine(plan: Plan): string {
  const { counts } = plan;
  const parts = [
    `${counts.toConfigure} to configure`,
    `${counts.toActivate} to activate`,
    `${counts.toDeactivate} to deactivate`,
    `${counts.unchanged} unchanged`,
  ];
  if (counts.errors > 0) parts.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export function showValue(value: string | null): string {
  return value === null ? 'not set' : value;
}

export function changeText(change: FieldChange, quote: (text: string) => string): string {
  return `${change.field}: ${change.before === null ? 'not set' : quote(change.before)} → ${change.after === null ? 'not set' : quote(change.after)}`;
}

export function writeOnlyText(value: WriteOnlyValue): string {
  const source = value.env ? ` (from ${value.env}${value.present ? '' : ', not set in this run'})` : '';
  return `${value.field}: sensitive, will be set${source}`;
}

export function operationsText(connection: ConnectionPlan): string {
  if (connection.error) return 'error';
  if (connection.operations.length === 0) return 'no change';
  return connection.operations.join(' + ') + (connection.rotation ? ' (secret rotation)' : '');
}

export function consentNote(connection: ConnectionPlan): string | undefined {
  return connection.consentApp && connection.operations.includes('configure')
    ? 'after configure, an admin must grant consent at the link Okta returns'
    : undefined;
}

export function sourceText(connection: ConnectionPlan): string {
  return `${connection.source.file}:${connection.source.line}`;
}
