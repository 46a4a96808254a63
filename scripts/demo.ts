/**
 * `npm run demo`: the whole flow against the Okta simulator, no account or secret needed. Starts a sample
 * org, then runs the bundled CLI as a user would: plan, apply, and a second plan that finds nothing to do.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadSimOrg, startOktaSim } from '../sim/server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sim = await startOktaSim(await loadSimOrg(`${root}sim/sample-org.yaml`));
const env = {
  ...process.env,
  OKTA_API_TOKEN: sim.apiToken,
  // Demo values for the secrets the example definitions read; in a workflow they come from GitHub secrets.
  ZSCALER_SCIM_TOKEN: 'demo-zscaler-scim-token-0001',
  LEGACY_PARTNER_TOKEN: 'demo-legacy-partner-token-0001',
  O365_ADMIN_PASSWORD: 'demo-o365-admin-password-0001',
};

/** Runs the bundled CLI in a child process (asynchronously: the simulator lives in this process). */
async function cli(title: string, args: string[]): Promise<void> {
  console.log(`\n\x1b[1m$ okta-app-connections ${args.join(' ')}\x1b[0m   # ${title}\n`);
  const child = spawn(process.execPath, [`${root}dist/cli.js`, ...args], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) console.log(`(exit code ${code})`);
}

console.log(`Okta simulator with a sample org at ${sim.url}`);
try {
  await cli('check the definitions, no network', ['validate', 'examples/connections']);
  await cli('what would change in Okta', ['plan', 'examples/connections', '--org', sim.url]);
  await cli('change Okta to match the definitions', ['apply', 'examples/connections', '--org', sim.url]);
  await cli('plan again: nothing left to do', ['plan', 'examples/connections', '--org', sim.url]);
  const writes = sim
    .writes()
    .map((request) => `${request.method} ${request.path}${request.query.activate ? '?activate=true' : ''}`);
  console.log(`\nRequests that changed the simulated org:\n  ${writes.join('\n  ')}`);
} finally {
  await sim.close();
}
