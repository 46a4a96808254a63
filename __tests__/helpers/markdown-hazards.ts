/**
 * A rough reading of GitHub markdown for tests: what in it would render as something other than text
 * (links, images, raw HTML, entities, mentions, issue references, autolinks) or break a table. Code
 * spans and backslash-escaped characters are text; our own tags (details, summary, sub, br) are allowed.
 */

/** Untrusted strings an attacker controls: Okta labels and errors, YAML names, file names. */
export const HOSTILE = {
  link: '[Approve merge](https://evil.example/a)',
  image: '![t](https://evil.example/t.png)',
  reference: '[x][1]\n\n[1]: https://evil.example/r',
  html: '<img src=x onerror=alert(1)> <a href="https://evil.example">y</a> <!-- c -->',
  entity: '&#64;octocat &lt;b&gt;',
  mention: '@octocat @org/team cc:@admin a@b.example',
  refs: '#123 owner/repo#1 GH-7',
  autolink: 'https://evil.example/x www.evil.example ftp://evil.example mailto:a@evil.example',
  emphasis: '*bold* _it_ ~~gone~~',
  backtick: 'a`b``c',
  lineBreaks: 'one\rtwo\nthree\r\nfour\u2028five\u2029six',
  table: 'a | b \\| c',
  block: '# heading',
  bidi: 'abc\u202edcba',
};

const OWN_TAGS = new Set(['details', 'summary', 'sub', 'br']);

/** The markdown with code spans and escaped characters replaced by placeholders (`C`, `E`). */
export function outsideCode(markdown: string): string {
  let out = '';
  let i = 0;
  while (i < markdown.length) {
    const char = markdown[i]!;
    if (char === '\\' && /[!-/:-@[-`{-~]/.test(markdown[i + 1] ?? '')) {
      out += 'E';
      i += 2;
      continue;
    }
    if (char === '`') {
      const run = /^`+/.exec(markdown.slice(i))![0];
      const close = findClosingRun(markdown, i + run.length, run.length);
      if (close === -1) {
        out += run;
        i += run.length;
      } else {
        out += 'C';
        i = close + run.length;
      }
      continue;
    }
    out += char;
    i += 1;
  }
  return out;
}

function findClosingRun(text: string, from: number, length: number): number {
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (match[0].length === length) return match.index;
  }
  return -1;
}

/** Each hazard found, as a short description with the offending snippet. */
export function markdownHazards(markdown: string): string[] {
  const hazards: string[] = [];
  const text = outsideCode(markdown);
  const find = (
    pattern: RegExp,
    what: string,
    allowed: (match: RegExpExecArray) => boolean = () => false,
  ) => {
    for (const match of text.matchAll(pattern)) {
      if (!allowed(match))
        hazards.push(`${what}: ${text.slice(Math.max(0, match.index - 20), match.index + 30)}`);
    }
  };
  find(/\]\(|\]\[|\]:/g, 'link or image');
  find(/<\/?([A-Za-z][\w-]*)|<[!?]/g, 'raw HTML', (match) => OWN_TAGS.has((match[1] ?? '').toLowerCase()));
  find(/&(#?\w+);/g, 'entity', (match) => ['lt', 'gt', 'amp'].includes(match[1]!));
  find(/@[A-Za-z0-9]/g, 'mention or email');
  find(/#\d|gh-\d/gi, 'issue reference');
  find(/[a-z][a-z0-9+.-]*:\/\/|www\.|(mailto|xmpp):(?!\u2060)/gi, 'autolink');
  hazards.push(...tableHazards(markdown));
  return hazards;
}

/** Rows whose cell count differs from their table's header, or a table interrupted by a stray line. */
function tableHazards(markdown: string): string[] {
  const hazards: string[] = [];
  const lines = markdown.split(/\r\n|\r|\n/);
  const cells = (line: string) => line.split(/(?<!\\)\|/).length;
  for (let i = 0; i + 1 < lines.length; i++) {
    if (!/^\|( --- \|)+$/.test(lines[i + 1]!)) continue;
    const expected = cells(lines[i]!);
    for (let j = i + 2; j < lines.length && lines[j] !== ''; j++) {
      if (!lines[j]!.startsWith('|') || !lines[j]!.endsWith('|') || cells(lines[j]!) !== expected)
        hazards.push(`broken table row: ${lines[j]}`);
    }
  }
  return hazards;
}
