import { describe, expect, it } from 'vitest';
import {
  parseAppSelection,
  parseBoolean,
  parseChoice,
  parseCredentials,
  parseExportFolder,
  parsePlanHash,
  parseVariableNames,
  parseWholeNumber,
  SettingsError,
} from '../src/run/parse.js';
import { SecretRegistry } from '../src/secrets.js';

/** The error a call throws; fails the test when it returns. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

const names = { apiToken: 'TOKEN', clientId: 'CLIENT', privateKey: 'KEY' };

describe('settings parsed once for the action and the CLI', () => {
  it('app selections: all, ids (deduplicated), and a clear error naming the setting', () => {
    expect(parseAppSelection('rotate-secrets', '', [])).toEqual([]);
    expect(parseAppSelection('export-apps', ' all ', [])).toBe('all');
    expect(
      parseAppSelection('x', '0oa1234567890abcdef,\n0oa1234567890abcdef 0oa2234567890abcdef', []),
    ).toEqual(['0oa1234567890abcdef', '0oa2234567890abcdef']);
    const error = thrown(() => parseAppSelection('--apps', '0oa1234567890abcdef,slack', 'all'));
    expect(error).toBeInstanceOf(SettingsError);
    expect(error.message).toMatch(/^`--apps` must be `all` or Okta app ids.*\(got "slack"\)\.$/);
  });

  it('numbers, choices, booleans, hashes, variable names and export folders', () => {
    expect(parseWholeNumber('rate-limit-share', '', 50, 1, 100)).toBe(50);
    expect(parseWholeNumber('rate-limit-share', '25', 50, 1, 100)).toBe(25);
    for (const bad of ['0', '101', '2.5', '1e2', '-3', 'ten']) {
      expect(thrown(() => parseWholeNumber('rate-limit-share', bad, 50, 1, 100)).message).toContain(
        '`rate-limit-share` must be a whole number from 1 to 100',
      );
    }
    expect(parseChoice('comment', '', ['update', 'new', 'off'], 'update')).toBe('update');
    expect(thrown(() => parseChoice('comment', 'Update', ['update', 'new', 'off'], 'update')).message).toBe(
      '`comment` must be one of: update, new, off (got "Update").',
    );
    expect(parseBoolean('drift-issue', 'TRUE')).toBe(true);
    expect(thrown(() => parseBoolean('drift-issue', 'yes')).message).toContain('true or false');
    expect(parsePlanHash('plan-hash', `sha256:${'a'.repeat(64)}`)).toBe('a'.repeat(64));
    expect(thrown(() => parsePlanHash('plan-hash', 'abc')).message).toContain('64 hex digits');
    expect(parseVariableNames('visible-env', 'OKTA_APP_ID, ORG_NAME\nORG_NAME')).toEqual([
      'OKTA_APP_ID',
      'ORG_NAME',
    ]);
    expect(thrown(() => parseVariableNames('visible-env', '1BAD')).message).toContain('(got "1BAD")');
    expect(parseExportFolder('path', 'okta/connections/')).toBe('okta/connections');
    for (const bad of ['okta/*.yaml', '!okta', 'a\nb', '']) {
      expect(thrown(() => parseExportFolder('path', bad)).message).toContain('export writes into one folder');
    }
  });

  it('credentials: exactly one method, secrets registered before any check can fail', () => {
    const secrets = new SecretRegistry();
    expect(parseCredentials({ apiToken: ' 00abcdefTOKENvalue ' }, names, secrets)).toEqual({
      kind: 'api-token',
      token: '00abcdefTOKENvalue',
    });
    expect(secrets.redact('x 00abcdefTOKENvalue y')).toBe('x *** y');

    const key = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    const both = new SecretRegistry();
    const error = thrown(() =>
      parseCredentials({ apiToken: 'tok-value-1', clientId: 'c', privateKey: key }, names, both),
    );
    expect(error.message).toBe(
      'give exactly one Okta auth method: either TOKEN, or CLIENT with KEY (not both).',
    );
    expect(both.redact('MIIEvQIBADANBgkqhkiG9w0BAQEFAASC')).toBe('***');

    expect(
      thrown(() => parseCredentials({ clientId: '0oaClient' }, names, new SecretRegistry())).message,
    ).toBe('OAuth needs both CLIENT and KEY; KEY is empty.');
    expect(parseCredentials({}, names, new SecretRegistry())).toBeUndefined();
    expect(
      parseCredentials(
        { clientId: 'c', privateKey: key, scopes: 'okta.apps.read' },
        names,
        new SecretRegistry(),
      ),
    ).toMatchObject({
      kind: 'oauth',
      scopes: ['okta.apps.read'],
    });
    expect(parseCredentials({ clientId: 'c', privateKey: key }, names, new SecretRegistry())).toMatchObject({
      scopes: ['okta.apps.read', 'okta.apps.manage'],
    });
  });
});
