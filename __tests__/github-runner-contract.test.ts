/**
 * The contract with the runner: what the action writes to stdout, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * for our calls, byte for byte, in a process started as the runner starts the action. The toolkit
 * (@actions/core) writes them; a toolkit upgrade that changes any of them fails here, before a workflow
 * reads an output wrongly or an annotation lands on no line.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runNode, type ProcessRun } from './helpers/run-action.js';

/** Every runner call the action makes, in the order of the expectations below. */
const SCRIPT = `
import {
  appendSummary, debug, error, getInput, info, logGroup, notice, setFailed, setOutput, setSecret, warning,
  writeSummary,
} from ${JSON.stringify(path.join(REPO_ROOT, 'src/github/runner.ts'))};

info('input plan-hash: [' + getInput('plan-hash') + '] path: [' + getInput('path') + ']');
info('label Hub\\n::stop-commands::x and ##[group]y');
setSecret('s3cr%t\\nsecond line');
setSecret('');
debug('reading 3 apps');
error('bad value: a, b', { title: 'okta-app-connections', file: 'okta/a,b:c.yaml', startLine: 3, startColumn: 5 });
warning('two\\nlines');
notice('more problems', { title: 'okta-app-connections' });
logGroup('Okta plan', () => info('3 to configure'));
setOutput('plan-hash', 'abc');
setOutput('changes', 'multi\\nline');
appendSummary('## okta-app-connections');
appendSummary('| a | b |');
await writeSummary();
setFailed('Nothing was applied.');
`;

describe('the runner commands the action writes (through @actions/core)', () => {
  let folder: string;
  let run: ProcessRun;
  let outputs: string;
  let summary: string;

  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'oac-runner-contract-'));
    const files = {
      script: path.join(folder, 'calls.ts'),
      output: path.join(folder, 'github_output'),
      summary: path.join(folder, 'step_summary.md'),
    };
    // An ES module, as the action is.
    await writeFile(path.join(folder, 'package.json'), '{ "type": "module" }\n');
    await writeFile(files.script, SCRIPT);
    await writeFile(files.output, '');
    await writeFile(files.summary, 'earlier step\n');
    run = await runNode(files.script, [], {
      cwd: folder,
      env: {
        PATH: process.env.PATH ?? '',
        GITHUB_OUTPUT: files.output,
        GITHUB_STEP_SUMMARY: files.summary,
        'INPUT_PLAN-HASH': '  sha256:ab  ',
      },
    });
    outputs = await readFile(files.output, 'utf8');
    summary = await readFile(files.summary, 'utf8');
  });

  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('writes log lines inert, masks, annotations with their positions, groups and the failure to stdout', () => {
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual([
      'input plan-hash: [sha256:ab] path: []',
      'label Hub',
      '\u200b::stop-commands::x and ##\u200b[group]y',
      '::add-mask::s3cr%25t%0Asecond line',
      '::debug::reading 3 apps',
      '::error title=okta-app-connections,file=okta/a%2Cb%3Ac.yaml,line=3,col=5::bad value: a, b',
      '::warning::two%0Alines',
      '::notice title=okta-app-connections::more problems',
      '::group::Okta plan',
      '3 to configure',
      '::endgroup::',
      '::error::Nothing was applied.',
      '',
    ]);
    expect(run.code).toBe(1);
  });

  it('writes each output as name<<delimiter, the value, the delimiter, with a fresh delimiter each', () => {
    const blocks = [...outputs.matchAll(/^([\w-]+)<<(ghadelimiter_[0-9a-f-]{36})\n([^]*?)\n\2\n/gm)];
    expect(blocks.map(([, name, , value]) => [name, value])).toEqual([
      ['plan-hash', 'abc'],
      ['changes', 'multi\nline'],
    ]);
    expect(blocks.map((block) => block[0]).join('')).toBe(outputs);
    expect(blocks[0]![2]).not.toBe(blocks[1]![2]);
  });

  it('appends the summary to what earlier steps wrote, one line per call', () => {
    expect(summary).toBe('earlier step\n## okta-app-connections\n| a | b |\n');
  });
});
