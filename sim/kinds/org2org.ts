import { BOTH_DIRECTIONS, type SimKind } from './kind.js';

export const org2org: SimKind = {
  name: 'okta_org2org',
  signOnMode: 'SAML_2_0',
  schemes: ['TOKEN', 'OAUTH2'],
  consent: false,
  offers: BOTH_DIRECTIONS,
  clientId: true,
  signing: true,
  adminSettings: false,
};
