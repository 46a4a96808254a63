/**
 * npm run bench [-- --n 100,500,2000] [--share 50] [--json out.json]
 *
 * Plan and apply against the simulator at the speed its rate limits allow, and the bundled action's
 * start-up with 1,000 definitions against a bare node start. Bundles first when dist/ is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { failedChecks } from './checks.js';
import { bundleClient } from './client-bundle.js';
import { DEFAULT_CONFIG, type BenchConfig } from './config.js';
import { runRateScenario, type PhaseFigures } from './rate.js';
import { BUNDLES, REPO_ROOT, runStartupBench } from './startup.js';
import { BOUND_NOTE, rateSettings, rateTable, startupTable } from './table.js';

function readConfig(): { config: BenchConfig; json?: string } {
  const { values } = parseArgs({
    options: { n: { type: 'string' }, share: { type: 'string' }, json: { type: 'string' } },
  });
  const config = { ...DEFAULT_CONFIG };
  if (values.n !== undefined) {
    config.sizes = values.n.split(',').map((text) => Number(text.trim().replace(/_/g, '')));
    if (config.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
      throw new Error(`--n takes whole numbers separated by commas, e.g. --n 100,500 (got "${values.n}")`);
    }
  }
  if (values.share !== undefined) {
    config.share = Number(values.share);
    if (!Number.isInteger(config.share) || config.share < 1 || config.share > 100) {
      throw new Error(`--share takes a percentage from 1 to 100 (got "${values.share}")`);
    }
  }
  return { config, json: values.json };
}

function ensureBundle(): void {
  if (BUNDLES.every((file) => existsSync(path.join(REPO_ROOT, file)))) return;
  console.log('dist/ is missing: npm run bundle');
  execFileSync('npm', ['run', 'bundle'], { cwd: REPO_ROOT, stdio: 'inherit' });
}

async function main(): Promise<void> {
  const started = Date.now();
  const { config, json } = readConfig();
  ensureBundle();
  console.log(`Plan and apply against the simulator (${rateSettings(config)})`);
  const phases: PhaseFigures[] = [];
  const clientDir = await mkdtemp(path.join(tmpdir(), 'oac-bench-client-'));
  try {
    const client = await bundleClient(clientDir);
    for (const n of config.sizes) {
      phases.push(...(await runRateScenario(n, config, client)));
      console.log(`  N = ${n} done`);
    }
  } finally {
    await rm(clientDir, { recursive: true, force: true });
  }
  console.log(`\n${rateTable(phases)}\n\n${BOUND_NOTE}\n`);
  const failures = failedChecks(phases);
  if (failures.length > 0) process.exitCode = 1;
  console.log(
    failures.length > 0
      ? `Checks FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}\n`
      : 'Checks passed: no 429, no window above its cap, no request beyond those needed (each app read once), every connection planned and applied.\n',
  );

  const startup = await runStartupBench(config);
  const sizes = Object.entries(startup.bundleBytes)
    .map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(0)} KiB`)
    .join(', ');
  console.log(
    `Start-up: ${startup.definitions} definitions in ${startup.files} files, median of ${startup.runs} runs; ${sizes}\n`,
  );
  console.log(`${startupTable(startup)}\n`);

  if (json) {
    const file = path.resolve(json);
    await writeFile(file, `${JSON.stringify({ node: process.version, config, phases, startup }, null, 2)}\n`);
    console.log(`Figures written to ${file}`);
  }
  console.log(`Bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
