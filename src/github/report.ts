/** Job summary and log lines shared by the action's commands. */
import type { LoadedDefinitions } from '../definitions/load.js';
import type { Problem } from '../definitions/types.js';
import { countProblems, problemsMarkdown } from '../render/problems.js';
import { annotateProblems } from './annotations.js';
import { setOutputs } from './outputs.js';
import { appendSummary, info, setFailed } from './runner.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Definitions only: annotations on their lines, the summary, and a failed step when any is an error.
 * `stopped`: the command that could not run because of them.
 */
export function reportDefinitions(
  loaded: LoadedDefinitions,
  options: { problems?: readonly Problem[]; stopped?: 'plan' | 'apply'; notice?: string } = {},
): void {
  const problems = options.problems ?? loaded.problems;
  annotateProblems(problems, loaded.unlisted);
  const { errors, warnings } = countProblems(problems, loaded.unlisted);
  const headline =
    errors > 0
      ? `❌ ${plural(errors, 'problem')} in the connection definitions${options.stopped ? `: nothing was ${options.stopped === 'apply' ? 'applied' : 'planned'}` : ''}`
      : `✅ ${plural(loaded.definitions.length, 'connection definition')} in ${plural(loaded.files.length, 'file')}: valid`;
  appendSummary(
    [
      '## okta-app-connections: validate',
      '',
      headline + (warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''),
      '',
      ...(options.notice ? [`> ${options.notice}`, ''] : []),
      problemsMarkdown(problems, undefined, loaded.unlisted),
    ].join('\n'),
  );
  if (errors > 0) {
    setOutputs({ 'failure-reason': 'invalid-definitions' });
    setFailed(headline.replace(/^❌ /, ''));
  } else info(headline.replace(/^✅ /, ''));
}
