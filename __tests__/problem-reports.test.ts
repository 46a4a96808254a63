import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadDefinitions } from '../src/definitions/load.js';
import { ProblemList } from '../src/definitions/problem-list.js';
import type { Problem } from '../src/definitions/types.js';
import { annotateProblems } from '../src/github/annotations.js';
import { countProblems, problemsMarkdown, problemsText, SHOWN_PROBLEMS } from '../src/render/problems.js';
import { parseAnnotations } from './helpers/run-action.js';
import { runnerCommands } from './helpers/runner-commands.js';

const problem = (
  i: number,
  severity: Problem['severity'] = 'error',
  file = 'okta/connections/a.yaml',
): Problem => ({
  file,
  line: i + 1,
  column: 5,
  severity,
  message: `problem ${i}`,
});

async function workspaceWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'oac-bounds-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, name)), { recursive: true });
    await writeFile(path.join(root, name), content);
  }
  return root;
}

const bogus = (entries: number) => `connections:\n${'  - bogus: 1\n'.repeat(entries)}`;

describe('ProblemList', () => {
  it('keeps the first problems of each severity and counts the rest', () => {
    const list = new ProblemList(3);
    for (let i = 0; i < 10; i++) list.add(problem(9 - i));
    list.add(problem(0, 'warning'));
    // The first three errors found (lines 10, 9, 8) are kept, sorted by place.
    expect(list.sorted().map((p) => `${p.severity} ${p.line}`)).toEqual([
      'warning 1',
      'error 8',
      'error 9',
      'error 10',
    ]);
    expect(list.unlisted()).toEqual({ errors: 7, warnings: 0 });
  });
});

describe('loadDefinitions with very many problems', () => {
  it('one file with 80,000 broken entries: no stack overflow, the first problems in full, the rest counted', async () => {
    const workspace = await workspaceWith({ 'okta/connections/big.yaml': bogus(80_000) });
    const loaded = await loadDefinitions('okta/connections', workspace);
    expect(loaded.problems).toHaveLength(1000);
    expect(loaded.problems[0]).toMatchObject({
      file: 'okta/connections/big.yaml',
      line: 2,
      severity: 'error',
    });
    // 4 per entry: unknown key bogus, id, action and profile missing.
    expect(countProblems(loaded.problems, loaded.unlisted)).toEqual({ errors: 320_000, warnings: 0 });
    expect(loaded.definitions).toEqual([]);
  }, 120_000);

  it('300 files × 300 broken entries: bounded lists, exact counts', async () => {
    const files = Object.fromEntries(
      Array.from({ length: 300 }, (_, i) => [
        `okta/connections/f${String(i).padStart(3, '0')}.yaml`,
        bogus(300),
      ]),
    );
    const loaded = await loadDefinitions('okta/connections', await workspaceWith(files));
    expect(loaded.files).toHaveLength(300);
    expect(loaded.problems).toHaveLength(1000);
    expect(loaded.unlisted).toEqual({ errors: 360_000 - 1000, warnings: 0 });

    const markdown = problemsMarkdown(loaded.problems, 'Definition problems', loaded.unlisted);
    expect(markdown.split('\n').filter((line) => line.startsWith('| ❌'))).toHaveLength(SHOWN_PROBLEMS);
    expect(markdown).toContain('… and 359,800 more problems (359,800 errors) not shown.');
    expect(Buffer.byteLength(markdown)).toBeLessThan(100 * 1024);
    const text = problemsText(loaded.problems, loaded.unlisted);
    expect(text.split('\n')).toHaveLength(SHOWN_PROBLEMS + 1);
    expect(text).toMatch(/\n… and 359,800 more problems \(359,800 errors\) not shown\.$/);
  }, 120_000);
});

describe('problem reports', () => {
  afterEach(() => vi.restoreAllMocks());

  const captureStdout = (): string[] => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    return written;
  };

  it('annotates at most 10 errors and 10 warnings (what GitHub shows per step), then says how many more', () => {
    const written = captureStdout();
    const problems = [
      ...Array.from({ length: 30 }, (_, i) => problem(i)),
      problem(0, 'warning'),
      problem(1, 'warning'),
    ];
    annotateProblems(problems, { errors: 1000, warnings: 5 });
    const annotations = parseAnnotations(written.join(''));
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(10);
    expect(annotations.filter((a) => a.level === 'warning')).toHaveLength(2);
    expect(annotations.filter((a) => a.level === 'notice').map((a) => a.message)).toEqual([
      expect.stringMatching(
        /^… and 1,025 more problems \(1,020 errors, 5 warnings\) not annotated: GitHub shows 10 errors/,
      ),
    ]);
  });

  it('escapes a hostile file name and message in annotation properties and data', () => {
    const written = captureStdout();
    const file = 'okta/connections/x\n::error file=README.md,line=1::pwned,y:z%0A.yaml';
    annotateProblems([{ ...problem(0, 'error', file), message: 'bad\r\n::warning::pwned %0A' }]);
    const output = written.join('');
    const commands = runnerCommands(output);
    expect(commands).toHaveLength(1);
    expect(commands[0]!.command).toBe('error');
    // The runner unescapes the properties back to the real name; the data stays one line.
    expect(parseAnnotations(output)).toEqual([
      { level: 'error', file, line: 1, col: 5, message: 'bad\r\n::warning::pwned %0A' },
    ]);
  });

  it('cuts a very long message in reports, and keeps a file name in a code span', () => {
    const long = {
      ...problem(0, 'error', 'okta/con`nections/a.yaml'),
      message: `unknown key \`${'k'.repeat(500_000)}\``,
    };
    const markdown = problemsMarkdown([long]);
    expect(markdown.length).toBeLessThan(5_000);
    expect(markdown).toContain('| ``okta/con`nections/a.yaml:1:5`` |');
    expect(problemsText([long]).length).toBeLessThan(1_200);
  });
});
