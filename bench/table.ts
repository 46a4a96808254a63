/** Plain-text tables of the bench figures (also valid Markdown, for the README). */
import type { BenchConfig } from './config.js';
import type { ExitRow } from './exit.js';
import type { PhaseFigures } from './rate.js';
import { ratioToLinear, totalCpuMs, totalMs, type ScalingFigures } from './scaling.js';
import type { TargetedFigures } from './targeted.js';
import type { StartupFigures } from './startup.js';

/** The first `textColumns` columns are left-aligned, the rest (numbers) right-aligned. */
function table(header: string[], rows: string[][], textColumns: number): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column < textColumns ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column < textColumns ? ` ${'-'.repeat(width)} ` : ` ${'-'.repeat(width - 1)}: `)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

export function rateSettings(config: BenchConfig): string {
  const limit = (bucket: keyof BenchConfig['limits']) =>
    `${bucket} ${config.limits[bucket].limit}/${config.limits[bucket].windowMs / 1000} s`;
  return `share ${config.share} %, max concurrency ${config.maxConcurrency}, sim latency ${config.latencyMs} ms, ${limit('apps-star')}, ${limit('apps-id')}`;
}

export function rateTable(rows: readonly PhaseFigures[]): string {
  return table(
    [
      'N',
      'phase',
      'requests star+id',
      'extra',
      '429s',
      'max/window star (cap)',
      'max/window id (cap)',
      'star windows used/needed',
      'wall s',
      'bound s',
      'bound by',
      'ratio',
      'ratio exact windows',
      'peak RSS MiB',
      'done/failed',
    ],
    rows.map((row) => {
      const [star, id] = row.buckets;
      const starBound = row.bound.buckets.find((bucket) => bucket.bucket === 'apps-star')!;
      return [
        String(row.n),
        row.phase,
        `${star!.requests}+${id!.requests}`,
        String(row.extraRequests),
        String(row.rateLimited),
        `${star!.maxPerWindow} (${star!.budget})`,
        `${id!.maxPerWindow} (${id!.budget})`,
        `${star!.windows.length}/${starBound.windows}`,
        seconds(row.wallMs),
        seconds(row.bound.boundMs),
        row.bound.limitedBy,
        row.ratio.toFixed(2),
        (row.wallMs / row.bound.nominalMs).toFixed(2),
        mib(row.peakRssBytes),
        `${row.done}/${row.failed}`,
      ];
    }),
    2,
  );
}

export function scalingTable(rows: readonly ScalingFigures[]): string {
  const sorted = [...rows].sort((a, b) => a.n - b.n);
  const linear = (row: ScalingFigures, value: (row: ScalingFigures) => number) =>
    ratioToLinear(sorted, row, value).toFixed(2);
  return table(
    [
      'N',
      'secrets',
      'load s',
      'plan s',
      'plan CPU s',
      'reports s',
      'plan file s',
      'total s',
      'total CPU s',
      'peak RSS MiB',
      'x linear: total',
      'CPU',
      'plan CPU',
      'reports',
      'RSS',
    ],
    sorted.map((row) => [
      String(row.n),
      String(row.secrets),
      seconds(row.load.wallMs),
      seconds(row.plan.wallMs),
      seconds(row.plan.cpuMs),
      seconds(row.render.wallMs),
      seconds(row.planFile.wallMs),
      seconds(totalMs(row)),
      seconds(totalCpuMs(row)),
      mib(row.peakRss),
      linear(row, totalMs),
      linear(row, totalCpuMs),
      linear(row, (r) => r.plan.cpuMs),
      linear(row, (r) => r.render.cpuMs),
      linear(row, (r) => r.peakRss),
    ]),
    0,
  );
}

export const SCALING_NOTE = `Unlimited simulator buckets, no added latency, max concurrency 8, one secret per connection that holds
one (secrets = spellings registered). load = read, check and resolve the definitions; plan = read every app
and connection and compare; reports = job summary, PR comment and log text, redacted; plan file = the plan's
JSON, redacted. x linear = (figure / figure at the smallest N) / (N / smallest N): 1.00 is linear.`;

export function targetedText(figures: TargetedFigures): string {
  const { connections, changed, targetedRequests, fullRequests, planned, unread } = figures;
  return [
    `Targeted plan: a pull request changing ${changed} of ${connections} connections (scope auto, GitHub's merge commit)`,
    `  Okta requests: ${targetedRequests} (a plan of everything: ${fullRequests}); planned ${planned}, not read ${unread}`,
  ].join('\n');
}

export function startupTable(figures: StartupFigures): string {
  return table(
    ['command', 'median ms', 'min ms', 'x bare node'],
    figures.rows.map((row) => [
      row.name,
      row.medianMs.toFixed(0),
      row.minMs.toFixed(0),
      row.ratio.toFixed(2),
    ]),
    1,
  );
}

export const BOUND_NOTE = `bound: per bucket, k = ceil(needed / cap) windows at cap = floor(limit x share / 100); the first ends on
the first whole second >= start + window, each later one a window + 1 s after the previous reset (windows end
on whole seconds and open with the first request after the reset), and the last lasts until its requests
are answered (ceil(r / concurrency) round trips); at least ceil(all requests / concurrency) round trips.
The bound is the largest of these; ratio = wall / bound. Plan needs N in apps-star and N in apps-id; apply
needs its writes (configure+activate is one request), a re-read only after a lifecycle call (Okta's answer
to a configure confirms it) and the public key after an Org2Org OAuth configure, all in apps-star.
extra = requests beyond those; each phase starts with a fresh client in fresh windows.`;

export function exitTable(rows: readonly ExitRow[]): string {
  return table(
    ['command', 'connections', 'run s', 'last answer to exit s'],
    rows.map((row) => [
      row.name,
      String(row.connections),
      seconds(row.runMs),
      seconds(row.afterLastAnswerMs),
    ]),
    1,
  );
}
