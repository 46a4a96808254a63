import type { AppKind } from './kind.js';

/** Zscaler 2.0: a SCIM token; it only receives users (no "To Okta"). */
export const zscaler: AppKind = {
  name: 'zscalerbyz',
  label: 'Zscaler 2.0',
  shortName: 'Zscaler',
  schemes: ['TOKEN'],
  consent: false,
  signing: false,
  offers: ['USER_PROVISIONING'],
};
