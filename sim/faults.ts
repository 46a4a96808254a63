import { createRng } from './random.js';
import type { SimFaults } from './types.js';

interface Countdown {
  count: number;
  path?: RegExp;
}

/** Consumes one use of a countdown fault if it applies to `path`. */
function consume(fault: Countdown | undefined, path: string): boolean {
  if (!fault || fault.count <= 0) return false;
  if (fault.path) {
    fault.path.lastIndex = 0;
    if (!fault.path.test(path)) return false;
  }
  fault.count -= 1;
  return true;
}

function copyCountdown<T extends Countdown>(fault: T | undefined): T | undefined {
  return fault ? { ...fault } : undefined;
}

/** The faults in force; countdowns are copies, so the caller's object is never mutated. */
export class FaultState {
  private faults: SimFaults = {};
  private readonly random: () => number;

  constructor(faults: SimFaults | undefined, seed: number) {
    this.random = createRng(seed);
    this.set(faults ?? {});
  }

  set(faults: SimFaults): void {
    this.faults = {
      ...faults,
      failNext: copyCountdown(faults.failNext),
      resetNext: copyCountdown(faults.resetNext),
      hangNext: copyCountdown(faults.hangNext),
      burst429: copyCountdown(faults.burst429),
    };
  }

  get latencyMs(): number {
    return Math.max(0, this.faults.latencyMs ?? 0);
  }

  get echoSecretInError(): boolean {
    return this.faults.echoSecretInError === true;
  }

  takeBurst429(path: string): boolean {
    return consume(this.faults.burst429, path);
  }

  /** 'reset' (socket destroyed) or 'hang' (never answered), or null. */
  takeConnectionFault(path: string): 'reset' | 'hang' | null {
    if (consume(this.faults.resetNext, path)) return 'reset';
    if (consume(this.faults.hangNext, path)) return 'hang';
    return null;
  }

  /** The 5xx status this request answers, or null. */
  takeServerError(path: string): number | null {
    const failNext = this.faults.failNext;
    if (failNext && consume(failNext, path)) return failNext.status;
    const rate = this.faults.serverErrorRate ?? 0;
    if (rate > 0 && this.random() < rate) return 500;
    return null;
  }
}
