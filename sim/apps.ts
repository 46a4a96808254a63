import { signOnMode, supportsProvisioning } from './kinds/index.js';
import { appNotFound, json, type SimResponse } from './responses.js';
import type { SimRequest, SimState } from './state.js';
import type { SimApp } from './types.js';

const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 200;

/** Provisioning features show once a connection is set up and enabled. */
function features(app: SimApp): string[] {
  if (!supportsProvisioning(app.name) || app.connection?.status !== 'ENABLED') return [];
  return ['IMPORT_NEW_USERS', 'PUSH_NEW_USERS', 'PUSH_PROFILE_UPDATES', 'PUSH_USER_DEACTIVATION'];
}

export function renderApp(app: SimApp, state: SimState, origin: string): Record<string, unknown> {
  const href = `${origin}/api/v1/apps/${app.id}`;
  const status = app.status ?? 'ACTIVE';
  const lifecycle = status === 'ACTIVE' ? 'deactivate' : 'activate';
  return {
    id: app.id,
    name: app.name,
    label: app.label,
    status,
    lastUpdated: state.lastUpdated.get(app.id) ?? state.startedAt,
    created: state.startedAt,
    features: features(app),
    signOnMode: app.signOnMode === undefined ? signOnMode(app.name) : app.signOnMode,
    // Real app objects carry no `self` link (recording TestAccResourceOktaPushGroup_crud).
    _links: {
      users: { href: `${href}/users` },
      groups: { href: `${href}/groups` },
      [lifecycle]: { href: `${href}/lifecycle/${lifecycle}` },
    },
  };
}

export function handleGetApp(req: SimRequest, state: SimState, appId: string): SimResponse {
  const app = state.apps.get(appId);
  return app ? json(200, renderApp(app, state, req.origin)) : appNotFound(appId);
}

function pageSize(raw: string | null): number {
  const parsed = raw === null ? NaN : Number.parseInt(raw, 10);
  if (!Number.isFinite(parsed) || parsed < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(parsed, MAX_PAGE_SIZE);
}

function listUrl(origin: string, limit: number, after: string | null): string {
  const query = new URLSearchParams();
  if (after !== null) query.set('after', after);
  query.set('limit', String(limit));
  return `${origin}/api/v1/apps?${query}`;
}

/** GET /api/v1/apps?limit=N[&after=cursor]: ordered by id; the cursor is the last id of the previous page. */
export function handleListApps(req: SimRequest, state: SimState): SimResponse {
  const limit = pageSize(req.query.get('limit'));
  const after = req.query.get('after');
  const ids = [...state.apps.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const start = after === null ? 0 : ids.findIndex((id) => id > after);
  const pageIds = start < 0 ? [] : ids.slice(start, start + limit);
  const links = [`<${listUrl(req.origin, limit, after)}>; rel="self"`];
  const lastId = pageIds.at(-1);
  if (start >= 0 && start + limit < ids.length && lastId !== undefined) {
    links.push(`<${listUrl(req.origin, limit, lastId)}>; rel="next"`);
  }
  const page = pageIds.flatMap((id) => {
    const app = state.apps.get(id);
    return app ? [renderApp(app, state, req.origin)] : [];
  });
  return json(200, page, { Link: links });
}
