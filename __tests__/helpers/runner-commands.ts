/**
 * The workflow commands the GitHub runner would run from an action's output, read as the runner reads it
 * (actions/runner: ProcessInvoker's StreamReader.ReadLine ends a line at \n, \r or \r\n; ActionCommand
 * TryParseV2 trims leading whitespace and wants `::name props::data`; the legacy TryParse finds `##[name]`
 * anywhere in the line). Whitespace here is JavaScript's plus U+0085, a superset of .NET's, so the oracle
 * finds at least every command the runner would.
 */
export interface RunnerCommand {
  command: string;
  properties: string;
  data: string;
  line: string;
}

export function runnerCommands(output: string): RunnerCommand[] {
  const commands: RunnerCommand[] = [];
  for (const line of output.split(/\r\n|\r|\n/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '');
    const end = trimmed.startsWith('::') ? trimmed.indexOf('::', 2) : -1;
    if (end >= 0) {
      const info = trimmed.slice(2, end);
      const space = info.indexOf(' ');
      commands.push({
        command: space < 0 ? info : info.slice(0, space),
        properties: space < 0 ? '' : info.slice(space + 1),
        data: trimmed.slice(end + 2),
        line,
      });
      continue;
    }
    const legacy = line.indexOf('##[');
    const close = legacy >= 0 ? line.indexOf(']', legacy) : -1;
    if (close >= 0) {
      const info = line.slice(legacy + 3, close);
      const space = info.indexOf(' ');
      commands.push({
        command: space < 0 ? info : info.slice(0, space),
        properties: space < 0 ? '' : info.slice(space + 1),
        data: line.slice(close + 1),
        line,
      });
    }
  }
  return commands;
}
