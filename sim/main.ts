/**
 * Runs the Okta org simulator until Ctrl-C:
 *   npx tsx sim/main.ts [--seed sim/sample-org.yaml] [--port N] [--host 127.0.0.1]
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadSimOrg, startOktaSim } from './server.js';

const DEFAULT_SEED = fileURLToPath(new URL('./sample-org.yaml', import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be 0..65535, got ${values.port}`);
  const seedFile = values.seed ? resolve(values.seed) : DEFAULT_SEED;
  const seed = await loadSimOrg(seedFile);
  const sim = await startOktaSim({ ...seed, port, host: values.host });

  const example = [...sim.apps.values()].find((app) => app.connection) ?? [...sim.apps.values()][0];
  console.log(`Okta org simulator (seed: ${seedFile})`);
  console.log(`  URL:       ${sim.url}`);
  console.log(`  API token: ${sim.apiToken}`);
  console.log(`  apps:      ${sim.apps.size}`);
  if (example) {
    console.log('Try:');
    console.log(
      `  curl -s -H "Authorization: SSWS ${sim.apiToken}" ${sim.url}/api/v1/apps/${example.id}/connections/default`,
    );
  }
  console.log('Ctrl-C to stop.');

  const stop = () => {
    void sim.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
