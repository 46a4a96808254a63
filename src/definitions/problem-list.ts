import type { Problem, Severity } from './types.js';

export interface ProblemCounts {
  errors: number;
  warnings: number;
}

/** Problems of each severity kept in full; reports show fewer, this only bounds memory. */
const KEPT_PER_SEVERITY = 1000;

/**
 * Problems collected in bounded memory: the first ones of each severity in full, the rest only counted. A file
 * with 80,000 broken entries costs a counter, not a list, and a kept error always shows there are errors.
 */
export class ProblemList {
  private readonly kept: Problem[] = [];
  private readonly counts: ProblemCounts = { errors: 0, warnings: 0 };

  constructor(private readonly keep = KEPT_PER_SEVERITY) {}

  add(problem: Problem): void {
    this.addLazily(problem.severity, () => problem);
  }

  /** Counts a problem; `make` runs only when it is kept (placing a problem in its YAML file costs time). */
  addLazily(severity: Severity, make: () => Problem): void {
    const count = severity === 'error' ? ++this.counts.errors : ++this.counts.warnings;
    if (count <= this.keep) this.kept.push(make());
  }

  addAll(problems: Iterable<Problem>): void {
    for (const problem of problems) this.add(problem);
  }

  /** The kept problems, sorted by file and position. */
  sorted(): Problem[] {
    return [...this.kept].sort(
      (a, b) =>
        a.file.localeCompare(b.file) ||
        a.line - b.line ||
        a.column - b.column ||
        a.message.localeCompare(b.message),
    );
  }

  /** The problems counted but not kept. */
  unlisted(): ProblemCounts {
    const keptErrors = this.kept.filter((problem) => problem.severity === 'error').length;
    return {
      errors: this.counts.errors - keptErrors,
      warnings: this.counts.warnings - (this.kept.length - keptErrors),
    };
  }
}
