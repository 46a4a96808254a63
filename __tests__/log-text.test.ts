import { afterEach, describe, expect, it, vi } from 'vitest';
import { actionLogger } from '../src/github/logger.js';
import { neutralizeLogText } from '../src/render/log-text.js';
import { SecretRegistry } from '../src/secrets.js';
import { runnerCommands } from './helpers/runner-commands.js';

const HOSTILE = [
  'Hub\n::stop-commands::x\n::error file=README.md,line=1::pwned',
  '::add-mask::\n',
  '  \t::warning::indented',
  'label\r::error::lone carriage return',
  'label\r\n::error::crlf',
  '\u00a0\u2003\u3000::error::unicode spaces',
  'mid-line ##[error]legacy form',
  '##[stop-commands]token',
  'a\n\n   \n::set-output name=x::y',
];

describe('neutralizeLogText', () => {
  it.each(HOSTILE)('leaves no workflow command in %j', (text) => {
    expect(runnerCommands(text).length).toBeGreaterThan(0);
    const safe = neutralizeLogText(text);
    expect(runnerCommands(safe)).toEqual([]);
    // Only invisible characters were added: the text reads the same.
    expect(safe.replace(/\u200b/g, '')).toBe(text);
  });

  it('also treats Unicode line ends as line ends, in case a log viewer does', () => {
    for (const text of ['x\u0085::error::next line', 'x\u2028::error::line separator', 'x\u2029 ::a::b']) {
      const safe = neutralizeLogText(text);
      expect(runnerCommands(safe.replace(/[\u0085\u2028\u2029]/g, '\n'))).toEqual([]);
      expect(safe.replace(/\u200b/g, '')).toBe(text);
    }
  });

  it('leaves ordinary text alone, `::` inside a line included', () => {
    for (const text of ['Connection "Hub::Spoke": configure', 'a ## [b]', 'https://x.example:443/a::b']) {
      expect(neutralizeLogText(text)).toBe(text);
    }
  });
});

describe('actionLogger', () => {
  afterEach(() => vi.restoreAllMocks());

  it('redacts, then neutralises every message, whatever the level', () => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    const secrets = new SecretRegistry();
    secrets.add('00NgAPZqUVy8cX9ehNzz');
    const logger = actionLogger(secrets);
    const hostile = `Hub 00NgAPZqUVy8cX9ehNzz\n::stop-commands::x\n::error file=README.md,line=1::pwned ##[error]x`;
    logger.info(hostile);
    logger.debug(hostile);
    logger.warning(hostile);
    logger.error(hostile);
    const output = written.join('');
    expect(output).not.toContain('00NgAPZqUVy8cX9ehNzz');
    const commands = runnerCommands(output);
    expect(commands.map((command) => command.command)).toEqual(['debug', 'warning', 'error']);
    expect(commands.every((command) => !command.properties.includes('README'))).toBe(true);
  });
});
