/**
 * The runner's side of a JavaScript action, through the toolkit (@actions/core): inputs, log lines,
 * annotations, masks, outputs, the job summary and log groups. The toolkit escapes what goes inside a
 * workflow command (annotations, masks, group titles) but writes log lines as they are, so every line
 * is made inert here first: nothing untrusted can start a workflow command.
 */
import * as core from '@actions/core';
import { neutralizeLogText } from '../render/log-text.js';

/** Where an annotation points (the toolkit's names; it writes them as `file`, `line`, `col`, `title`). */
export type AnnotationProperties = Pick<
  core.AnnotationProperties,
  'title' | 'file' | 'startLine' | 'startColumn'
>;

/** `INPUT_<NAME>` with spaces as underscores, trimmed; empty when unset. */
export function getInput(name: string): string {
  return core.getInput(name);
}

/** A log line; a line of it that would read as a workflow command is made inert. */
export function info(message: string): void {
  core.info(neutralizeLogText(message));
}

export function debug(message: string): void {
  core.debug(message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  core.notice(message, properties);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  core.warning(message, properties);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  core.error(message, properties);
}

/** Masks a value in the runner's log from now on. */
export function setSecret(value: string): void {
  if (value) core.setSecret(value);
}

/** An error annotation, and the step fails (exit code 1) when the action ends. */
export function setFailed(message: string): void {
  core.setFailed(message);
}

export function setOutput(name: string, value: string): void {
  core.setOutput(name, value);
}

/** Adds markdown to the job summary; writeSummary writes it once the run is over. */
export function appendSummary(markdown: string): void {
  core.summary.addRaw(markdown, true);
}

/** Appends what the run added to the job summary file (nothing outside the runner, where there is none). */
export async function writeSummary(): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY) await core.summary.write();
  else core.summary.emptyBuffer();
}

/** What `write` logs, folded under `title` in the runner's log (long plan text). */
export function logGroup<T>(title: string, write: () => T): T {
  core.startGroup(neutralizeLogText(title));
  try {
    return write();
  } finally {
    core.endGroup();
  }
}
