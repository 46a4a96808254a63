/**
 * Text for the runner's log, made inert. The runner reads the action's output line by line (a line ends at
 * \n, \r or \r\n) and runs a line as a workflow command when, after leading whitespace, it starts with `::`,
 * or, in the legacy form, when it holds `##[` anywhere. Definition names, Okta labels and errors, consent
 * links and file names are untrusted: a label "Hub\n::stop-commands::x" would switch off our own masking.
 *
 * A zero-width space (not whitespace to the runner, invisible in the log) goes before every `::` that starts
 * a line and inside every `##[`. Unicode line separators count as line ends too, to be safe.
 */
const INERT = '\u200b';

/** Whitespace the runner trims before looking for `::` (.NET's, which adds U+0085 to JavaScript's \s). */
const LINE_START_COMMAND = /(^|[\r\n\u0085\u2028\u2029])([\s\u0085]*)::/g;

export function neutralizeLogText(text: string): string {
  return text.replace(/##\[/g, `##${INERT}[`).replace(LINE_START_COMMAND, `$1$2${INERT}::`);
}
