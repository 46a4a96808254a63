import { parseArgs } from 'node:util';
import { hasErrors, loadDefinitions } from '../definitions/load.js';
import { countProblems, problemsText } from '../render/problems.js';
import { SecretRegistry } from '../secrets.js';
import { VERSION } from '../version.js';

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

type Env = Readonly<Record<string, string | undefined>>;

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

  switch (command) {
    case 'validate': {
      const loaded = await loadDefinitions(path, cwd);
      if (loaded.problems.length > 0) process.stderr.write(`${problemsText(loaded.problems)}\n`);
      const { errors, warnings } = countProblems(loaded.problems);
      if (hasErrors(loaded.problems)) {
        process.stderr.write(`${errors} error(s), ${warnings} warning(s)\n`);
        return 1;
      }
      process.stdout.write(
        `${loaded.definitions.length} connection definition(s) in ${loaded.files.length} file(s) are valid${warnings ? ` (${warnings} warning(s))` : ''}.\n`,
      );
      return 0;
    }
    default:
      void secrets;
      void env;
      process.stderr.write(`unknown command "${command}"\n\n${USAGE}\n`);
      return 2;
  }
}
