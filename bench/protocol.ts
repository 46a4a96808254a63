/** Messages between the bench (parent, runs the sim) and the measured client process (bench/client.ts). */

export interface ClientInit {
  type: 'init';
  url: string;
  apiToken: string;
  /** Holds okta/connections/*.yaml. */
  workspace: string;
  share: number;
  maxConcurrency: number;
}

export type ParentMessage = ClientInit | { type: 'plan' } | { type: 'apply' } | { type: 'exit' };

export interface PhaseResult {
  /** Local epoch ms when the phase started and ended (same clock as the sim's `receivedAt`). */
  startedAt: number;
  endedAt: number;
  /** Resident set size when the phase started, and the largest sampled during it, bytes. */
  startRss: number;
  peakRss: number;
}

export interface PlanResult extends PhaseResult {
  type: 'plan';
  connections: number;
  changes: number;
  errors: number;
  /** Requests apply needs in apps-star (bench/demand.ts applyRequestsOf). */
  applyRequests: number;
}

export interface ApplyResult extends PhaseResult {
  type: 'apply';
  applied: number;
  failed: number;
}

export type ChildMessage =
  { type: 'ready'; definitions: number } | PlanResult | ApplyResult | { type: 'error'; message: string };
