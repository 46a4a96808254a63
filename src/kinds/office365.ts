import { TO_APP_AND_TO_OKTA, type AppKind } from './kind.js';

/** Microsoft Office 365: OAuth with a person's consent, plus a global administrator's credentials. */
export const office365: AppKind = {
  name: 'office365',
  label: 'Microsoft Office 365',
  shortName: 'Office 365',
  schemes: ['OAUTH2'],
  consent: true,
  signing: false,
  offers: TO_APP_AND_TO_OKTA,
  adminCredentials: {
    missing:
      'Office 365 needs `profile.settings` with `admin_username` and `admin_password: { env: NAME }` (a global administrator).',
    usernameVariable: 'the username of an Office 365 global administrator',
    passwordVariable: "that administrator's password",
  },
};
