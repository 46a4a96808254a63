/** The kinds of app the simulated org knows. Any other name is a SAML app without provisioning. */
import { bookmark } from './bookmark.js';
import { google } from './google.js';
import type { ConfigurableScheme, SimKind } from './kind.js';
import type { SimFeatureName } from '../types.js';
import { office365 } from './office365.js';
import { org2org } from './org2org.js';
import { slack } from './slack.js';
import { zoom } from './zoom.js';
import { zscaler } from './zscaler.js';

const KINDS = new Map<string, SimKind>(
  [org2org, zscaler, office365, google, slack, zoom, bookmark].map((kind) => [kind.name, kind]),
);

export function simKindOf(name: string): SimKind | undefined {
  return KINDS.get(name);
}

export function supportedSchemes(name: string): readonly ConfigurableScheme[] {
  return KINDS.get(name)?.schemes ?? [];
}

export function supportsProvisioning(name: string): boolean {
  return supportedSchemes(name).length > 0;
}

export function needsConsent(name: string): boolean {
  return KINDS.get(name)?.consent ?? false;
}

export function signOnMode(name: string): string {
  return KINDS.get(name)?.signOnMode ?? 'SAML_2_0';
}

export function hasNoConnection(name: string): boolean {
  return KINDS.get(name)?.noConnection ?? false;
}

export function offeredFeatures(name: string): readonly SimFeatureName[] {
  return KINDS.get(name)?.offers ?? [];
}
