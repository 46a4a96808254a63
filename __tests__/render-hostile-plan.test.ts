import { describe, it, type TestContext } from 'vitest';
import { startOktaSim, type SimApp } from '../sim/server.js';
import { applyPlan } from '../src/resources/connection/apply.js';
import { OktaClient } from '../src/okta/client.js';
import { planConnections } from '../src/plan/plan.js';
import { escapeMarkdown } from '../src/render/markdown.js';
import { renderPlanMarkdown } from '../src/render/plan-markdown.js';
import { COMMENT_LIMIT } from '../src/github/limits.js';
import { renderApplyText, renderPlanText } from '../src/render/plan-text.js';
import { SecretRegistry } from '../src/secrets.js';
import { markdownHazards } from './helpers/markdown-hazards.js';
import { resolvedConnection } from './helpers/plan-fixtures.js';
import { zscalerToken } from './helpers/sim-fixtures.js';

const LABEL_APP = '0oahostilelabel0001';
const ERROR_APP = '0oahostileerror0001';
const JS_CONSENT = '0oahostilejslink001';
const HTTPS_CONSENT = '0oahostilehttps0001';

const LABEL =
  '[Approve merge](https://evil.example/a) ![t](https://evil.example/t.png) <img src=x> @octocat #1 owner/repo#2 www.evil.example &#64;admin';
const YAML_NAME = 'Hub\r| forged | row |\n::error::owned\u2028@security-team';
const FILE = 'okta/connections/we`ird`` name|x\r.yaml';
const ERROR_SUMMARY = 'Api validation failed: [click](https://evil.example/e) @octocat <b>x</b>';
const ERROR_CAUSES = ['![i](https://evil.example/i.png)', 'line\nbreak #3'];
const JS_LINK = 'javascript:alert(document.cookie)//https://evil.example';
const HTTPS_LINK = 'https://evil.example/consent?a=1|b)';

const APPS: SimApp[] = [
  zscalerToken(LABEL_APP, { label: LABEL, connection: { baseUrl: 'https://old.example.com/scim' } }),
  zscalerToken(ERROR_APP),
  ...[
    [JS_CONSENT, JS_LINK],
    [HTTPS_CONSENT, HTTPS_LINK],
  ].map(([id, href]): SimApp => ({
    id: id!,
    name: 'google',
    label: `Google ${id}`,
    connection: { authScheme: 'UNKNOWN', status: 'UNKNOWN', authorizeHref: href },
  })),
];

const CONNECTIONS = [
  resolvedConnection({ id: LABEL_APP, baseUrl: 'https://new.example.com/scim' }),
  resolvedConnection({ id: ERROR_APP, name: YAML_NAME, baseUrl: 'https://x.example.com' }),
  resolvedConnection({ id: JS_CONSENT, authScheme: 'OAUTH2', writeOnly: {} }),
  resolvedConnection({ id: HTTPS_CONSENT, authScheme: 'OAUTH2', writeOnly: {} }),
].map((connection) => ({
  ...connection,
  definition: { ...connection.definition, source: { file: FILE, line: 3, column: 5 } },
}));

async function hostileOrg(context: TestContext) {
  const sim = await startOktaSim({ apps: APPS });
  const secrets = new SecretRegistry();
  const client = new OktaClient({
    orgUrl: sim.url,
    credentials: { kind: 'api-token', token: sim.apiToken },
    secrets,
    retryBaseMs: 5,
  });
  context.onTestFinished(async () => {
    await client.close();
    await sim.close();
  });
  sim.setFaults({
    failNext: {
      count: 1,
      status: 400,
      path: new RegExp(`${ERROR_APP}/connections/default$`),
      errorSummary: ERROR_SUMMARY,
      causes: ERROR_CAUSES,
    },
  });
  const env = { SCIM_TOKEN: 'scim-token-value-1' };
  const plan = await planConnections(client, CONNECTIONS, {
    orgUrl: sim.url,
    path: 'okta/connections',
    env,
  });
  return { sim, client, secrets, env, plan };
}

describe('a plan and apply full of hostile Okta content, names and file names', () => {
  it('renders as text in the PR comment: no link, image, HTML, mention, reference or broken row', async (context) => {
    const { expect } = context;
    const { client, secrets, env, plan } = await hostileOrg(context);
    // The hostile values did reach the plan (else this test would prove nothing).
    expect(plan.connections.find((c) => c.appId === LABEL_APP)?.name).toBe(LABEL);
    expect(plan.connections.find((c) => c.appId === ERROR_APP)?.error?.message).toContain(ERROR_SUMMARY);

    const planned = renderPlanMarkdown(plan, { state: 'planned' }, COMMENT_LIMIT);
    expect(planned).toContain(escapeMarkdown(LABEL));
    expect(markdownHazards(planned)).toEqual([]);

    const report = await applyPlan(client, plan, CONNECTIONS, { env, secrets });
    const consentUrls = report.results.map((result) => result.consentUrl).filter(Boolean);
    expect(consentUrls.sort()).toEqual([JS_LINK, HTTPS_LINK].sort());

    const applied = renderPlanMarkdown(plan, { state: 'applied', apply: report }, COMMENT_LIMIT);
    // The one link: Okta's https consent link, under our own words, its pipe and parenthesis contained.
    const consentLink = '[open the consent page](<https://evil.example/consent?a=1%7Cb)>)';
    expect(applied).toContain(consentLink);
    // The javascript: link is shown as code, never as a link.
    expect(applied).toContain('`javascript:alert(document.cookie)//https://evil.example`');
    expect(markdownHazards(applied.split(consentLink).join('LINK'))).toEqual([]);
  });

  it('keeps every untrusted value on its own line in the terminal rendering', async (context) => {
    const { expect } = context;
    const { client, secrets, env, plan } = await hostileOrg(context);
    const report = await applyPlan(client, plan, CONNECTIONS, { env, secrets });
    for (const text of [renderPlanText(plan), renderApplyText(report)]) {
      for (const line of text.split(/\r\n|\r|\n/)) expect(line.trimStart()).not.toMatch(/^::/);
      expect(text).not.toMatch(/[\r\u2028\u2029]/);
    }
  });
});
