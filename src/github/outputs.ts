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
  /** Empty on success; otherwise one word a workflow can branch on (CONTRACT 4). */
  'failure-reason': string;
}

export const DEFAULT_OUTPUTS: ActionOutputs = {
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
  'failure-reason': '',
};

export function setOutputs(outputs: Partial<ActionOutputs>): void {
  for (const [name, value] of Object.entries(outputs)) setOutput(name, String(value));
}
