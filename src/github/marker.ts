/**
 * The hidden marker that starts every comment and issue body this action owns:
 * `<!-- okta-app-connections {json} -->`. It says which org/folder (`key`) a body belongs to and which
 * plan it shows, so later runs find and update their own comment and apply can check the reviewed plan.
 */
export const MARKER_VERSION = 1;

export const MARKER_STATES = ['planned', 'applied', 'apply-failed', 'plan-changed'] as const;
export type MarkerState = (typeof MARKER_STATES)[number];

export interface MarkerData {
  v: typeof MARKER_VERSION;
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

export function renderMarker(data: MarkerData): string {
  const { v: _v, key, planHash, headSha, state, ...extra } = data;
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
  return isMarkerData(value) ? value : undefined;
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

function isMarkerData(value: unknown): value is MarkerData {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const data = value as Record<string, unknown>;
  return (
    data.v === MARKER_VERSION &&
    typeof data.key === 'string' &&
    typeof data.planHash === 'string' &&
    typeof data.headSha === 'string' &&
    (MARKER_STATES as readonly unknown[]).includes(data.state) &&
    (data.runId === undefined || typeof data.runId === 'number')
  );
}
