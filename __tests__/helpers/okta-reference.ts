/**
 * Okta's published reference material, copied unmodified into sim/contract/ (see its README for the
 * licenses): the OpenAPI description of the endpoints we call and real traffic recorded against Okta.
 */
const OKTA_REFERENCE_DIR = new URL('../../sim/contract/', import.meta.url);
export const CONNECTIONS_OPENAPI_FILE = new URL('app-connections.openapi.yaml', OKTA_REFERENCE_DIR);
export const FEATURES_OPENAPI_FILE = new URL('app-features.openapi.yaml', OKTA_REFERENCE_DIR);
export const RECORDINGS_DIR = new URL('recordings/', OKTA_REFERENCE_DIR);
