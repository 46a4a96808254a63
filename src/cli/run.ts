import { parseArgs } from 'node:util';
import type { Env } from '../definitions/env.js';
import { hasErrors } from '../definitions/load.js';
import type { Logger } from '../log.js';
import { renderApplyText, renderPlanText } from '../render/plan-text.js';
import { createProgressReporter } from '../render/progress.js';
import { countProblems, problemsText } from '../render/problems.js';
import { SettingsError } from '../run/parse.js';
import type { RunPorts } from '../run/ports.js';
import { validateDefinitions } from '../run/validate.js';
import { SecretRegistry } from '../secrets.js';
import { VERSION } from '../version.js';
import {
  DEFAULT_MAX_CONCURRENCY,
  DEFAULT_MAX_DEACTIVATIONS,
  DEFAULT_PATH,
  DEFAULT_RATE_LIMIT_SHARE,
} from '../run/settings.js';
import {
  applySettings,
  definitionSettings,
  exportSettings,
  planSettings,
  CLI_OPTIONS,
  type CliFlags,
} from './settings.js';

export const USAGE = `okta-app-connections ${VERSION}: Okta app provisioning connections as code

Usage:
  okta-app-connections validate [path]               check definition files (no network)
  okta-app-connections plan [path] --org URL         show what apply would change
  okta-app-connections apply [path] --org URL        change Okta to match the definitions
  okta-app-connections export [path] --org URL       write definition files for an existing org

path: a folder or globs (default: ${DEFAULT_PATH})
Auth: OKTA_API_TOKEN, or --client-id/OKTA_CLIENT_ID with --private-key-file/OKTA_PRIVATE_KEY.
Options:
  --org URL                 the Okta org (or OKTA_ORG_URL)
  --json                    print the plan as JSON (plan, apply)
  --plan-hash HASH          apply only if the fresh plan has this hash
  --rotate-secrets IDS      re-send secrets of these app ids (or all)
  --visible-env NAMES       variables shown fields may read (or OKTA_VISIBLE_ENV)
  --max-deactivations N     apply refuses to deactivate more connections (default ${DEFAULT_MAX_DEACTIVATIONS})
  --apps IDS                export only these app ids
  --force                   export: overwrite existing files
  --rate-limit-share N      percent of any Okta rate-limit bucket to use (default ${DEFAULT_RATE_LIMIT_SHARE})
  --max-concurrency N       Okta requests in flight at once (default ${DEFAULT_MAX_CONCURRENCY})
Exit codes: 0 done, 1 invalid definitions or apply failures, 2 usage or Okta errors.`;

/** Where the CLI writes: results on stdout, diagnostics on stderr. Tests pass their own. */
export interface CliIo {
  cwd: string;
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress is one line updated in place. */
  errIsTTY?: boolean;
}

const processIo: CliIo = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
};

/** The local CLI; returns the exit code. */
export async function runCli(argv: string[], env: Env, io: CliIo = processIo): Promise<number> {
  const line = parseCommandLine(argv, io);
  if ('exit' in line) return line.exit;
  const secrets = new SecretRegistry();
  const out = (text: string) => io.out(`${secrets.redact(text)}\n`);
  const err = (text: string) => io.err(`${secrets.redact(text)}\n`);
  const run: CliRun = {
    path: line.path,
    cwd: io.cwd,
    flags: line.flags,
    env,
    secrets,
    ports: {
      env,
      secrets,
      logger: stderrLogger(err, env),
      progress: createProgressReporter({ write: io.err, isTTY: io.errIsTTY ?? false }),
    },
    json: line.json,
    out,
    err,
  };
  try {
    switch (line.command) {
      case 'validate':
        return await validateInCli(run);
      case 'plan':
        return await planInCli(run);
      case 'apply':
        return await applyInCli(run);
      case 'export': {
        const { exportInCli } = await import('./export.js');
        return await exportInCli(
          exportSettings(run.path, run.cwd, run.flags, env, secrets),
          run.ports,
          out,
          err,
        );
      }
      default:
        err(`unknown command "${line.command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    err(
      `${error instanceof SettingsError ? '' : 'error: '}${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  }
}

/** One command of the CLI: its arguments, the run's ports and where it writes (redacted). */
interface CliRun {
  path: string;
  cwd: string;
  flags: CliFlags;
  env: Env;
  secrets: SecretRegistry;
  ports: RunPorts;
  json: boolean;
  out(text: string): void;
  err(text: string): void;
}

/** The command, its path and flags; or the exit code when there is nothing to run (usage, help, version). */
function parseCommandLine(
  argv: string[],
  io: CliIo,
): { command: string; path: string; flags: CliFlags; json: boolean } | { exit: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: CLI_OPTIONS,
    });
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}\n`);
    return { exit: 2 };
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.out(`${VERSION}\n`);
    return { exit: 0 };
  }
  const [command, path = DEFAULT_PATH, ...rest] = positionals;
  if (values.help || !command) {
    (values.help ? io.out : io.err)(`${USAGE}\n`);
    return { exit: values.help ? 0 : 2 };
  }
  if (rest.length > 0) {
    io.err(`unexpected arguments: ${rest.join(' ')}; give one path (quote globs).\n`);
    return { exit: 2 };
  }
  return { command, path, flags: values, json: values.json === true };
}

async function validateInCli({ path, cwd, flags, env, out, err }: CliRun): Promise<number> {
  const loaded = await validateDefinitions(definitionSettings(path, cwd, flags, env));
  if (loaded.problems.length > 0) err(problemsText(loaded.problems, loaded.unlisted));
  const { errors, warnings } = countProblems(loaded.problems, loaded.unlisted);
  if (hasErrors(loaded.problems)) {
    err(`${errors} error(s), ${warnings} warning(s)`);
    return 1;
  }
  out(
    `${loaded.definitions.length} connection definition(s) in ${loaded.files.length} file(s) are valid${warnings ? ` (${warnings} warning(s))` : ''}.`,
  );
  return 0;
}

async function planInCli({ path, cwd, flags, env, secrets, ports, json, out, err }: CliRun): Promise<number> {
  const { runPlan } = await import('../run/plan.js');
  const outcome = await runPlan(planSettings(path, cwd, flags, env, secrets), ports);
  if (outcome.kind === 'invalid') {
    err(problemsText(outcome.problems, outcome.loaded.unlisted));
    return 2;
  }
  if (outcome.loaded.problems.length > 0) err(problemsText(outcome.loaded.problems));
  out(json ? JSON.stringify(outcome.plan, null, 2) : renderPlanText(outcome.plan));
  return outcome.plan.counts.errors > 0 ? 2 : 0;
}

async function applyInCli({
  path,
  cwd,
  flags,
  env,
  secrets,
  ports,
  json,
  out,
  err,
}: CliRun): Promise<number> {
  const { runApply } = await import('../run/apply.js');
  const outcome = await runApply(applySettings(path, cwd, flags, env, secrets), {
    ...ports,
    review: () => Promise.resolve({ kind: 'manual' }),
  });
  if (outcome.kind === 'invalid') {
    err(problemsText(outcome.problems, outcome.loaded.unlisted));
    return 2;
  }
  err(renderPlanText(outcome.plan));
  if (outcome.kind === 'refused') {
    err(`Nothing was applied: ${outcome.reason}`);
    return 2;
  }
  err(outcome.decision.note);
  out(
    json
      ? JSON.stringify({ plan: outcome.plan, apply: outcome.report }, null, 2)
      : renderApplyText(outcome.report),
  );
  return outcome.report.failed > 0 ? 1 : 0;
}

function stderrLogger(err: (text: string) => void, env: Env): Logger {
  const write = (level: string) => (message: string) => err(`${level}: ${message}`);
  return {
    debug: env.OKTA_APP_CONNECTIONS_DEBUG ? write('debug') : () => {},
    info: () => {},
    warning: write('warning'),
    error: write('error'),
  };
}
