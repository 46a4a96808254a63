// Kept in step with package.json by a test; a literal so the bundle needs no package.json at run time.
export const VERSION = '0.2.0';
export const USER_AGENT = `okta-app-connections/${VERSION}`;
