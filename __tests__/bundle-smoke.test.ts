import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PR_NUMBER, SECRET_ENV, planComments, startE2E, type E2E } from './helpers/e2e.js';
import { ACTION_BUNDLE, CLI_BUNDLE, runCli } from './helpers/run-action.js';

/**
 * The committed bundles (dist/), which is what users run: every other end-to-end test runs the sources.
 * CI rebuilds dist/ and fails when it differs, so this proves the bundling works on the Node running the tests.
 */
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => e2e.close());

describe('the bundles in dist/', () => {
  it('dist/index.js validates and plans a pull request against the simulator', async () => {
    const validate = await e2e.dispatch({ command: 'validate' }, { entry: ACTION_BUNDLE });
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
    expect(e2e.sim.requests).toHaveLength(0);

    const plan = await e2e.pullRequest({ entry: ACTION_BUNDLE });
    expect(plan.code, plan.stdout + plan.stderr).toBe(0);
    expect(plan.outputs['plan-hash']).toMatch(/^[0-9a-f]{64}$/);
    expect(planComments(e2e.github, PR_NUMBER)).toHaveLength(1);
  });

  it('dist/cli.js validates and plans the same definitions', async () => {
    const validate = await runCli(['validate', 'okta/connections'], e2e.workspace, {}, CLI_BUNDLE);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('are valid');

    const env = { OKTA_API_TOKEN: e2e.sim.apiToken, ...SECRET_ENV };
    const plan = await runCli(['plan', '--org', e2e.sim.url], e2e.workspace, env, CLI_BUNDLE);
    expect(plan.code, plan.stderr).toBe(0);
    // The counts line of the sample org; its wording is the CLI tests' business.
    expect(plan.stdout).toMatch(/^Plan: 2 to configure, 1 to activate, 1 to deactivate, .*1 unchanged\.$/m);
  });
});
