import { TO_APP_AND_TO_OKTA, type AppKind } from './kind.js';

/** Okta Org2Org: a hub org provisions into a spoke org, with a token or as the hub's OAuth service app. */
export const org2org: AppKind = {
  name: 'okta_org2org',
  label: 'Okta Org2Org',
  shortName: 'Org2Org',
  schemes: ['TOKEN', 'OAUTH2'],
  consent: false,
  offers: TO_APP_AND_TO_OKTA,
  clientId: {
    missing:
      "Org2Org over OAUTH2 needs `profile.client_id`: the client id of the hub org's OAuth 2.0 service app that Okta created for this connection.",
    notReturned: 'Okta did not return the client id of this Org2Org connection.',
  },
  signing: true,
};
