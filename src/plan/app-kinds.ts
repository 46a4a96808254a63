import type { AuthScheme } from '../definitions/types.js';

/**
 * The apps whose default provisioning connection the Okta API manages (Okta's provisioning-connection guide and its API reference), with the
 * auth schemes each accepts. Consent apps return an authorize link after configure.
 */
export const APP_KINDS: Record<string, { schemes: AuthScheme[]; consent: boolean; label: string }> = {
  okta_org2org: { schemes: ['TOKEN', 'OAUTH2'], consent: false, label: 'Okta Org2Org' },
  zscalerbyz: { schemes: ['TOKEN'], consent: false, label: 'Zscaler 2.0' },
  office365: { schemes: ['OAUTH2'], consent: true, label: 'Microsoft Office 365' },
  google: { schemes: ['OAUTH2'], consent: true, label: 'Google Workspace' },
  slack: { schemes: ['OAUTH2'], consent: true, label: 'Slack' },
  zoomus: { schemes: ['OAUTH2'], consent: true, label: 'Zoom' },
};

export function appKindOf(name: string | undefined): (typeof APP_KINDS)[string] | undefined {
  return name ? APP_KINDS[name] : undefined;
}
