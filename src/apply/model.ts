import type { FeatureChange, FieldChange, Operation } from '../plan/model.js';

export type ApplyStatus = 'applied' | 'consent-needed' | 'failed' | 'unchanged';

export interface ConnectionApplyResult {
  appId: string;
  name: string;
  status: ApplyStatus;
  /** The operations that were carried out, in order. */
  done: Operation[];
  /** Why it failed (redacted), with Okta's error code when Okta gave one. */
  error?: { message: string; code?: string };
  /** Where a person grants consent, for consent apps. */
  consentUrl?: string;
  /** Fields whose re-read value differs from the desired one (before = found, after = wanted). */
  mismatches?: (FieldChange | FeatureChange)[];
}

export interface ApplyReport {
  results: ConnectionApplyResult[];
  /** Connections changed and confirmed (consent-needed included: Okta took the change). */
  applied: number;
  failed: number;
  consentNeeded: number;
}

export function summarizeApply(results: ConnectionApplyResult[]): ApplyReport {
  return {
    results,
    applied: results.filter((r) => r.status === 'applied' || r.status === 'consent-needed').length,
    failed: results.filter((r) => r.status === 'failed').length,
    consentNeeded: results.filter((r) => r.status === 'consent-needed').length,
  };
}
