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

/** The scaling run: load, plan and report N definitions against an unlimited sim, in a fresh process. */
export interface ScaleRequest {
  type: 'scale';
  url: string;
  apiToken: string;
  workspace: string;
  env: Record<string, string>;
  maxConcurrency: number;
}

export type ParentMessage =
  ClientInit | ScaleRequest | { type: 'plan' } | { type: 'apply' } | { type: 'exit' };

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

/** Wall and CPU (user + system) milliseconds of one step of the scaling run. */
export interface StepTime {
  wallMs: number;
  cpuMs: number;
}

export interface ScaleResult {
  type: 'scaled';
  connections: number;
  /** Distinct secret spellings registered (SecretRegistry.size). */
  secrets: number;
  /** Load, check and resolve the definitions, register their secrets. */
  load: StepTime;
  /** Read every app and connection and compare. */
  plan: StepTime;
  /** The job summary, the PR comment and the log text, each redacted. */
  render: StepTime;
  /** The plan file: the plan's JSON, redacted. */
  planFile: StepTime;
  /** Resident set size before loading, and the largest sampled until the end, bytes. */
  startRss: number;
  peakRss: number;
}

export type ChildMessage =
  | { type: 'ready'; definitions: number }
  | PlanResult
  | ApplyResult
  | ScaleResult
  | { type: 'error'; message: string };
