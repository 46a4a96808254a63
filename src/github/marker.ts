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
import { createHash } from 'node:crypto';
import type { ReportState } from '../render/plan-markdown.js';

export const MARKER_VERSION = 2;

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
  /** sha256 of the visible text (everything after the marker) this write put in the body. */
  bodyDigest?: string;
  /**
   * Version 2: the review records, oldest first: one per plan run that showed a plan here. Only plan runs
   * add one; outcome writes (`applied`, `plan-changed`, ...) carry them over unchanged.
   */
  records?: ReviewRecord[];
  /** Further JSON values a caller wants recorded; kept through a round trip. */
  [extra: string]: unknown;
}

/** What one plan run showed on a pull request: the evidence of review that apply checks (README: Security model). */
export interface ReviewRecord {
  planHash: string;
  /** Every connection the plan covered (app id → its change hash), unchanged ones too. */
  connections: Record<string, string>;
  pr: number;
  headSha: string;
  runId: number;
  /** When the plan run wrote it (ISO time, GitHub's clock): approvals are matched against it. */
  at: string;
  /** sha256 of the visible plan text the run wrote. */
  bodyDigest: string;
}

const PREFIX = '<!-- okta-app-connections ';
const SUFFIX = ' -->';
// Only a marker at the very start counts: a reply that quotes our comment must not pass for ours.
const MARKER_PATTERN = /^\s*<!-- okta-app-connections ([\s\S]*?) -->/;
// A JSON string literal, escapes included.
const JSON_STRING = /"(?:[^"\\]|\\.)*"/g;

export function renderMarker(data: Omit<MarkerData, 'v'>): string {
  // A caller's `v` never overrides the version this release writes.
  const { key, planHash, headSha, state, v: _ignored, ...extra } = data as MarkerData;
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

/** Version 2: version 1 plus `bodyDigest` and `records`; malformed records are dropped (they prove nothing). */
function readV2(value: object): MarkerData | undefined {
  const data = readV1(value);
  if (!data) return undefined;
  const { bodyDigest, records } = data;
  if (bodyDigest !== undefined && typeof bodyDigest !== 'string') return undefined;
  return { ...data, records: Array.isArray(records) ? records.filter(isReviewRecord) : [] };
}

function isReviewRecord(value: unknown): value is ReviewRecord {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const connections = record.connections;
  return (
    typeof record.planHash === 'string' &&
    typeof record.pr === 'number' &&
    typeof record.headSha === 'string' &&
    typeof record.runId === 'number' &&
    typeof record.at === 'string' &&
    typeof record.bodyDigest === 'string' &&
    typeof connections === 'object' &&
    connections !== null &&
    !Array.isArray(connections) &&
    Object.values(connections).every((hash) => typeof hash === 'string')
  );
}

/** One reader per version this release understands: every version up to MARKER_VERSION. */
const READERS = new Map<unknown, (value: object) => MarkerData | undefined>([
  [1, readV1],
  [2, readV2],
]);

/** The visible part of a body the marker starts: what `bodyDigest` covers. */
export function visibleText(body: string): string {
  const match = MARKER_PATTERN.exec(body);
  return match ? body.slice(match[0].length) : body;
}

/** sha256 of a body's visible text: what `bodyDigest` holds. */
export function digestOfVisible(body: string): string {
  return createHash('sha256').update(visibleText(body), 'utf8').digest('hex');
}
