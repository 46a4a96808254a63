import type { SimKind } from './kind.js';

/** A sign-on-only kind with no provisioning at all. */
export const bookmark: SimKind = {
  name: 'bookmark',
  signOnMode: 'BOOKMARK',
  schemes: [],
  consent: false,
  offers: [],
  clientId: false,
  signing: false,
  adminSettings: false,
  noConnection: true,
};
