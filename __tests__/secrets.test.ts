import { describe, expect, it } from 'vitest';
import { SecretRegistry } from '../src/secrets.js';

const TOKEN = '00NgAPZqUVy8cX9ehNzz-Tq3bVx/7+Kw';
const PASSWORD = 'pa"ss/wo rd&<é>';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const hex = (text: string) => Buffer.from(text, 'utf8').toString('hex');

function registry(...values: string[]): SecretRegistry {
  const secrets = new SecretRegistry();
  for (const value of values) secrets.add(value);
  return secrets;
}

/** What the registry did before it was linear: every value longest first, split and joined. */
function naiveRedact(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of [...values].sort((a, b) => b.length - a.length)) out = out.split(value).join('***');
  return out;
}

/** Two occurrences of spellings that overlap without one containing the other. */
function hasPartialOverlap(text: string, spellings: readonly string[]): boolean {
  const found: [number, number][] = [];
  for (const value of spellings) {
    for (let at = text.indexOf(value); at !== -1; at = text.indexOf(value, at + 1))
      found.push([at, at + value.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let reach: [number, number] = [-1, -1];
  for (const occurrence of found) {
    if (occurrence[0] < reach[1] && occurrence[1] > reach[1]) return true;
    if (occurrence[1] > reach[1]) reach = occurrence;
  }
  return false;
}

describe('SecretRegistry', () => {
  it('redacts every registered secret, longest first, and its JSON and URL spellings', () => {
    const secrets = registry('abcd-secret', 'abcd-secret-longer', PASSWORD);
    expect(secrets.redact('x abcd-secret-longer y abcd-secret z')).toBe('x *** y *** z');
    expect(secrets.redact(JSON.stringify({ p: PASSWORD }))).toBe('{"p":"***"}');
    expect(secrets.redact(`q=${encodeURIComponent(PASSWORD)}`)).toBe('q=***');
  });

  it('redacts what Okta echoes base64-, hex-, form- and double-URL-encoded', () => {
    const secrets = registry(TOKEN, PASSWORD);
    const echoes = [
      `{"errorSummary":"Invalid token ${base64(TOKEN)}"}`,
      `{"errorSummary":"token ${hex(TOKEN)} rejected"}`,
      `token 0x${hex(TOKEN).toUpperCase()} rejected`,
      `redirect_uri=https%3A%2F%2Fx.example%2Fcb%3Ft%3D${encodeURIComponent(encodeURIComponent(PASSWORD))}&x=1`,
      `next=${encodeURIComponent(encodeURIComponent(TOKEN))}`,
      `password=${new URLSearchParams({ p: PASSWORD }).toString().slice(2)}&grant_type=password`,
      `<error>${PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</error>`,
      `token=${Buffer.from(TOKEN).toString('base64url')}`,
    ];
    for (const echo of echoes) {
      const redacted = secrets.redact(echo);
      expect(redacted, echo).toContain('***');
      for (const leak of [TOKEN, base64(TOKEN), hex(TOKEN), 'NgAPZqUVy8cX9', 'ss/wo']) {
        expect(redacted, echo).not.toContain(leak);
      }
    }
  });

  it('redacts what a JSON writer echoes with escaped slashes, unicode escapes (HTML-safe, ASCII-only) or lower-case %xx', () => {
    const secret = "p<a&s='s/w\u00f6rd\u{1f511}";
    const secrets = registry(secret);
    const bad = (inner: string) => `{"errorSummary":"bad ${inner}"}`;
    const echoes = [
      bad(String.raw`p<a&s='s\/w` + '\u00f6rd\u{1f511}'),
      bad(String.raw`p\u003ca\u0026s\u003d\u0027s/w` + '\u00f6rd\u{1f511}'),
      bad(String.raw`p<a&s='s/w\u00f6rd\ud83d\udd11`),
      bad(String.raw`p<a&s='s/w\u00F6rd\uD83D\uDD11`),
      bad(String.raw`p\u003ca\u0026s\u003d\u0027s/w\u00f6rd\ud83d\udd11`),
    ];
    for (const echo of echoes) expect(secrets.redact(echo), echo).toBe(bad('***'));
    const lower = encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase());
    expect(secrets.redact(`next=${lower}&x=1`)).toBe('next=***&x=1');
  });

  it('redacts a secret inside a longer base64 text at every offset (Basic user:secret)', () => {
    const secrets = registry(TOKEN);
    for (const user of ['a', 'ab', 'abc', 'svc-user', 'svc-user1']) {
      const header = `Authorization: Basic ${base64(`${user}:${TOKEN}`)}`;
      const redacted = secrets.redact(header);
      expect(redacted, user).toMatch(/^Authorization: Basic [A-Za-z0-9+/]{0,16}\*\*\*[A-Za-z0-9+/=]{0,4}$/);
      // What is left around the mask decodes to the user name and a few bits, never to the token.
      expect(redacted.length, user).toBeLessThan(header.length - 30);
    }
  });

  it('redacts secrets of any length, also 1 to 3 characters', () => {
    const secrets = registry('x', 'ab', 'abc');
    expect(secrets.redact('x marks abc and ab')).toBe('*** marks *** and ***');
    expect(secrets.redact('no match here')).toBe('no match here');
    // Encoded spellings shorter than 4 characters are not masked: "x" is "eA==" in base64, "78" in hex.
    expect(secrets.redact('eA== 78 YWJj')).toBe('*** 78 ***');
  });

  it('masks the whole stretch where two secrets overlap', () => {
    const secrets = registry('abcdef', 'defghi');
    expect(secrets.redact('1 abcdefghi 2')).toBe('1 *** 2');
    expect(naiveRedact('1 abcdefghi 2', ['abcdef', 'defghi'])).toBe('1 ***ghi 2');
    expect(secrets.redact('abcdefabcdef')).toBe('******');
  });

  it('gives the same output as a longest-first replace of every spelling where occurrences do not overlap', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const word = (alphabet: string, length: number) =>
      Array.from({ length }, () => alphabet[random(alphabet.length)]).join('');
    const secretChars = 'ABCDEFabcdef0123456789+/=%-_"& ';
    const values = Array.from({ length: 60 }, (_, i) =>
      word(secretChars, i % 10 === 0 ? 1 + random(3) : 4 + random(40)),
    );
    // Some secrets contain others, as a token and its prefix might.
    values.push(`${values[1]}${values[2]}`, values[3]!.slice(0, 5));
    const secrets = registry(...values);
    const spellings: string[] = [];
    secrets.onAdd((value) => spellings.push(value));
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const pieces = Array.from({ length: 20 }, () =>
        random(2) === 0 ? spellings[random(spellings.length)]! : word('ghijkmnopqrstuvwxyz.:', random(12)),
      );
      const text = pieces.join(' ');
      if (hasPartialOverlap(text, spellings)) continue;
      compared++;
      expect(secrets.redact(text)).toBe(naiveRedact(text, spellings));
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('tells listeners (core.setSecret) about every spelling, also those added before', () => {
    const secrets = registry('early-secret');
    const seen: string[] = [];
    secrets.onAdd((value) => seen.push(value));
    secrets.add('late secret');
    expect(seen).toContain('early-secret');
    expect(seen).toContain(base64('early-secret'));
    expect(seen).toEqual(
      expect.arrayContaining([
        'late secret',
        'late%20secret',
        'late+secret',
        'late%2520secret',
        hex('late secret'),
        hex('late secret').toUpperCase(),
        base64('late secret'),
      ]),
    );
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(secrets.size);
  });

  it('registers the spellings of a secret that is also a spelling of another', () => {
    const secrets = registry('secret-one');
    secrets.add(base64('secret-one'));
    expect(secrets.redact(hex(base64('secret-one')))).toBe('***');
  });

  it('keeps JSON valid when a short secret looks like a number or a literal', () => {
    const secrets = registry('1', 'null', 'xy');
    const json = secrets.redactJson({ count: 1, other: null, name: 'axyb', list: ['1', 21], xy: true }, 2);
    expect(JSON.parse(json)).toEqual({
      count: 1,
      other: null,
      name: 'a***b',
      list: ['***', 21],
      '***': true,
    });
    expect(() => JSON.parse(secrets.redact(JSON.stringify({ count: 1 })))).toThrow();
  });

  it('ignores an empty value', () => {
    const secrets = new SecretRegistry();
    secrets.add(undefined);
    secrets.add('');
    expect(secrets.size).toBe(0);
    expect(secrets.redact('text')).toBe('text');
  });
});

describe('SecretRegistry with long secrets that share a prefix', () => {
  it('indexes and redacts them without deep recursion', () => {
    let seed = 1;
    const prefix = Array.from({ length: 100_000 }, () => {
      seed = (seed * 48271) % 2147483647;
      return 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[seed % 62];
    }).join('');
    const values = Array.from(
      { length: 12 },
      (_, i) => `${prefix}${String.fromCharCode(65 + i).repeat(i + 1)}`,
    );
    const secrets = registry(...values);
    expect(secrets.redact(`<${values[11]}> <${values[0]}>`)).toBe('<***> <***>');
    expect(secrets.redact(`<${prefix}>`)).toBe(`<${prefix}>`);
  });
});
