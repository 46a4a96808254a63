import type { Plan, PlanError } from '../plan/model.js';
import type { OutputName } from '../run/settings-table.js';
import { setOutput } from './runner.js';

/** The action's outputs (action.yml). Every output is always set, so workflows can rely on them. */
export interface ActionOutputs {
  changes: 'true' | 'false';
  'plan-hash': string;
  'plan-file': string;
  'to-configure': number;
  'to-activate': number;
  'to-deactivate': number;
  'to-update-features': number;
  unchanged: number;
  errors: number;
  applied: number;
  failed: number;
  'consent-needed': number;
  'failure-reason': FailureReason | '';
}

/** Why a run failed, in one word a workflow can branch on. */
export type FailureReason =
  | 'invalid-definitions'
  | 'okta-unreachable'
  | 'plan-changed'
  | 'not-reviewed'
  | 'too-many-deactivations'
  | 'apply-failed';

/** Every output of the table (../run/settings-table.ts) with its value before the run says otherwise. */
export const DEFAULT_OUTPUTS: ActionOutputs & Record<OutputName, unknown> = {
  changes: 'false',
  'plan-hash': '',
  'plan-file': '',
  'to-configure': 0,
  'to-activate': 0,
  'to-deactivate': 0,
  'to-update-features': 0,
  unchanged: 0,
  errors: 0,
  applied: 0,
  failed: 0,
  'consent-needed': 0,
  'failure-reason': '',
};

export function setOutputs(outputs: Partial<ActionOutputs>): void {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, String(value));
}

/**
 * A plan with connections that could not be planned: `invalid-definitions` when the definitions are the
 * cause (an app that does not exist, a setting its kind does not take), `okta-unreachable` when Okta could
 * not be read (no answer, 5xx, a token without permission).
 */
export function planFailureReason(plan: Plan): FailureReason | '' {
  const errors = plan.connections.flatMap((connection) => (connection.error ? [connection.error] : []));
  if (errors.length === 0) return '';
  return errors.some(isReadFailure) ? 'okta-unreachable' : 'invalid-definitions';
}

/** Okta answered, and what it said contradicts the definitions (a 404 for the app, our own checks). */
function isReadFailure(error: PlanError): boolean {
  if (error.status !== undefined) return error.status !== 404;
  return (
    error.code === undefined ||
    error.code === 'error' ||
    error.code === 'network' ||
    error.code === 'okta-unreachable'
  );
}
