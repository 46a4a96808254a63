import { createHash } from 'node:crypto';
import type { ConnectionPlan } from './model.js';

/**
 * The plan hash: sha256 of the canonical JSON of the change set. It holds, per
 * connection that changes or could not be planned: the app id, the operations, the compared fields
 * before → after, the declared feature settings that change, which write-only values are sent (field and
 * variable name, never a value), and whether it is a rotation. No time, no secret, no names or positions, no ordering noise.
 */
export function planHash(connections: readonly ConnectionPlan[]): string {
  const changeSet = connections
    .filter((connection) => connection.operations.length > 0 || connection.error)
    .map(changeEntry)
    .sort((a, b) => (a.appId < b.appId ? -1 : a.appId > b.appId ? 1 : 0));
  return createHash('sha256')
    .update(canonicalJson({ v: 1, changeSet }))
    .digest('hex');
}

/**
 * One connection's change hash: sha256 of the same canonical entry the plan hash holds for it. A connection
 * without changes has one too (its entry with no operations), so a review record can say "reviewed as
 * unchanged" and a later change to it shows.
 */
export function connectionChangeHash(connection: ConnectionPlan): string {
  return createHash('sha256')
    .update(canonicalJson({ v: 1, change: changeEntry(connection) }))
    .digest('hex');
}

function changeEntry(connection: ConnectionPlan) {
  return connection.error
    ? { appId: connection.appId, error: connection.error.code ?? 'error' }
    : {
        appId: connection.appId,
        operations: connection.operations,
        changes: connection.changes.map(({ field, before, after }) => ({ field, before, after })),
        writeOnly: connection.writeOnly.map(({ field, env }) => ({ field, env: env ?? null })),
        rotation: connection.rotation,
        // Only when there are some, so that the hash of a plan without features is what it always was.
        ...(connection.features?.length && {
          features: connection.features.map(({ field, before, after }) => ({ field, before, after })),
        }),
      };
}

/** JSON with object keys sorted at every level, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
