import { describe, expect, it } from 'vitest';
import type { MarkerData, ReviewRecord } from '../src/github/marker.js';
import { parseMarker, renderMarker } from '../src/github/marker.js';

const base: MarkerData = {
  v: 2,
  key: 'acme.okta.com/okta/apps',
  planHash: 'a'.repeat(64),
  headSha: 'c0ffee'.repeat(6) + 'abcd',
  state: 'planned',
  records: [],
};

const record: ReviewRecord = {
  planHash: 'a'.repeat(64),
  connections: { '0oa1': 'c'.repeat(64), '0oa2': 'd'.repeat(64) },
  pr: 12,
  headSha: 'c0ffee'.repeat(6) + 'abcd',
  runId: 1001,
  at: '2026-01-01T00:00:00.000Z',
  bodyDigest: 'e'.repeat(64),
};

/** The text of the HTML comment that the marker opens, as a browser would delimit it. */
function htmlCommentOf(text: string): string {
  expect(text.startsWith('<!--')).toBe(true);
  const end = text.indexOf('-->');
  const bangEnd = text.indexOf('--!>');
  return text.slice(4, bangEnd >= 0 && bangEnd < end ? bangEnd : end);
}

describe('renderMarker / parseMarker', () => {
  it('round-trips the fields and extra values, with the visible body after it', () => {
    const data: MarkerData = {
      ...base,
      state: 'apply-failed',
      runId: 123456789012,
      counts: { add: 2, delta: -3 },
    };
    const body = `${renderMarker(data)}\n## Plan for acme.okta.com\n`;
    expect(body.startsWith('<!-- okta-app-connections {"v":2,')).toBe(true);
    expect(parseMarker(body)).toEqual(data);
  });

  it.each([
    ['closing sequence', 'x --> <b>shown</b>'],
    ['bang closing sequence', 'x --!> y'],
    ['nested opener', '<!-- a <!-- b'],
    ['dash runs', '---- - --- -'],
    ['quotes and backslashes', 'say "hi" \\ \\" \\\\'],
    ['line breaks and separators', 'a\nb\r\nc\u2028d\u2029e\t'],
    ['unicode', 'ünïcødé 🚀 \u0000'],
    ['an entire fake marker', '<!-- okta-app-connections {"v":1} -->'],
  ])('keeps the HTML comment closed with hostile strings: %s', (_name, hostile) => {
    const data: MarkerData = { ...base, key: hostile, planHash: hostile, note: { [hostile]: [hostile] } };
    const marker = renderMarker(data);
    // The comment closes exactly at the end of the marker, nowhere inside the JSON.
    expect(htmlCommentOf(`${marker}tail`)).toBe(marker.slice(4, -3));
    expect(marker.slice(4, -4)).not.toMatch(/--|>/);
    expect(parseMarker(`${marker}\nvisible`)).toEqual(data);
  });

  it('keeps host names readable (single dashes are not escaped)', () => {
    expect(renderMarker({ ...base, key: 'dev-123.okta.com/okta' })).toContain(
      '"key":"dev-123.okta.com/okta"',
    );
  });

  it('keeps negative numbers intact (only strings are escaped)', () => {
    const marker = renderMarker({ ...base, delta: -1, nested: [-2.5e-3] });
    expect(parseMarker(marker)).toMatchObject({ delta: -1, nested: [-2.5e-3] });
  });

  it.each([
    ['no body', undefined],
    ['null body', null],
    ['empty', ''],
    ['plain text', 'LGTM'],
    ['another tool', '<!-- terraform-plan {"v":1} -->'],
    ['broken JSON', '<!-- okta-app-connections {"v":1, -->'],
    ['JSON array', '<!-- okta-app-connections [1,2] -->'],
    ['JSON null', '<!-- okta-app-connections null -->'],
    ['unterminated', '<!-- okta-app-connections {"v":1}'],
    ['a newer release’s version', renderMarker(base).replace('"v":2', '"v":99')],
    ['version 0', renderMarker(base).replace('"v":2', '"v":0')],
    ['version as a string', renderMarker(base).replace('"v":2', '"v":"2"')],
    ['unknown state', renderMarker(base).replace('"planned"', '"destroyed"')],
    ['key not a string', renderMarker(base).replace(/"key":"[^"]*"/, '"key":7')],
    ['runId not a number', renderMarker({ ...base, runId: 5 }).replace('"runId":5', '"runId":"5"')],
    ['missing planHash', renderMarker(base).replace(/"planHash":"[^"]*",/, '')],
    ['quoted in a reply', `> ${renderMarker(base)}\n\nWhy?`],
    ['marker later in the body', `Hello\n${renderMarker(base)}`],
  ])('returns undefined, without throwing, for %s', (_name, body) => {
    expect(parseMarker(body)).toBeUndefined();
  });

  it('reads a version 1 marker exactly as release 0.1.0 wrote it', () => {
    const written =
      '<!-- okta-app-connections {"v":1,"key":"acme.okta.com/okta/connections","planHash":"' +
      'f'.repeat(64) +
      '","headSha":"' +
      '1'.repeat(40) +
      '","state":"applied","runId":1001} -->\n### Okta plan';
    expect(parseMarker(written)).toEqual({
      v: 1,
      key: 'acme.okta.com/okta/connections',
      planHash: 'f'.repeat(64),
      headSha: '1'.repeat(40),
      state: 'applied',
      runId: 1001,
    });
  });

  it('version 2 carries review records and the visible text digest; a malformed record is dropped', () => {
    const written = renderMarker({ ...base, bodyDigest: 'e'.repeat(64), records: [record] });
    expect(parseMarker(`${written}\nvisible`)).toEqual({
      ...base,
      bodyDigest: 'e'.repeat(64),
      records: [record],
    });
    const broken = written.replace('"runId":1001', '"runId":"1001"');
    expect(parseMarker(broken)?.records).toEqual([]);
    const badDigest = renderMarker({ ...base, bodyDigest: 'e'.repeat(64) }).replace(
      `"bodyDigest":"${'e'.repeat(64)}"`,
      '"bodyDigest":5',
    );
    expect(parseMarker(badDigest)).toBeUndefined();
  });

  it('writes the current version whatever version the data it is given says', () => {
    expect(renderMarker({ ...base, v: 1 } as MarkerData)).toContain('{"v":2,');
  });

  it('tolerates leading whitespace before the marker', () => {
    expect(parseMarker(`\n  ${renderMarker(base)}`)).toEqual(base);
  });

  it('reads no marker from garbage after the prefix, and never throws', () => {
    const prefixes = ['<!-- okta-app-connections ', '<!-- okta-app-connections {', ''];
    const tails = [
      '}} -->',
      '{"__proto__":{"v":1}} -->',
      '\\u0000 -->',
      '{"v":1,"key":"k"} -- -->',
      '"'.repeat(9),
    ];
    for (const prefix of prefixes) {
      for (const tail of tails) expect(parseMarker(prefix + tail), prefix + tail).toBeUndefined();
    }
  });
});
