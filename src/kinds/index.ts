/**
 * The app kinds whose default provisioning connection Okta's API manages (Okta's provisioning-connection
 * guide and its API reference). A kind not listed here has no connection the action can manage.
 */
import { google } from './google.js';
import type { AppKind } from './kind.js';
import { office365 } from './office365.js';
import { org2org } from './org2org.js';
import { slack } from './slack.js';
import { zoom } from './zoom.js';
import { zscaler } from './zscaler.js';

export const APP_KINDS: readonly AppKind[] = [org2org, zscaler, office365, google, slack, zoom];

const BY_NAME = new Map(APP_KINDS.map((kind) => [kind.name, kind]));

export function appKindOf(name: string | undefined): AppKind | undefined {
  return name === undefined ? undefined : BY_NAME.get(name);
}

/** A kind's label for people, or Okta's name for an app of a kind this project does not know. */
export function appKindLabel(name: string): string {
  return BY_NAME.get(name)?.label ?? name;
}

/** The short names of the kinds that have a part, for "… is for X apps only". */
export function namesOfKindsWith(has: (kind: AppKind) => unknown): string {
  return APP_KINDS.filter(has)
    .map((kind) => kind.shortName)
    .join(' or ');
}

/** An OAUTH2 connection of a kind with a signing key has a public key the other side must trust. */
export function hasPublicKey(name: string | undefined, authScheme: string | undefined): boolean {
  return appKindOf(name)?.signing === true && authScheme === 'OAUTH2';
}
