/** Where editors (yaml-language-server) fetch the definition file schema the project ships. */
export const SCHEMA_URL =
  'https://raw.githubusercontent.com/okta-app-connections/okta-app-connections/main/schema/connections.schema.json';
