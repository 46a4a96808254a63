import { fieldChangeText } from '../resources/connection/render.js';
import { featureChangeText, featuresToUpdateText } from '../resources/features/render.js';
import type { ConnectionPlan, FeatureChange, FieldChange, Plan } from '../plan/model.js';
import { plural } from './words.js';

/**
 * Words shared by the markdown and terminal renderings, so both say the same thing. What one resource says
 * of itself is in its render.ts (src/resources/NAME/render.ts).
 */

export function countsLine(plan: Plan): string {
  const { counts } = plan;
  const consent = counts.toConsent > 0 ? ` (${counts.toConsent} then waiting for an admin's consent)` : '';
  const parts = [
    `${counts.toConfigure} to configure${consent}`,
    `${counts.toActivate} to activate`,
    `${counts.toDeactivate} to deactivate`,
    `${counts.unchanged} unchanged`,
  ];
  if (counts.toUpdateFeatures > 0) parts.splice(3, 0, featuresToUpdateText(counts.toUpdateFeatures));
  if (counts.errors > 0) parts.push(`${counts.errors} error${counts.errors === 1 ? '' : 's'}`);
  return parts.join(', ');
}

export function showValue(value: string | null): string {
  return value === null ? 'not set' : value;
}

/** A connection's compared fields, then its provisioning-feature settings that change. */
export function changesOf(connection: ConnectionPlan): (FieldChange | FeatureChange)[] {
  return [...connection.changes, ...(connection.features ?? [])];
}

/**
 * The lines of `changesOf(connection)` (those `only` keeps), each as its resource reads it. Drift is marked
 * unless `markDrift` is false (a table of drift alone needs no mark).
 */
export function changeLines(
  connection: ConnectionPlan,
  quote: (text: string) => string,
  {
    markDrift = true,
    only = () => true,
  }: { markDrift?: boolean; only?: (change: FieldChange | FeatureChange) => boolean } = {},
): string[] {
  return [
    ...connection.changes.filter(only).map((change) => fieldChangeText(change, quote, connection, markDrift)),
    ...(connection.features ?? []).filter(only).map((change) => featureChangeText(change, quote, markDrift)),
  ];
}

/** Which definitions the plan read, when not simply all of them; `text` renders the fallback reason. */
export function scopeNote(
  plan: Plan,
  quote: (text: string) => string,
  text: (text: string) => string,
): string | undefined {
  const { scope } = plan;
  if (!scope || (scope.mode === 'all' && !scope.fallback)) return undefined;
  if (scope.mode === 'all') {
    return `Scope: read all ${plural(plan.counts.total, 'definition')}: ${text(scope.fallback ?? '')}.`;
  }
  const since = scope.base ? ` since ${quote(scope.base.slice(0, 7))}` : '';
  const read =
    plan.counts.total === 0
      ? `no definition changed${since}`
      : `read the ${plural(plan.counts.total, 'definition')} changed${since}`;
  const unread =
    scope.unread === 0
      ? ''
      : `; ${plural(scope.unread, 'unchanged definition')} ${scope.unread === 1 ? 'was' : 'were'} not read (the scheduled drift check reads them)`;
  return `Scope: ${read}${unread}.`;
}

export function sourceText(connection: ConnectionPlan): string {
  return `${connection.source.file}:${connection.source.line}`;
}
