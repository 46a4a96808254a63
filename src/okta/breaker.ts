/**
 * The circuit breaker of one org: once Okta stops answering, the run stops sending it requests, so a hung
 * Okta ends a run in about two request deadlines whatever the number of connections.
 *
 * It opens when a second request passes its deadline with no answer from Okta since the first (Okta
 * answers nothing), or at the eighth deadline miss of the run (Okta hangs on part of its requests: each miss
 * holds a request slot for a whole deadline, and retrying them would queue the rest behind them). A single
 * slow answer among answered requests does not open it. Rate-limit waits are not misses: Okta answered.
 * It never closes again within the run: a run lasts minutes, and probing a hung Okta would only add
 * deadlines to the wait.
 */

/** Deadline misses with no answer in between that open the breaker. */
const MISSES_IN_A_ROW = 2;
/** Deadline misses in one run that open the breaker whatever was answered in between. */
const MISSES_PER_RUN = 8;

export class CircuitBreaker {
  private inRow = 0;
  private total = 0;
  private opened = false;

  constructor(private readonly onOpen: (why: string) => void) {}

  get open(): boolean {
    return this.opened;
  }

  /** Okta answered (any status). */
  answered(): void {
    this.inRow = 0;
  }

  /** A request passed its deadline; returns whether the breaker is now open. */
  missed(): boolean {
    if (this.open) return true;
    this.inRow += 1;
    this.total += 1;
    if (this.inRow >= MISSES_IN_A_ROW) {
      this.trip(`${this.inRow} requests in a row passed their deadline`);
    } else if (this.total >= MISSES_PER_RUN) {
      this.trip(`${this.total} requests passed their deadline`);
    }
    return this.open;
  }

  private trip(why: string): void {
    this.opened = true;
    this.onOpen(why);
  }
}
