import type { FeatureChange, FieldChange, Operation } from '../plan/model.js';
import type { PublicKeyNotice } from '../resources/connection/public-key.js';

export type ApplyStatus = 'applied' | 'consent-needed' | 'failed' | 'unchanged';

export interface ConnectionApplyResult {
  appId: string;
  name: string;
  status: ApplyStatus;
  /** The operations that were carried out, in order. */
  done: Operation[];
  /** Why it failed (redacted), with Okta's error code (or our own) when there is one. */
  error?: { message: string; code?: string };
  /** Where a person grants consent, for consent apps (Okta's `_links.authorize.href`, untrusted). */
  consentUrl?: string;
  /** Fields whose confirmed value differs from the desired one (before = found, after = wanted). */
  mismatches?: (FieldChange | FeatureChange)[];
  /** Org2Org OAuth after a configure: the key to register with the service app in the target org. */
  publicKey?: PublicKeyNotice;
}

export interface ApplyReport {
  results: ConnectionApplyResult[];
  /**
   * Connections changed and confirmed. `applied`, `consentNeeded` and `failed` never overlap: a connection
   * waiting for consent is not done yet (the next apply after consent activates it), nor did it fail.
   */
  applied: number;
  failed: number;
  consentNeeded: number;
}

export function summarizeApply(results: ConnectionApplyResult[]): ApplyReport {
  return {
    results,
    applied: results.filter((r) => r.status === 'applied').length,
    failed: results.filter((r) => r.status === 'failed').length,
    consentNeeded: results.filter((r) => r.status === 'consent-needed').length,
  };
}
