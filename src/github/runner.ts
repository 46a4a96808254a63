/**
 * The runner's side of a JavaScript action, without @actions/core: inputs from INPUT_*, workflow commands
 * on stdout, outputs and the job summary in their files. Small and dependency-free so that `validate`
 * starts fast (the toolkit brings an HTTP client with it).
 */
import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { neutralizeLogText } from '../render/log-text.js';

export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
}

/** `INPUT_<NAME>` with spaces as underscores and hyphens kept, trimmed (as the toolkit reads it). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** A log line; a line of it that would read as a workflow command is made inert. */
export function info(message: string): void {
  process.stdout.write(`${neutralizeLogText(message)}${EOL}`);
}

export function debug(message: string): void {
  issue('debug', message);
}

export function notice(message: string, properties: AnnotationProperties = {}): void {
  issue('notice', message, properties);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue('warning', message, properties);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue('error', message, properties);
}

/** Masks a value in the runner's log from now on. */
export function setSecret(value: string): void {
  if (value) issue('add-mask', value);
}

export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    issue('set-output', value, { name });
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}

/** Appends markdown to the job summary (a no-op outside the runner). */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file) appendFileSync(file, `${markdown}${EOL}`, 'utf8');
}

/** `::command key=value,…::data`, escaped as the runner unescapes it. */
function issue(command: string, message: string, properties: object = {}): void {
  const names: Record<string, string> = { startLine: 'line', startColumn: 'col' };
  const pairs = Object.entries(properties)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${names[key] ?? key}=${escapeProperty(String(value))}`);
  const head = pairs.length > 0 ? `${command} ${pairs.join(',')}` : command;
  process.stdout.write(`::${head}::${escapeData(message)}${EOL}`);
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
