import { TO_APP_AND_TO_OKTA, type AppKind } from './kind.js';

/** Slack: OAuth with a person's consent. */
export const slack: AppKind = {
  name: 'slack',
  label: 'Slack',
  shortName: 'Slack',
  schemes: ['OAUTH2'],
  consent: true,
  signing: false,
  offers: TO_APP_AND_TO_OKTA,
};
