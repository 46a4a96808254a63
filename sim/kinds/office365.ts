import { BOTH_DIRECTIONS, type SimKind } from './kind.js';

export const office365: SimKind = {
  name: 'office365',
  signOnMode: 'WS_FEDERATION',
  schemes: ['OAUTH2'],
  consent: true,
  offers: BOTH_DIRECTIONS,
  clientId: false,
  signing: false,
  adminSettings: true,
};
