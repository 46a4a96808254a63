/**
 * The body of POST /api/v1/apps/{id}/connections/default, checked as Okta's OpenAPI request schema
 * describes it (oneOf token-based / OAuth 2.0-based); extra properties are ignored like Okta does.
 */

export type ConnectionRequest =
  | { authScheme: 'TOKEN'; baseUrl?: string; token?: string }
  | {
      authScheme: 'OAUTH2';
      clientId?: string;
      rotationMode?: 'AUTO' | 'MANUAL';
      settings?: { adminUsername: string; adminPassword: string };
    };

export type ParsedConnectionRequest =
  { ok: true; value: ConnectionRequest } | { ok: false; causes: string[] };

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(
  object: JsonObject,
  key: string,
  label: string,
  causes: string[],
): string | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') causes.push(`${label}: must be a string.`);
  return typeof value === 'string' ? value : undefined;
}

function parseSettings(
  value: unknown,
  causes: string[],
): { adminUsername: string; adminPassword: string } | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    causes.push('settings: must be an object.');
    return undefined;
  }
  const adminUsername = optionalString(value, 'adminUsername', 'settings.adminUsername', causes);
  const adminPassword = optionalString(value, 'adminPassword', 'settings.adminPassword', causes);
  if (adminUsername === undefined) causes.push('settings.adminUsername: The field cannot be left blank.');
  if (adminPassword === undefined) causes.push('settings.adminPassword: The field cannot be left blank.');
  return adminUsername !== undefined && adminPassword !== undefined
    ? { adminUsername, adminPassword }
    : undefined;
}

function parseRotationMode(value: unknown, causes: string[]): 'AUTO' | 'MANUAL' | undefined {
  if (value === undefined) return undefined;
  const mode = isObject(value) ? value.rotationMode : undefined;
  if (mode === 'AUTO' || mode === 'MANUAL') return mode;
  causes.push('signing.rotationMode: Invalid value. Allowed values: AUTO, MANUAL.');
  return undefined;
}

export function parseConnectionRequest(body: unknown): ParsedConnectionRequest {
  if (!isObject(body)) return { ok: false, causes: ['The request body must be a JSON object.'] };
  const profile = body.profile;
  if (!isObject(profile)) return { ok: false, causes: ['profile: The field cannot be left blank.'] };
  const causes: string[] = [];
  if (profile.authScheme === 'TOKEN') {
    const baseUrl = optionalString(body, 'baseUrl', 'baseUrl', causes);
    const token = optionalString(profile, 'token', 'token', causes);
    return causes.length
      ? { ok: false, causes }
      : { ok: true, value: { authScheme: 'TOKEN', baseUrl, token } };
  }
  if (profile.authScheme === 'OAUTH2') {
    const clientId = optionalString(profile, 'clientId', 'clientId', causes);
    const settings = parseSettings(profile.settings, causes);
    const rotationMode = parseRotationMode(profile.signing, causes);
    return causes.length
      ? { ok: false, causes }
      : { ok: true, value: { authScheme: 'OAUTH2', clientId, rotationMode, settings } };
  }
  return { ok: false, causes: ['authScheme: Invalid value. Allowed values: TOKEN, OAUTH2.'] };
}
