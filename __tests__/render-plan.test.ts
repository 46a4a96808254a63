import { describe, expect, it } from 'vitest';
import { compareConnection } from '../src/resources/connection/compare.js';
import { assemblePlan } from '../src/plan/plan.js';
import { renderPlanMarkdown } from '../src/render/plan-markdown.js';
import { COMMENT_LIMIT } from '../src/github/limits.js';
import { renderPlanText } from '../src/render/plan-text.js';
import { app, live, resolvedConnection } from './helpers/plan-fixtures.js';

function bigPlan(n: number) {
  const planned = Array.from({ length: n }, (_, i) => {
    const id = `0oa${String(i).padStart(16, '0')}`;
    const result = compareConnection({
      connection: resolvedConnection({
        id,
        name: `Connection number ${i} with a long descriptive name`,
        baseUrl: `https://scim${i}.example.com/scim/v2/tenant/${i}`,
      }),
      app: app(id),
      live: live({ baseUrl: `https://old${i}.example.com/scim/v2/tenant/${i}` }),
      rotate: false,
      env: { SCIM_TOKEN: 'x' },
    });
    return i % 10 === 9
      ? {
          ...result,
          operations: [],
          changes: [],
          error: { message: `app ${id} does not exist`, code: 'app-not-found' },
        }
      : result;
  });
  return assemblePlan(planned, { orgUrl: 'https://example.okta.com', path: 'okta/connections' });
}

describe('plan markdown', () => {
  it('keeps a 2,000-connection comment under the limit with the headline counts', () => {
    const plan = bigPlan(2000);
    const marker = '<!-- okta-app-connections {"v":1} -->\n';
    const body = renderPlanMarkdown(
      plan,
      { state: 'planned', headSha: 'a'.repeat(40), runUrl: 'https://github.com/a/b/actions/runs/1' },
      COMMENT_LIMIT,
      marker,
    );
    expect(body.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(body.startsWith(marker)).toBe(true);
    expect(body).toContain('1800 to configure, 0 to activate, 0 to deactivate, 0 unchanged, 200 errors');
    expect(body).toContain('The full plan did not fit here');
    expect(body).toMatch(/… and \d+ more changing connections/);
    expect(body).toContain(`Plan hash \`${plan.hash}\``);
    expect(body).not.toContain('<details>');
  });

  it('shows everything, with details, when it fits', () => {
    const plan = bigPlan(5);
    const body = renderPlanMarkdown(plan, { state: 'planned' }, COMMENT_LIMIT);
    expect(body).toContain('<details>');
    expect(body).toContain(
      'base_url: `https://old0.example.com/scim/v2/tenant/0` → `https://scim0.example.com/scim/v2/tenant/0`',
    );
    expect(body).toContain('token: sensitive, will be set (from SCIM_TOKEN)');
    expect(body).not.toContain('did not fit');
  });

  it('escapes names that would break the table or mention people', () => {
    const planned = compareConnection({
      connection: resolvedConnection({
        id: '0oa1234567890abcdef',
        name: 'a | b <script> @team',
        baseUrl: 'https://x.example.com',
      }),
      app: app('0oa1234567890abcdef'),
      live: live(),
      rotate: false,
      env: {},
    });
    const body = renderPlanMarkdown(
      assemblePlan([planned], { orgUrl: 'https://example.okta.com', path: 'x' }),
      { state: 'planned' },
      COMMENT_LIMIT,
    );
    expect(body).toContain('| a \\\\| b &lt;script&gt; @\u2060team |');
    expect(body).toContain('**a \\| b &lt;script&gt; @\u2060team**');
    expect(body).not.toContain('<script>');
  });

  it('renders a terminal plan with symbols and a summary line', () => {
    const text = renderPlanText(bigPlan(3));
    expect(text).toContain(
      '~ Connection number 0 with a long descriptive name (0oa0000000000000000): configure',
    );
    expect(text).toContain('Plan: 3 to configure, 0 to activate, 0 to deactivate, 0 unchanged.');
  });
});
