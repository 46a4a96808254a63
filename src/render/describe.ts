import type { PublicKeyNotice } from '../resources/connection/public-key.js';
import { awaitsConsent } from '../plan/model.js';
import type {
  ChangeOrigin,
  ConnectionPlan,
  FeatureChange,
  FieldChange,
  Operation,
  Plan,
  WriteOnlyValue,
} from '../plan/model.js';

/** Words shared by the markdown and terminal renderings, so both say the same thing. */

export function countsLine(plan: Plan): string {
  const { counts } = plan;
  const consent = counts.toConsent > 0 ? ` (${counts.toConsent} then waiting for an admin's consent)` : '';
  const parts = [
    `${counts.toConfigure} to configure${consent}`,
    `${counts.toActivate} to activate`,
    `${counts.toDeactivate} to deactivate`,
    `${counts.unchanged} unchanged`,
  ];
  if (counts.toUpdateFeatures > 0) parts.splice(3, 0, `${counts.toUpdateFeatures} to update features`);
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
 * `field: before → after`. Only drift is marked (`markDrift`): most changes come from the pull request, and
 * marking those too would bury the few that someone made in Okta. A consent app's activation waits for consent.
 */
export function changeText(
  change: FieldChange | FeatureChange,
  quote: (text: string) => string,
  connection?: ConnectionPlan,
  markDrift = true,
): string {
  const origin = markDrift && isDrift(change) ? ` · ${DRIFT_TEXT}` : '';
  const consent =
    connection && change.field === 'status' && change.after === 'ENABLED' && awaitsConsent(connection)
      ? ' once an admin grants consent'
      : '';
  return `${change.field}: ${change.before === null ? 'not set' : quote(change.before)} → ${change.after === null ? 'not set' : quote(change.after)}${consent}${origin}`;
}

const DRIFT_TEXT = 'changed in Okta outside this repository';

export function isDrift(change: { origin?: ChangeOrigin }): boolean {
  return change.origin === 'drift';
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
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
  'update-features': 'features updated',
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

/** What the admin must do for a consent app that apply configures. */
export function consentNote(connection: ConnectionPlan): string | undefined {
  return awaitsConsent(connection)
    ? "apply configures it and leaves it disabled: an Okta admin must then grant consent (the apply result links Okta's consent page; or the app's Provisioning tab in the Admin Console), and the next apply activates it"
    : undefined;
}

export function sourceText(connection: ConnectionPlan): string {
  return `${connection.source.file}:${connection.source.line}`;
}

/** How a rendering shows untrusted text: `quote` as code, `text` as plain words. */
export interface Quoting {
  quote: (text: string) => string;
  text: (text: string) => string;
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
