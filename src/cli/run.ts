import { parseArgs } from 'node:util';
import { applyPlan } from '../apply/apply.js';
import { registerWriteOnlySecrets, resolveDefinitions, type Env } from '../definitions/env.js';
import { hasErrors, loadDefinitions } from '../definitions/load.js';
import type { Logger } from '../log.js';
import { OktaClient } from '../okta/client.js';
import { planConnections } from '../plan/plan.js';
import { renderApplyText, renderPlanText } from '../render/plan-text.js';
import { countProblems, problemsText } from '../render/problems.js';
import { SecretRegistry } from '../secrets.js';
import { VERSION } from '../version.js';
import { runExportCommand } from './export.js';
import { oktaSettings } from './settings.js';

export const USAGE = `okta-app-connections ${VERSION}: Okta app provisioning connections as code

Usage:
  okta-app-connections validate [path]               check definition files (no network)
  okta-app-connections plan [path] --org URL         show what apply would change
  okta-app-connections apply [path] --org URL        change Okta to match the definitions
  okta-app-connections export [path] --org URL       write definition files for an existing org

path: a folder or globs (default: okta/connections)
Auth: OKTA_API_TOKEN, or --client-id/OKTA_CLIENT_ID with --private-key-file/OKTA_PRIVATE_KEY.
Options:
  --org URL                 the Okta org (or OKTA_ORG_URL)
  --json                    print the plan as JSON (plan, apply)
  --plan-hash HASH          apply only if the fresh plan has this hash
  --rotate-secrets IDS      re-send secrets of these app ids (or all)
  --apps IDS                export only these app ids
  --force                   export: overwrite existing files
  --rate-limit-share N      percent of any Okta rate-limit bucket to use (default 50)
  --max-concurrency N       Okta requests in flight at once (default 8)
Exit codes: 0 done, 1 invalid definitions or apply failures, 2 usage or Okta errors.`;

/** The local CLI; returns the exit code. Output: results on stdout, diagnostics on stderr. */
export async function runCli(argv: string[], env: Env): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        org: { type: 'string' },
        json: { type: 'boolean' },
        'plan-hash': { type: 'string' },
        'rotate-secrets': { type: 'string' },
        apps: { type: 'string' },
        force: { type: 'boolean' },
        'client-id': { type: 'string' },
        'private-key-file': { type: 'string' },
        'key-id': { type: 'string' },
        scopes: { type: 'string' },
        'rate-limit-share': { type: 'string' },
        'max-concurrency': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean' },
      },
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [command, path = 'okta/connections', ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  if (rest.length > 0) {
    process.stderr.write(`unexpected arguments: ${rest.join(' ')}; give one path (quote globs).\n`);
    return 2;
  }
  const secrets = new SecretRegistry();
  const cwd = process.cwd();
  const out = (text: string) => process.stdout.write(`${secrets.redact(text)}\n`);
  const err = (text: string) => process.stderr.write(`${secrets.redact(text)}\n`);

  try {
    switch (command) {
      case 'validate': {
        const loaded = await loadDefinitions(path, cwd);
        if (loaded.problems.length > 0) err(problemsText(loaded.problems));
        const { errors, warnings } = countProblems(loaded.problems);
        if (hasErrors(loaded.problems)) {
          err(`${errors} error(s), ${warnings} warning(s)`);
          return 1;
        }
        out(
          `${loaded.definitions.length} connection definition(s) in ${loaded.files.length} file(s) are valid${warnings ? ` (${warnings} warning(s))` : ''}.`,
        );
        return 0;
      }
      case 'plan':
      case 'apply': {
        const loaded = await loadDefinitions(path, cwd);
        if (loaded.problems.length > 0) err(problemsText(loaded.problems));
        if (hasErrors(loaded.problems)) return 2;
        const resolved = resolveDefinitions(loaded.definitions, env);
        if (resolved.problems.length > 0) {
          err(problemsText(resolved.problems));
          return 2;
        }
        registerWriteOnlySecrets(resolved.connections, env, secrets);
        const settings = oktaSettings(values, env, secrets);
        const client = new OktaClient({
          ...settings,
          secrets,
          logger: stderrLogger(secrets),
          readOnly: command === 'plan',
        });
        try {
          const plan = await planConnections(client, resolved.connections, {
            orgUrl: settings.orgUrl,
            path,
            env,
            rotateSecrets: idList(values['rotate-secrets']),
            warnings: loaded.problems,
          });
          if (values.json && command === 'plan') out(JSON.stringify(plan, null, 2));
          else (command === 'plan' ? out : err)(renderPlanText(plan));
          if (command === 'plan') return plan.counts.errors > 0 ? 2 : 0;
          const wanted = values['plan-hash']?.replace(/^sha256:/, '');
          if (wanted && wanted !== plan.hash) {
            err(
              `Nothing was applied: the fresh plan's hash ${plan.hash} is not the given --plan-hash ${wanted}.`,
            );
            return 2;
          }
          const report = await applyPlan(client, plan, resolved.connections, { env, secrets });
          if (values.json) out(JSON.stringify({ plan, apply: report }, null, 2));
          else out(renderApplyText(report));
          return report.failed > 0 ? 1 : 0;
        } finally {
          await client.close();
        }
      }
      case 'export':
        return await runExportCommand({
          path,
          orgUrl: values.org ?? env.OKTA_ORG_URL,
          apps: values.apps,
          force: values.force === true,
          env,
          secrets,
          okta: oktaSettings(values, env, secrets),
        });
      default:
        err(`unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function idList(value: string | undefined): 'all' | string[] | undefined {
  if (!value) return undefined;
  const items = value.split(/[\s,]+/).filter(Boolean);
  return items.length === 1 && items[0] === 'all' ? 'all' : items;
}

function stderrLogger(secrets: SecretRegistry): Logger {
  const write = (level: string) => (message: string) => {
    if (level !== 'debug' || process.env.OKTA_APP_CONNECTIONS_DEBUG)
      process.stderr.write(`${level}: ${secrets.redact(message)}\n`);
  };
  return { debug: write('debug'), info: () => {}, warning: write('warning'), error: write('error') };
}
