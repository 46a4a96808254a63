import { describe, expect, it } from 'vitest';
import {
  code,
  codeBlock,
  escapeMarkdown,
  httpsLink,
  messageMarkdown,
  oneLine,
  tableRow,
} from '../src/render/markdown.js';
import { renderGfm } from './helpers/rendered.js';
import { HOSTILE, markdownHazards, outsideCode } from './helpers/markdown-hazards.js';

const J = '\u2060';

describe('escapeMarkdown', () => {
  it('the hazard check finds every category in the raw strings (so it can fail)', () => {
    for (const [what, text] of Object.entries(HOSTILE)) {
      if (['emphasis', 'backtick', 'lineBreaks', 'table', 'block', 'bidi'].includes(what)) continue;
      expect(markdownHazards(text), what).not.toEqual([]);
    }
    const header = '| a | b |\n| --- | --- |\n';
    expect(markdownHazards(`${header}| x | y | z |`)).not.toEqual([]);
    expect(markdownHazards(`${header}| x\ny | z |`)).not.toEqual([]);
    expect(markdownHazards(`${header}| x | y |`)).toEqual([]);
  });

  it.each(Object.entries(HOSTILE))('renders %s as text', (_what, text) => {
    const escaped = escapeMarkdown(text);
    expect(markdownHazards(escaped)).toEqual([]);
    expect(escaped).not.toMatch(/[\r\n\u2028\u2029\u202e]/);
  });

  it('keeps the text readable: escapes, entities and invisible joiners only', () => {
    expect(escapeMarkdown(HOSTILE.link)).toBe(`\\[Approve merge\\](https:${J}//evil.example/a)`);
    expect(escapeMarkdown(HOSTILE.image)).toBe(`!\\[t\\](https:${J}//evil.example/t.png)`);
    expect(escapeMarkdown('<img> & &#64;')).toBe(`&lt;img&gt; &amp; &amp;#${J}64;`);
    expect(escapeMarkdown('@octocat')).toBe(`@${J}octocat`);
    expect(escapeMarkdown('owner/repo#1 and #22')).toBe(`owner/repo#${J}1 and #${J}22`);
    expect(escapeMarkdown('www.evil.example')).toBe(`www${J}.evil.example`);
    expect(escapeMarkdown('one\rtwo\u2028three')).toBe('one two three');
    expect(escapeMarkdown('SCIM_TOKEN _x_ *y*')).toBe('SCIM_TOKEN \\_x\\_ \\*y\\*');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('12. item')).toBe('12\\. item');
    expect(escapeMarkdown('a`b')).toBe('a\\`b');
    expect(escapeMarkdown('a\u202eb')).toBe('a\ufffdb');
    expect(escapeMarkdown('Office 365 (prod) - EU')).toBe('Office 365 (prod) - EU');
  });
});

describe('code', () => {
  it('uses a fence longer than any backtick run, padded when the text starts or ends with one', () => {
    expect(code('plain.yaml')).toBe('`plain.yaml`');
    expect(code('a`b.yaml')).toBe('``a`b.yaml``');
    expect(code('a```b')).toBe('````a```b````');
    expect(code('`start')).toBe('`` `start ``');
    expect(code('end`')).toBe('`` end` ``');
    expect(code(' spaced ')).toBe('`  spaced  `');
    expect(code('')).toBe('` `');
  });

  it('is one code span whatever it holds: nothing of the text escapes it', () => {
    for (const text of [...Object.values(HOSTILE), '`` ` ```` ` ``', '`', '``']) {
      const span = code(text);
      expect(outsideCode(span)).toBe('C');
      expect(span).not.toMatch(/[\r\n\u2028\u2029]/);
    }
  });
});

describe('tableRow', () => {
  it('escapes every pipe, in text and in code spans alike, and keeps the row on one line', () => {
    expect(tableRow([escapeMarkdown('a|b'), code('c|d'), 'x\ry'])).toBe('| a\\\\|b | `c\\|d` | x y |');
    const table = [
      '| a | b | c |',
      '| --- | --- | --- |',
      tableRow([code('|`|'), escapeMarkdown(HOSTILE.lineBreaks), 'ok']),
    ];
    expect(markdownHazards(table.join('\n'))).toEqual([]);
  });
});

describe('httpsLink', () => {
  it('links only https URLs, with our own text', () => {
    expect(httpsLink('open the consent page', 'https://org.okta.com/consent?x=1')).toBe(
      '[open the consent page](<https://org.okta.com/consent?x=1>)',
    );
    expect(httpsLink('open', 'https://evil.example/a)b|c<d>`e\\f')).toBe(
      '[open](<https://evil.example/a)b%7Cc%3Cd%3E%60e/f>)',
    );
  });

  it('shows anything else as code: javascript:, http:, data:, not a URL', () => {
    for (const href of [
      'javascript:alert(1)//https://x',
      'JAVASCRIPT:alert(1)',
      'http://evil.example/',
      'data:text/html,<b>x</b>',
      'not a url',
      '](https://evil.example)',
    ]) {
      const shown = httpsLink('open the consent page', href);
      expect(shown).toBe(code(href));
      expect(markdownHazards(shown)).toEqual([]);
    }
  });
});

describe('oneLine', () => {
  it('turns every line break into a space and controls into a visible mark', () => {
    expect(oneLine('a\r\nb\rc\nd\u2028e\u2029f\u0085g\vh\fi')).toBe('a b c d e f g h i');
    expect(oneLine('x\u0000y\u001bz')).toBe('x\ufffdy\ufffdz');
    expect(oneLine('tab\there')).toBe('tab\there');
  });
});

describe('messageMarkdown', () => {
  it('shows our quoted keys as code spans, not as literal backticks', () => {
    const message = '`profile.settings` is for Office 365 apps only; remove `admin_password`.';
    expect(messageMarkdown(message)).toBe(message);
    expect(renderGfm(messageMarkdown(message))).toBe(
      '<p><code>profile.settings</code> is for Office 365 apps only; remove <code>admin_password</code>.</p>\n',
    );
  });

  it.each(Object.entries(HOSTILE))('renders %s between code spans as text', (_what, text) => {
    const rendered = messageMarkdown(`key \`${text}\` in ${text} of \`x\``);
    expect(markdownHazards(rendered)).toEqual([]);
    expect(rendered).not.toMatch(/[\r\n\u2028\u2029\u202e]/);
  });

  it('leaves an unpaired backtick escaped, so it can open no span', () => {
    expect(messageMarkdown('a ` b')).toBe('a \\` b');
  });
});

describe('codeBlock', () => {
  it('holds any text, backticks included, as one block', () => {
    const text = '{"a":"```"}\n````';
    const block = codeBlock(text, 'json');
    expect(block.startsWith('`````json\n')).toBe(true);
    expect(renderGfm(block)).toBe(
      `<pre><code class="language-json">${text.replace(/"/g, '&quot;')}\n</code></pre>\n`,
    );
  });
});
