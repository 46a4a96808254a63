import type { ConnectionApplyResult } from '../../apply/model.js';
import { awaitsConsent } from '../../plan/model.js';
import type {
  ConnectionPlan,
  ConnectionState,
  FieldChange,
  Operation,
  Plan,
  WriteOnlyValue,
} from '../../plan/model.js';
import { code, codeBlock, escapeMarkdown } from '../../render/markdown.js';
import { changeLine, plural, type Quoting } from '../../render/words.js';
import { FEATURES_UPDATED } from '../features/render.js';
import type { PublicKeyNotice } from './public-key.js';

/**
 * How the connection reads in plans, apply results and the export report: its fields, operations, write-only
 * values, consent and public key. src/render/ (and src/export/report.ts) lay these out.
 */

/** `field: before → after`; a consent app's activation waits for consent. */
export function fieldChangeText(
  change: FieldChange,
  quote: (text: string) => string,
  connection: ConnectionPlan,
  markDrift = true,
): string {
  const consent =
    change.field === 'status' && change.after === 'ENABLED' && awaitsConsent(connection)
      ? ' once an admin grants consent'
      : '';
  return changeLine(change, quote, markDrift, consent);
}

/** Okta's state of a connection: `status ENABLED, auth_scheme TOKEN, base_url …`. */
export function stateText(state: ConnectionState, quote: (text: string) => string): string {
  return `status ${quote(state.status)}, auth_scheme ${quote(state.authScheme)}${state.baseUrl ? `, base_url ${quote(state.baseUrl)}` : ''}${state.clientId ? `, client_id ${quote(state.clientId)}` : ''}${state.rotationMode ? `, rotation_mode ${quote(state.rotationMode)}` : ''}`;
}

/** A write-only value as the plan announces it or, once apply ran, whether it was `set`. */
export function writeOnlyText(value: WriteOnlyValue, set?: boolean): string {
  if (set === false) return `${value.field}: not set`;
  if (set) return `${value.field}: set${value.env ? ` (from ${value.env})` : ''}`;
  const source = value.env ? ` (from ${value.env}${value.present ? '' : ', not set in this run'})` : '';
  // Okta never returns these: shown as set, never by value (admin_username is no secret, only write-only).
  return `${value.field}: ${value.field === 'admin_username' ? 'write-only' : 'sensitive'}, will be set${source}`;
}

const PAST: Partial<Record<string, string>> = {
  configure: 'configured',
  activate: 'activated',
  deactivate: 'deactivated',
  'update-features': FEATURES_UPDATED,
};

/** What apply did: `configured + activated`. */
export function doneText(operations: readonly Operation[]): string {
  return operations.map((operation) => PAST[operation] ?? operation).join(' + ');
}

/** Said above everything else: a deactivation stops provisioning for every user assigned to the app. */
export function deactivationHeadline(count: number, done: boolean): string {
  const verb = done ? (count === 1 ? 'was' : 'were') : 'will be';
  const stops = done ? 'stopped' : 'stops';
  return `${plural(count, 'connection')} ${verb} deactivated: provisioning ${stops} for every user assigned to ${count === 1 ? 'its app' : 'their apps'}`;
}

/** On the drift issue: no merge is coming, so nothing "will be" deactivated; say what differs instead. */
export function driftDeactivationHeadline(count: number): string {
  return `${plural(count, 'connection')} ${count === 1 ? 'is' : 'are'} active in Okta but deactivated in the definitions: an apply would stop provisioning for every user assigned to ${count === 1 ? 'its app' : 'their apps'}`;
}

export function operationsText(connection: ConnectionPlan): string {
  if (connection.error) return 'error';
  if (connection.operations.length === 0) return 'no change';
  const rotation = connection.rotation ? ' (secret rotation)' : '';
  if (awaitsConsent(connection)) {
    // Apply stops after the configure; the activation (and the rest) happen on the first apply after consent.
    const later = connection.operations.filter((operation) => !['configure', 'activate'].includes(operation));
    return `configure, then consent${rotation}${later.length > 0 ? ` (${later.join(' + ')} after it)` : ''}`;
  }
  return connection.operations.join(' + ') + rotation;
}

/**
 * The operations as planned or, given its apply `result`, as carried out (`configured + activated`,
 * `configured, then failed`).
 */
export function outcomeText(connection: ConnectionPlan, result: ConnectionApplyResult | undefined): string {
  if (!result || connection.error) return operationsText(connection);
  if (result.status === 'applied' || result.status === 'consent-needed')
    return doneText(result.done) + (connection.rotation ? ' (secret rotated)' : '');
  if (result.status === 'failed')
    return result.done.length > 0
      ? `${doneText(result.done)}, then failed`
      : `${operationsText(connection)}: failed`;
  return operationsText(connection);
}

/** What the admin must do for a consent app that apply configures. */
export function consentNote(connection: ConnectionPlan): string | undefined {
  return awaitsConsent(connection)
    ? "apply configures it and leaves it disabled: an Okta admin must then grant consent (the apply result links Okta's consent page; or the app's Provisioning tab in the Admin Console), and the next apply activates it"
    : undefined;
}

const SKIPPED_NAMES_SHOWN = 20;

/** `rotate-secrets` asked for connections that hold no secret: they are left alone, and the plan says which. */
export function rotationSkippedNote(plan: Plan, { quote, text }: Quoting): string | undefined {
  const skipped = plan.rotationSkipped ?? [];
  if (skipped.length === 0) return undefined;
  const names = skipped
    .slice(0, SKIPPED_NAMES_SHOWN)
    .map(({ name, appId }) => `${text(name)} (${quote(appId)})`)
    .join(', ');
  const more =
    skipped.length > SKIPPED_NAMES_SHOWN ? ` and ${skipped.length - SKIPPED_NAMES_SHOWN} more` : '';
  return `rotate-secrets left ${plural(skipped.length, 'connection')} alone, with no secret (token, admin_password) to rotate: ${names}${more}.`;
}

/**
 * An Org2Org OAuth connection's public key and the one thing to do with it (apply result, export report): with
 * `rotation_mode: AUTO` the JWKS URL to configure in the target org (Okta rotates the key); with MANUAL the key,
 * with what a rotation needs.
 */
export function publicKeyLines(notice: PublicKeyNotice, { quote, text }: Quoting): string[] {
  const app = notice.clientId ? `the service app ${quote(notice.clientId)}` : 'the service app';
  const current = notice.keys.map(
    (key) => `kid ${quote(key.kid ?? '(none)')}: ${quote(JSON.stringify(key.jwk))}`,
  );
  if (notice.rotationMode === 'AUTO') {
    return [
      `Okta rotates this connection's signing key (rotation_mode AUTO): give ${app} in the target org the JWKS URL ${quote(notice.jwksUrl)} (its jwks_uri), not a copy of the key, which stops working at the first rotation.`,
      ...(notice.error
        ? [`current key: could not be read (${text(notice.error)})`]
        : current.map((key) => `current key: ${key}`)),
    ];
  }
  if (notice.error)
    return [
      `public key: could not be read (${text(notice.error)}); Okta serves it at ${quote(notice.jwksUrl)}`,
    ];
  if (notice.keys.length === 0) return ['public key: Okta returned none for this connection'];
  return [
    `register this public key with ${app} in the target org (its Public keys), so that org accepts this connection:`,
    ...current,
    `rotation_mode MANUAL: the key changes only when it is rotated; then register the new key before removing this one (the JWKS URL ${quote(notice.jwksUrl)} always shows the current keys).`,
  ];
}

const MARKDOWN: Quoting = { quote: code, text: escapeMarkdown };

/** Keys are too long for a markdown table cell: those read go in a block under the table. */
function hasKeyBlock(notice: PublicKeyNotice): boolean {
  return !notice.error && notice.keys.length > 0;
}

/** The apply result's table cell about the public key: where to find it, or why there is none. */
export function publicKeyCellMarkdown(notice: PublicKeyNotice | undefined): string[] {
  if (!notice) return [];
  if (!hasKeyBlock(notice)) return publicKeyLines(notice, MARKDOWN);
  return [
    notice.rotationMode === 'AUTO'
      ? 'JWKS URL to configure: see below the table'
      : 'public key to register: see below the table',
  ];
}

/** The block under the apply results' table: each key ready to copy. */
export function publicKeyBlockMarkdown(result: ConnectionApplyResult): string[] {
  const notice = result.publicKey;
  if (!notice || !hasKeyBlock(notice)) return [];
  const lines = publicKeyLines(notice, MARKDOWN);
  const auto = notice.rotationMode === 'AUTO';
  return [
    `**${escapeMarkdown(result.name)}** ${code(result.appId)}: ${lines[0]}`,
    '',
    ...notice.keys.flatMap((key) => [
      `${auto ? 'current key: ' : ''}kid ${code(key.kid ?? '(none)')}:`,
      '',
      codeBlock(JSON.stringify(key.jwk, null, 2), 'json'),
      '',
    ]),
    // MANUAL: what a rotation needs (the last line of the notice).
    ...(auto ? [] : [lines[lines.length - 1]!, '']),
  ];
}
