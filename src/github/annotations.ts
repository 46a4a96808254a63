import * as core from '@actions/core';
import type { Problem } from '../definitions/types.js';

/** One GitHub annotation per problem, on the file and line it concerns. */
export function annotateProblems(problems: readonly Problem[]): void {
  for (const problem of problems) {
    const properties: core.AnnotationProperties =
      problem.line > 0
        ? {
            title: 'okta-app-connections',
            file: problem.file,
            startLine: problem.line,
            startColumn: problem.column,
          }
        : { title: 'okta-app-connections' };
    if (problem.severity === 'error') core.error(problem.message, properties);
    else core.warning(problem.message, properties);
  }
}
