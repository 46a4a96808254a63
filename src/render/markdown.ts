/**
 * Untrusted text (Okta labels, errors and links, YAML names, file names) in GitHub markdown: it renders
 * as the same text and nothing more. GitHub turns text into links, mentions and issue references after
 * the markdown is rendered (on the HTML's text), so markdown escapes alone do not stop `@user`, `#12`
 * or `https://…`: those get an invisible word joiner that breaks the pattern. Code spans are left alone
 * by GitHub's filters.
 */

/** Invisible, and no line-break opportunity: the text reads and wraps as before. */
const JOINER = '\u2060';

/** Line endings of markdown and of Unicode; a table row or list item must stay one line. */
const LINE_BREAKS = /\r\n|[\r\n\v\f\u0085\u2028\u2029]/g;
/** Other control characters and bidirectional overrides (text that displays other than it reads). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\0-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** One line of plain text: line breaks become spaces, control characters a replacement mark. */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAKS, ' ').replace(INVISIBLE_CONTROLS, '\ufffd');
}

/** Text for a markdown line or table cell: no links, images, HTML, mentions, references or line breaks. */
export function escapeMarkdown(text: string): string {
  return (
    oneLine(text)
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Links, images, code spans, emphasis, strikethrough, table cells.
      .replace(/[\\`*[\]|~]/g, '\\$&')
      // `_` inside a word never emphasises (keeps SCIM_TOKEN readable); elsewhere it might.
      .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
      // GitHub's autolinks, mentions and references.
      .replace(/@/g, `@${JOINER}`)
      .replace(/:(?=\/\/)/g, `:${JOINER}`)
      .replace(/(mailto|xmpp):/gi, `$1:${JOINER}`)
      .replace(/(www)\./gi, `$1${JOINER}.`)
      .replace(/#(?=\d)/g, `#${JOINER}`)
      .replace(/gh-(?=\d)/gi, `$&${JOINER}`)
      // Block syntax, should the text start a line: heading, list, setext underline, ordered list.
      .replace(/^([#+=-])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/**
 * A code span holding `text` exactly: the fence is longer than any run of backticks in it, padded with
 * a space on each side when the text starts or ends with a backtick or a space (markdown strips one).
 */
export function code(text: string): string {
  const clean = oneLine(text);
  if (clean.trim() === '') return clean === '' ? '` `' : `\`${clean}\``;
  const longestRun = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = /^[ `]|[ `]$/.test(clean) ? ' ' : '';
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * One table row from cells of markdown. Every `|` is escaped (GitHub reads `\|` as a pipe in cell text
 * and code spans alike) and line breaks are removed, so no cell can end the row or add another.
 */
export function tableRow(cells: readonly string[]): string {
  return `| ${cells.map((cell) => cell.replace(LINE_BREAKS, ' ').replace(/\|/g, '\\|')).join(' | ')} |`;
}

/**
 * A link with our own `text` to `href`, only when `href` is a valid https URL; anything else (another
 * scheme, `javascript:`, not a URL) is shown as code, never followed.
 */
export function httpsLink(text: string, href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return code(href);
  }
  if (url.protocol !== 'https:') return code(href);
  // Pointy brackets allow parentheses; the characters that could end them or the cell are encoded.
  const destination = url.href.replace(/[\\<>|`\s]/g, (char) => encodeURIComponent(char));
  return `[${text}](<${destination}>)`;
}

/**
 * Our own messages quote keys and values in backticks (`admin_password`); shown as code spans, not as
 * literal backticks. Only the quoted parts become code; the rest is escaped as untrusted text, so a
 * value that brings its own backticks can neither open a span nor end one.
 */
export function messageMarkdown(text: string): string {
  const parts: string[] = [];
  let rest = oneLine(text);
  for (let match = /`([^`]+)`/.exec(rest); match; match = /`([^`]+)`/.exec(rest)) {
    parts.push(escapeMarkdown(rest.slice(0, match.index)), code(match[1]!));
    rest = rest.slice(match.index + match[0].length);
  }
  parts.push(escapeMarkdown(rest));
  return parts.join('');
}

/** A fenced code block holding `text` exactly: the fence is longer than any run of backticks in it. */
export function codeBlock(text: string, language = ''): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longestRun + 1));
  return `${fence}${language}\n${text}\n${fence}`;
}
