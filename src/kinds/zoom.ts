import { TO_APP_AND_TO_OKTA, type AppKind } from './kind.js';

/** Zoom: OAuth with a person's consent. */
export const zoom: AppKind = {
  name: 'zoomus',
  label: 'Zoom',
  shortName: 'Zoom',
  schemes: ['OAUTH2'],
  consent: true,
  signing: false,
  offers: TO_APP_AND_TO_OKTA,
};
