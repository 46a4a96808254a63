import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../src/secrets.js';

describe('SecretRegistry', () => {
  it('redacts every registered secret, longest first, and its JSON and URL spellings', () => {
    const secrets = new SecretRegistry();
    secrets.add('abcd-secret');
    secrets.add('abcd-secret-longer');
    secrets.add('pa"ss/wo rd');
    expect(secrets.redact('x abcd-secret-longer y abcd-secret z')).toBe('x *** y *** z');
    expect(secrets.redact(JSON.stringify({ p: 'pa"ss/wo rd' }))).toBe('{"p":"***"}');
    expect(secrets.redact(`q=${encodeURIComponent('pa"ss/wo rd')}`)).toBe('q=***');
  });

  it('handles multi-line keys without growing (each spelling is added once)', () => {
    const secrets = new SecretRegistry();
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n';
    secrets.add(pem);
    expect(secrets.size).toBe(3);
    expect(secrets.redact(`key: ${JSON.stringify(pem)}`)).toBe('key: "***"');
  });

  it('tells listeners (core.setSecret) about every spelling, also those added before', () => {
    const secrets = new SecretRegistry();
    secrets.add('early-secret');
    const seen: string[] = [];
    secrets.onAdd((value) => seen.push(value));
    secrets.add('late secret');
    expect(seen).toEqual(['early-secret', 'late secret', 'late%20secret']);
  });

  it('ignores values too short to redact safely', () => {
    const secrets = new SecretRegistry();
    secrets.add('abc');
    secrets.add(undefined);
    expect(secrets.redact('abc')).toBe('abc');
  });
});
