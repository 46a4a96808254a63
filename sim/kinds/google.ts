import { BOTH_DIRECTIONS, type SimKind } from './kind.js';

export const google: SimKind = {
  name: 'google',
  signOnMode: 'SAML_2_0',
  schemes: ['OAUTH2'],
  consent: true,
  offers: BOTH_DIRECTIONS,
  clientId: false,
  signing: false,
  adminSettings: false,
};
