/**
 * Our markdown as a reader sees it: rendered to HTML by a GitHub-flavoured renderer (marked, GFM tables),
 * then checked for what reads wrong on GitHub: a long value or a key stretching a table cell, literal
 * backticks in the text, and where the sections are.
 */
import { marked } from 'marked';

export function renderGfm(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false });
}

/** The text of every table cell (`<td>`), tags removed. */
export function tableCells(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((match) => textOf(match[1]!));
}

/** The code spans (`<code>` text) inside table cells. */
export function cellCodeSpans(html: string): string[] {
  return [...html.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].flatMap((cell) =>
    [...cell[1]!.matchAll(/<code>([\s\S]*?)<\/code>/g)].map((code) => decode(code[1]!)),
  );
}

/** The text outside code spans and code blocks: where a backtick would show as a literal backtick. */
export function proseText(html: string): string {
  return textOf(html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, ''));
}

/** The `<h4>` headings, in order. */
export function headings(html: string): string[] {
  return [...html.matchAll(/<h[1-4][^>]*>([\s\S]*?)<\/h[1-4]>/g)].map((match) => textOf(match[1]!));
}

/** The HTML from the heading `title` to the next heading of any level. */
export function section(html: string, title: string): string {
  const start = html.search(new RegExp(`<h[1-4][^>]*>${title}</h[1-4]>`));
  if (start < 0) return '';
  const rest = html.slice(start + 1);
  const end = rest.search(/<h[1-4][^>]*>|<details>/);
  return end < 0 ? rest : rest.slice(0, end);
}

/** The contents of code blocks (`<pre><code>`). */
export function codeBlocks(html: string): string[] {
  return [...html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((match) => decode(match[1]!));
}

function textOf(html: string): string {
  return decode(html.replace(/<[^>]+>/g, ''));
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
