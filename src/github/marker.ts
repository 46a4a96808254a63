/**
 * The hidden marker that starts every comment and issue body this action writes:
 * `<!-- okta-app-connections {json} -->`. It says which org/folder (`key`) a body belongs to and which
 * plan it shows, so later runs find and update their own comment and apply can check the reviewed plan.
 * A marker proves nothing by itself (anyone can type one): a body counts as ours only when the token's
 * identity wrote it (see comment.ts and drift-issue.ts).
 *
 * `v` is the format version. Each release writes MARKER_VERSION and reads every earlier version, so a plan
 * reviewed before an upgrade still counts at merge; a marker from a newer release is not understood and
 * counts as no marker. A new version gets its own reader in READERS; older readers stay.
 */
import type { ReportState } from '../render/plan-markdown.js';

export const MARKER_VERSION = 1;

export type MarkerState = ReportState;

/** The states a marker records: every state a report has, and only those. */
const MARKER_STATES: Record<MarkerState, true> = {
  planned: true,
  applied: true,
  'apply-failed': true,
  'plan-changed': true,
};

export interface MarkerData {
  /** The version the marker was written in; renderMarker always writes MARKER_VERSION. */
  v: number;
  /** Org host + definitions path: several orgs or folders keep separate comments. */
  key: string;
  planHash: string;
  headSha: string;
  state: MarkerState;
  runId?: number;
  /** Further JSON values a caller wants recorded; kept through a round trip. */
  [extra: string]: unknown;
}

const PREFIX = '<!-- okta-app-connections ';
const SUFFIX = ' -->';
// Only a marker at the very start counts: a reply that quotes our comment must not pass for ours.
const MARKER_PATTERN = /^\s*<!-- okta-app-connections ([\s\S]*?) -->/;
// A JSON string literal, escapes included.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

export function renderMarker(data: Omit<MarkerData, 'v'>): string {
  const { key, planHash, headSha, state, ...extra } = data;
  const json = JSON.stringify({ v: MARKER_VERSION, key, planHash, headSha, state, ...extra });
  return `${PREFIX}${escapeForHtmlComment(json)}${SUFFIX}`;
}

/** The marker at the start of `body`, or undefined for no marker, someone else's or a broken one. */
export function parseMarker(body: string | null | undefined): MarkerData | undefined {
  if (typeof body !== 'string') return undefined;
  const match = MARKER_PATTERN.exec(body);
  if (!match?.[1]) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(match[1]);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const read = READERS.get((value as { v?: unknown }).v);
  return read?.(value);
}

/**
 * `-->` (or `--!>`) inside the JSON would end the HTML comment and show the rest. Structural JSON has no
 * `-` pairs, `<` or `>`, so escaping them inside string literals is enough and stays valid JSON.
 */
function escapeForHtmlComment(json: string): string {
  return json.replace(JSON_STRING, (literal) =>
    literal
      .replace(/-(?=-)/g, '\\u002d')
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e'),
  );
}

/** Version 1: `{v: 1, key, planHash, headSha, state, runId?, ...extra}`. */
function readV1(value: object): MarkerData | undefined {
  const data = value as Record<string, unknown>;
  const valid =
    typeof data.key === 'string' &&
    typeof data.planHash === 'string' &&
    typeof data.headSha === 'string' &&
    typeof data.state === 'string' &&
    Object.hasOwn(MARKER_STATES, data.state) &&
    (data.runId === undefined || typeof data.runId === 'number');
  return valid ? (data as MarkerData) : undefined;
}

/** One reader per version this release understands: every version up to MARKER_VERSION. */
const READERS = new Map<unknown, (value: object) => MarkerData | undefined>([[1, readV1]]);
