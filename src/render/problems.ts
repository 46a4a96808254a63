import type { ProblemCounts } from '../definitions/problem-list.js';
import type { Problem } from '../definitions/types.js';
import { code, messageMarkdown, oneLine, tableRow } from './markdown.js';

/** Problems a summary, a comment or the terminal lists in full; the rest are counted. */
export const SHOWN_PROBLEMS = 200;

/** A longer message is cut: one unknown key in a 1 MiB file could otherwise fill the job summary. */
const MAX_MESSAGE_CHARS = 1000;

const NONE: ProblemCounts = { errors: 0, warnings: 0 };

function problemPlace(problem: Problem): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
}

/** The message, cut to MAX_MESSAGE_CHARS. */
export function problemMessage(problem: Problem): string {
  const { message } = problem;
  return message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS)}… (cut)` : message;
}

/**
 * Terminal lines, as compilers print them: `file:line:col: error: message`, one line each (file names and
 * keys are untrusted: no line breaks or control characters); the first SHOWN_PROBLEMS, then how many more.
 * `unlisted`: problems counted but not in the list (LoadedDefinitions.unlisted).
 */
export function problemsText(problems: readonly Problem[], unlisted: ProblemCounts = NONE): string {
  const lines = problems
    .slice(0, SHOWN_PROBLEMS)
    .map((problem) => oneLine(`${problemPlace(problem)}: ${problem.severity}: ${problemMessage(problem)}`));
  const more = notShown(problems, SHOWN_PROBLEMS, unlisted);
  return [...lines, ...(more ? [more] : [])].join('\n');
}

/** A markdown table of the first SHOWN_PROBLEMS problems, then how many more. */
export function problemsMarkdown(
  problems: readonly Problem[],
  heading = 'Definition problems',
  unlisted: ProblemCounts = NONE,
): string {
  if (problems.length === 0 && unlisted.errors + unlisted.warnings === 0) return '';
  const rows = problems
    .slice(0, SHOWN_PROBLEMS)
    .map((problem) =>
      tableRow([
        problem.severity === 'error' ? '❌ error' : '⚠️ warning',
        code(problemPlace(problem)),
        messageMarkdown(problemMessage(problem)),
      ]),
    );
  const more = notShown(problems, SHOWN_PROBLEMS, unlisted);
  return [
    `### ${heading}`,
    '',
    '| | where | problem |',
    '| --- | --- | --- |',
    ...rows,
    '',
    ...(more ? [more, ''] : []),
  ].join('\n');
}

/** Errors and warnings in all: the listed ones and the `unlisted` counts. */
export function countProblems(problems: readonly Problem[], unlisted: ProblemCounts = NONE): ProblemCounts {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors: errors + unlisted.errors, warnings: problems.length - errors + unlisted.warnings };
}

/** "… and 359,800 more problems (359,800 errors) not shown.", or undefined when all `shown` cover them. */
export function notShown(
  problems: readonly Problem[],
  shown: number,
  unlisted: ProblemCounts,
): string | undefined {
  const rest = problems.slice(shown);
  const { errors, warnings } = countProblems(rest, unlisted);
  if (errors + warnings === 0) return undefined;
  const parts = [
    ...(errors > 0 ? [`${errors.toLocaleString('en-US')} error${errors === 1 ? '' : 's'}`] : []),
    ...(warnings > 0 ? [`${warnings.toLocaleString('en-US')} warning${warnings === 1 ? '' : 's'}`] : []),
  ];
  const total = errors + warnings;
  return `… and ${total.toLocaleString('en-US')} more problem${total === 1 ? '' : 's'} (${parts.join(', ')}) not shown.`;
}
