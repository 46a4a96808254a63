import { describe, expect, it } from 'vitest';
import { summarizeApply, type ConnectionApplyResult } from '../src/apply/model.js';
import { compareConnection } from '../src/resources/connection/compare.js';
import type { ConnectionPlan } from '../src/plan/model.js';
import { assemblePlan } from '../src/plan/plan.js';
import { renderPlanMarkdown } from '../src/render/plan-markdown.js';
import { COMMENT_LIMIT } from '../src/github/limits.js';
import { renderPlanText } from '../src/render/plan-text.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

const CONFIGURE = '0oaconfigure0000001';
const OFF_A = '0oadeactivate000001';
const OFF_B = '0oadeactivate000002';
const FAILS = '0oafails00000000001';
const MERGE_SHA = 'abc1234def5678abc1234def5678abc1234def56';

function planned(id: string, name: string, action: 'activate' | 'deactivate' = 'activate'): ConnectionPlan {
  return compareConnection({
    connection: resolvedConnection({ id, name, action, baseUrl: 'https://new.example.com' }),
    app: app(id),
    live: live({ baseUrl: action === 'activate' ? 'https://old.example.com' : 'https://new.example.com' }),
    rotate: false,
    env: { SCIM_TOKEN: 'x' },
  });
}

const plan = assemblePlan(
  [
    planned(CONFIGURE, 'Zscaler'),
    planned(OFF_A, 'Payroll', 'deactivate'),
    planned(OFF_B, 'Badge system', 'deactivate'),
    planned(FAILS, 'Wiki'),
  ],
  { orgUrl: 'https://example.okta.com', path: 'okta/connections' },
);

function result(appId: string, status: ConnectionApplyResult['status'], done: ConnectionApplyResult['done']) {
  return {
    appId,
    name: plan.connections.find((c) => c.appId === appId)!.name,
    status,
    done,
    ...(status === 'failed' && { error: { message: 'Okta answered 500', code: 'E0000009' } }),
  };
}

describe('PR comment wording', () => {
  it('calls out deactivations above the other changes, naming each connection', () => {
    expect(plan.connections.find((c) => c.appId === OFF_A)?.operations).toEqual(['deactivate']);
    const body = renderPlanMarkdown(plan, { state: 'planned', headSha: MERGE_SHA }, COMMENT_LIMIT);
    const warning = body.indexOf('> [!WARNING]');
    expect(warning).toBeGreaterThan(0);
    expect(warning).toBeLessThan(body.indexOf('#### Changes'));
    expect(body).toContain(
      '> **2 connections will be deactivated: provisioning stops for every user assigned to their apps.**',
    );
    expect(body).toContain(`> - Payroll \`${OFF_A}\``);
    expect(body).toContain(`> - Badge system \`${OFF_B}\``);
    expect(body).toContain('token: sensitive, will be set (from SCIM_TOKEN)');
    expect(body).toContain(`head \`${MERGE_SHA.slice(0, 12)}\``);
  });

  it('has no warning block when nothing is deactivated', () => {
    const quiet = assemblePlan([planned(CONFIGURE, 'Zscaler')], {
      orgUrl: 'https://example.okta.com',
      path: 'okta/connections',
    });
    expect(renderPlanMarkdown(quiet, { state: 'planned' }, COMMENT_LIMIT)).not.toContain('[!WARNING]');
  });

  it('after apply, says what happened, and names the merge commit as the merge', () => {
    const report = summarizeApply([
      result(CONFIGURE, 'applied', ['configure']),
      result(OFF_A, 'applied', ['deactivate']),
      result(OFF_B, 'failed', []),
      result(FAILS, 'failed', []),
    ]);
    const body = renderPlanMarkdown(
      plan,
      { state: 'apply-failed', headSha: MERGE_SHA, commitRole: 'merge', apply: report },
      COMMENT_LIMIT,
    );
    // Only what was deactivated, in the past tense.
    expect(body).toContain(
      '> **1 connection was deactivated: provisioning stopped for every user assigned to its app.**',
    );
    expect(body).toContain(`> - Payroll \`${OFF_A}\``);
    expect(body).not.toContain(`> - Badge system`);
    expect(body.indexOf('[!WARNING]')).toBeLessThan(body.indexOf('#### Apply results'));

    const changes = body.slice(body.indexOf('#### Changes')).split('\n');
    const row = (appId: string) => changes.find((line) => line.includes(`| \`${appId}\` |`));
    expect(row(CONFIGURE)).toContain(
      '| configured | base_url: `https://old.example.com` → `https://new.example.com`<br>token: set (from SCIM_TOKEN) |',
    );
    expect(row(OFF_A)).toContain('| deactivated |');
    expect(row(OFF_B)).toContain('| deactivate: failed |');
    expect(row(FAILS)).toContain('| configure: failed |');
    expect(body).toContain('| ✅ configured |');
    expect(row(FAILS)).toContain('token: not set |');
    expect(body).not.toContain('will be set');
    expect(body).toContain(`merge \`${MERGE_SHA.slice(0, 12)}\``);
    expect(body).not.toContain(`head \``);
  });

  it('a connection that failed half-way says what was done before it failed', () => {
    const report = summarizeApply([result(FAILS, 'failed', ['configure'])]);
    const body = renderPlanMarkdown(plan, { state: 'apply-failed', apply: report }, COMMENT_LIMIT);
    expect(body).toContain('| configured, then failed |');
    expect(body).toContain('token: set (from SCIM_TOKEN)');
  });

  it('the terminal plan warns about deactivations first', () => {
    const text = renderPlanText(plan);
    expect(text.split('\n')[2]).toBe(
      `  WARNING: 2 connections will be deactivated: provisioning stops for every user assigned to their apps: Payroll (${OFF_A}), Badge system (${OFF_B}).`,
    );
  });
});
