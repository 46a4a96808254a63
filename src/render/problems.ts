import type { Problem } from '../definitions/types.js';
import { escapeMarkdown } from './markdown.js';

export function problemPlace(problem: Problem): string {
  return problem.line > 0 ? `${problem.file}:${problem.line}:${problem.column}` : problem.file;
}

/** Terminal lines, as compilers print them: `file:line:col: error: message`. */
export function problemsText(problems: readonly Problem[]): string {
  return problems
    .map((problem) => `${problemPlace(problem)}: ${problem.severity}: ${problem.message}`)
    .join('\n');
}

export function problemsMarkdown(problems: readonly Problem[], heading = 'Definition problems'): string {
  if (problems.length === 0) return '';
  const rows = problems.map(
    (problem) =>
      `| ${problem.severity === 'error' ? '❌ error' : '⚠️ warning'} | \`${escapeMarkdown(problemPlace(problem))}\` | ${escapeMarkdown(problem.message)} |`,
  );
  return [`### ${heading}`, '', '| | where | problem |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

export function countProblems(problems: readonly Problem[]): { errors: number; warnings: number } {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { errors, warnings: problems.length - errors };
}
