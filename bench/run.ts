/**
 * npm run bench [-- --n 100,500,2000] [--scale 1000,10000,20000] [--targeted 300] [--share 50]
 *                  [--json out.json]
 *
 * Plan and apply against the simulator at the speed its rate limits allow, the cost of a plan as the org
 * grows (unlimited buckets), the Okta requests of a pull request's plan that changes 1 of 300 connections,
 * the bundled action's start-up with 1,000 definitions against a bare node start, and how long the action
 * (bundled from the sources) lives after its last Okta answer. `--n none`, `--scale none`, `--targeted none`
 * skip a part. Bundles first when dist/ is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { failedChecks } from './checks.js';
import { bundleAction, bundleClient } from './client-bundle.js';
import { DEFAULT_CONFIG, type BenchConfig } from './config.js';
import { runExitBench, type ExitRow } from './exit.js';
import { runRateScenario, type PhaseFigures } from './rate.js';
import { runScalingScenario, type ScalingFigures } from './scaling.js';
import { runTargetedPlan, type TargetedFigures } from './targeted.js';
import { BUNDLES, REPO_ROOT, runStartupBench, startupVerdict } from './startup.js';
import {
  BOUND_NOTE,
  exitTable,
  rateSettings,
  rateTable,
  SCALING_NOTE,
  scalingTable,
  startupTable,
  targetedText,
} from './table.js';

/** `100,500` or `10_000` as whole numbers; `none` for none. */
function readSizes(flag: string, text: string): number[] {
  if (text.trim() === 'none') return [];
  const sizes = text.split(',').map((part) => Number(part.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    throw new Error(`--${flag} takes whole numbers separated by commas, or none (got "${text}")`);
  }
  return sizes;
}

function readConfig(): { config: BenchConfig; json?: string } {
  const { values } = parseArgs({
    options: {
      n: { type: 'string' },
      scale: { type: 'string' },
      targeted: { type: 'string' },
      share: { type: 'string' },
      json: { type: 'string' },
    },
  });
  const config = { ...DEFAULT_CONFIG };
  if (values.n !== undefined) config.sizes = readSizes('n', values.n);
  if (values.scale !== undefined) config.scaleSizes = readSizes('scale', values.scale);
  if (values.targeted !== undefined) {
    const [n, ...more] = readSizes('targeted', values.targeted);
    if (more.length > 0) throw new Error(`--targeted takes one number of connections, or none`);
    config.targetedConnections = n ?? 0;
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
  const phases: PhaseFigures[] = [];
  const scaling: ScalingFigures[] = [];
  let exit: ExitRow[] = [];
  const clientDir = await mkdtemp(path.join(tmpdir(), 'oac-bench-client-'));
  try {
    const client = await bundleClient(clientDir);
    if (config.sizes.length > 0) {
      console.log(`Plan and apply against the simulator (${rateSettings(config)})`);
      for (const n of config.sizes) {
        phases.push(...(await runRateScenario(n, config, client)));
        console.log(`  N = ${n} done`);
      }
      reportRate(phases);
    }
    if (config.scaleSizes.length > 0) {
      console.log('Scaling: plan with unlimited buckets');
      for (const n of config.scaleSizes) {
        scaling.push(await runScalingScenario(n, config, client));
        console.log(`  N = ${n} done`);
      }
      console.log(`\n${scalingTable(scaling)}\n\n${SCALING_NOTE}\n`);
    }
    exit = await runExitBench(await bundleAction(clientDir));
    console.log(`Exit: the action (bundled from the sources) planning against the simulator\n`);
    console.log(`${exitTable(exit)}\n`);
  } finally {
    await rm(clientDir, { recursive: true, force: true });
  }
  let targeted: TargetedFigures | undefined;
  if (config.targetedConnections > 0) {
    targeted = await runTargetedPlan(config.targetedConnections, config);
    console.log(`${targetedText(targeted)}\n`);
  }

  const startup = await runStartupBench(config);
  const sizes = Object.entries(startup.bundleBytes)
    .map(([file, bytes]) => `${file} ${(bytes / 1024).toFixed(0)} KiB`)
    .join(', ');
  console.log(
    `Start-up: ${startup.definitions} definitions in ${startup.files} files, median of ${startup.runs} runs; loaded at start: ${sizes}\n`,
  );
  console.log(`${startupTable(startup)}\n`);
  // A machine busy with other work slows every row; the verdict is a figure to read, not a check that fails.
  console.log(`${startupVerdict(startup)}\n`);

  if (json) {
    const file = path.resolve(json);
    const figures = { node: process.version, config, phases, scaling, targeted, startup, exit };
    await writeFile(file, `${JSON.stringify(figures, null, 2)}\n`);
    console.log(`Figures written to ${file}`);
  }
  console.log(`Bench took ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function reportRate(phases: readonly PhaseFigures[]): void {
  console.log(`\n${rateTable(phases)}\n\n${BOUND_NOTE}\n`);
  const failures = failedChecks(phases);
  if (failures.length > 0) process.exitCode = 1;
  console.log(
    failures.length > 0
      ? `Checks FAILED:\n${failures.map((failure) => `  - ${failure}`).join('\n')}\n`
      : 'Checks passed: no 429, no window above its cap, no request beyond those needed (each app read once), every connection planned and applied.\n',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
