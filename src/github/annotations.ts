import type { ProblemCounts } from '../definitions/problem-list.js';
import type { Problem } from '../definitions/types.js';
import { notShown, problemMessage } from '../render/problems.js';
import { error, notice, warning, type AnnotationProperties } from './runner.js';

/** GitHub shows 10 error and 10 warning annotations per step and drops the rest, so we write no more. */
const ANNOTATIONS_PER_SEVERITY = 10;

/**
 * One annotation per problem on the file and line it concerns, at most ANNOTATIONS_PER_SEVERITY of each
 * severity; a notice says how many more there are and where they are listed. File names and messages are
 * escaped by the workflow-command writer, so they cannot end the command or start another.
 */
export function annotateProblems(
  problems: readonly Problem[],
  unlisted: ProblemCounts = { errors: 0, warnings: 0 },
): void {
  const errors = problems.filter((problem) => problem.severity === 'error');
  const warnings = problems.filter((problem) => problem.severity === 'warning');
  const annotated = [
    ...errors.slice(0, ANNOTATIONS_PER_SEVERITY),
    ...warnings.slice(0, ANNOTATIONS_PER_SEVERITY),
  ];
  for (const problem of annotated) {
    const properties: AnnotationProperties =
      problem.line > 0
        ? {
            title: 'okta-app-connections',
            file: problem.file,
            startLine: problem.line,
            startColumn: problem.column,
          }
        : { title: 'okta-app-connections' };
    if (problem.severity === 'error') error(problemMessage(problem), properties);
    else warning(problemMessage(problem), properties);
  }
  const rest = problems.filter((problem) => !annotated.includes(problem));
  const more = notShown(rest, 0, unlisted);
  if (more) {
    notice(
      `${more.replace(/ not shown\.$/, ' not annotated')}: GitHub shows ${ANNOTATIONS_PER_SEVERITY} errors and ${ANNOTATIONS_PER_SEVERITY} warnings per step. The job summary lists the first ones; \`okta-app-connections validate\` prints them locally.`,
      { title: 'okta-app-connections' },
    );
  }
}
