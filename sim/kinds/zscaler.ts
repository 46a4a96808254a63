import type { SimKind } from './kind.js';

export const zscaler: SimKind = {
  name: 'zscalerbyz',
  signOnMode: 'SAML_2_0',
  schemes: ['TOKEN'],
  consent: false,
  offers: ['USER_PROVISIONING'],
  clientId: false,
  signing: false,
  adminSettings: false,
};
