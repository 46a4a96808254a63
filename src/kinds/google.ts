import { TO_APP_AND_TO_OKTA, type AppKind } from './kind.js';

/** Google Workspace: OAuth with a person's consent. */
export const google: AppKind = {
  name: 'google',
  label: 'Google Workspace',
  shortName: 'Google Workspace',
  schemes: ['OAUTH2'],
  consent: true,
  signing: false,
  offers: TO_APP_AND_TO_OKTA,
};
