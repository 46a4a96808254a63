import { describe, expect, it } from 'vitest';
import type { ResolvedConnection } from '../src/definitions/env.js';
import type { PlanScope } from '../src/plan/model.js';
import { planConnections, type ConnectionReader } from '../src/plan/plan.js';
import { renderPlanMarkdown } from '../src/render/plan-markdown.js';
import { SUMMARY_LIMIT } from '../src/github/limits.js';
import { renderPlanText } from '../src/render/plan-text.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

const BASE = 'abcdef0123456789abcdef0123456789abcdef01';
const okta: ConnectionReader = {
  getApp: async (id) => app(id),
  getConnection: async () => live({ baseUrl: 'https://clicked.example.com/scim/v2', status: 'DISABLED' }),
  listFeatures: async () => [],
};

async function planWith(scope: PlanScope, base?: Map<string, ResolvedConnection>, count = 1) {
  const connections = Array.from({ length: count }, (_, i) =>
    resolvedConnection({
      id: `0oa${String(i).padStart(16, '0')}`,
      baseUrl: 'https://new.example.com/scim/v2',
    }),
  );
  return planConnections(okta, connections, {
    orgUrl: 'https://example.okta.com',
    path: 'okta/connections',
    env: {},
    scope,
    ...(base && { base }),
  });
}

const markdown = (plan: Awaited<ReturnType<typeof planWith>>) =>
  renderPlanMarkdown(plan, { state: 'planned' }, SUMMARY_LIMIT);

describe('the scope and the origins in the reports', () => {
  it('says how many definitions were read and not read, and where each change comes from', async () => {
    // At the base the definition was active with another URL: the URL is the PR's, the status drift.
    const base = new Map([
      [
        '0oa0000000000000000',
        resolvedConnection({ id: '0oa0000000000000000', baseUrl: 'https://old.example.com/scim/v2' }),
      ],
    ]);
    const plan = await planWith({ mode: 'changed', base: BASE, head: 'f'.repeat(40), unread: 299 }, base);
    const note =
      'read the 1 definition changed since `abcdef0`; 299 unchanged definitions were not read (the scheduled drift check reads them).';
    expect(markdown(plan)).toContain(`Scope: ${note}`);
    // Only the drift is marked; it has a section of its own, and the pull request's change is not in it.
    const [changes, drift] = markdown(plan).split('#### Changes made in Okta outside this repository');
    expect(changes).toContain(
      '| configure + activate | base_url: `https://clicked.example.com/scim/v2` → `https://new.example.com/scim/v2`<br>',
    );
    expect(changes).not.toContain('status:');
    expect(drift!.split('<details>')[0]).toContain('| status: `DISABLED` → `ENABLED` |');
    expect(drift!.split('<details>')[0]).not.toContain('base_url');
    expect(markdown(plan)).not.toContain('from this pull request');
    const text = renderPlanText(plan);
    expect(text).toContain(`Scope: ${note.replace('`abcdef0`', 'abcdef0')}`);
    expect(text).toContain('status: "DISABLED" → "ENABLED" · changed in Okta outside this repository');
    expect(text).toContain(
      'base_url: "https://clicked.example.com/scim/v2" → "https://new.example.com/scim/v2"\n',
    );
  });

  it('says when nothing changed, and says nothing about scope when all were read as asked', async () => {
    const none = await planWith({ mode: 'changed', base: BASE, unread: 1 }, new Map(), 0);
    expect(renderPlanText(none)).toContain(
      'Scope: no definition changed since abcdef0; 1 unchanged definition was not read (the scheduled drift check reads them).',
    );
    const all = await planWith({ mode: 'all', unread: 0 });
    expect(markdown(all)).not.toContain('Scope:');
    expect(renderPlanText(all)).not.toContain('Scope:');
    expect(markdown(all)).not.toMatch(/from this pull request|outside this repository/);
  });

  it('gives the reason for reading everything, as text that cannot mention, link or break a line', async () => {
    const plan = await planWith(
      {
        mode: 'all',
        unread: 0,
        fallback: 'git could not compare the commits (fatal: @octocat | <b>x</b>\n::error::y)',
      },
      undefined,
      2,
    );
    const body = markdown(plan);
    expect(body).toContain('Scope: read all 2 definitions: git could not compare the commits (fatal: @');
    expect(body).not.toContain('@octocat');
    expect(body).not.toContain('<b>');
    expect(body).not.toMatch(/[^\\]\| <b|\n::error/);
    expect(renderPlanText(plan)).toContain(
      'Scope: read all 2 definitions: git could not compare the commits (fatal: @octocat | <b>x</b> ::error::y).',
    );
  });
});
