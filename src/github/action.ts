import { createProgressReporter } from '../render/progress.js';
import { SecretRegistry } from '../secrets.js';
import { SettingsError } from '../run/parse.js';
import { validateDefinitions } from '../run/validate.js';
import type { ActionRun } from './action-run.js';
import { runContext } from './context.js';
import { isPullRequestEvent, routeEvent } from './events.js';
import { readActionSettings } from './inputs.js';
import { actionLogger } from './logger.js';
import { DEFAULT_OUTPUTS, setOutputs } from './outputs.js';
import { reportDefinitions } from './report.js';
import { info, notice, setFailed, setSecret, warning, writeSummary } from './runner.js';

/**
 * The action's entry: settings and event → one use case → report. Validate loads only the definitions code;
 * the Okta client and the GitHub API client are loaded when a command needs them.
 */
export async function runAction(): Promise<void> {
  const secrets = new SecretRegistry();
  secrets.onAdd(setSecret);
  setOutputs(DEFAULT_OUTPUTS);
  try {
    const context = runContext();
    const settings = readActionSettings(context.workspace, secrets);
    const route = routeEvent(settings.command, context);
    if ('refused' in route) throw new SettingsError(route.refused);
    info(`okta-app-connections: ${route.command} (event ${context.eventName})`);
    if (route.notice) notice(route.notice);
    const run: ActionRun = {
      settings,
      context,
      ports: {
        env: process.env,
        secrets,
        logger: actionLogger(secrets),
        // Progress lines hold only our own words and numbers.
        progress: createProgressReporter({ write: (text) => info(text.trimEnd()) }),
      },
    };
    if (route.command === 'validate') {
      reportDefinitions(await validateDefinitions(settings.definitions), { notice: route.notice });
      return;
    }
    if (route.command !== 'export' && !settings.okta && isPullRequestEvent(context)) {
      // Pull requests from forks get no secrets: validate, say so, and do not fail.
      const why =
        'No Okta credentials in this run (pull requests from forks get no secrets): the definitions were validated, no plan was made.';
      notice(why);
      reportDefinitions(await validateDefinitions(settings.definitions), { notice: why });
      return;
    }
    if (route.command === 'export') await (await import('./export.js')).exportInAction(run);
    else if (route.command === 'plan') await (await import('./plan.js')).planInAction(run);
    else await (await import('./apply.js')).applyInAction(run);
  } catch (error) {
    if (isOktaFailure(error)) setOutputs({ 'failure-reason': 'okta-unreachable' });
    setFailed(secrets.redact(describeFailure(error)));
  } finally {
    await writeSummary().catch((error: unknown) =>
      warning(`The job summary could not be written: ${secrets.redact(describeFailure(error))}`),
    );
  }
}

/**
 * Okta could not be used at all (no answer, refused credentials): the run stopped before any plan. By name:
 * this module does not load the Okta client.
 */
function isOktaFailure(error: unknown): boolean {
  return error instanceof Error && ['OktaApiError', 'OktaNetworkError'].includes(error.name);
}

function describeFailure(error: unknown): string {
  if (error instanceof SettingsError) return `Invalid input: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
