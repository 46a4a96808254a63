import { describe, expect, it } from 'vitest';
import { parseOrgUrl } from '../src/okta/org-url.js';

describe('parseOrgUrl', () => {
  it.each([
    ['https://example.okta.com', 'https://example.okta.com'],
    ['https://example.okta.com/', 'https://example.okta.com'],
    ['  https://login.example.com  ', 'https://login.example.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('accepts %s', (input, origin) => expect(parseOrgUrl(input)).toBe(origin));

  it.each([
    ['example.okta.com', /is not a URL/],
    ['http://example.okta.com', /must use https/],
    ['https://example.okta.com/oauth2/default', /base URL only/],
    ['https://example-admin.okta.com', /not the Admin Console's: https:\/\/example\.okta\.com/],
  ])('refuses %s with a message that says how to fix it', (input, message) => {
    expect(() => parseOrgUrl(input)).toThrow(message);
  });
});
