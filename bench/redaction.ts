/**
 * npx tsx bench/redaction.ts [--cases 5000x1,20000x4] [--naive]
 *
 * SecretRegistry.redact on plan-like text: N Okta-style tokens (one per connection) over M MiB of text in
 * which every 20th line carries one of them, raw or encoded. Reports the time to register the secrets (their
 * spellings and the index), a first and a second redact; with --naive also a longest-first `split/join` over
 * the same spellings (the registry before it was one-pass), and checks the two outputs are identical.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { SecretRegistry } from '../src/secrets.js';

interface Case {
  secrets: number;
  mebibytes: number;
}

function readCases(): { cases: Case[]; naive: boolean } {
  const { values } = parseArgs({ options: { cases: { type: 'string' }, naive: { type: 'boolean' } } });
  const cases = (values.cases ?? '5000x1,20000x4').split(',').map((text) => {
    const match = /^(\d+)x(\d+(?:\.\d+)?)$/.exec(text.trim());
    if (!match) throw new Error(`--cases takes SECRETSxMIB pairs, e.g. 5000x1,20000x4 (got "${text}")`);
    return { secrets: Number(match[1]), mebibytes: Number(match[2]) };
  });
  return { cases, naive: values.naive ?? false };
}

/** A deterministic stream of pseudo-random numbers (mulberry32), so runs compare like with like. */
function randomSource(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
}

const TOKEN_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function makeCase({ secrets, mebibytes }: Case): { tokens: string[]; text: string } {
  const random = randomSource(secrets);
  const tokens = Array.from(
    { length: secrets },
    () => `00${Array.from({ length: 40 }, () => TOKEN_CHARS[random(TOKEN_CHARS.length)]).join('')}`,
  );
  const encodings = [
    (token: string) => token,
    (token: string) => Buffer.from(token).toString('base64'),
    (token: string) => Buffer.from(`svc:${token}`).toString('base64'),
    (token: string) => Buffer.from(token).toString('hex'),
    (token: string) => encodeURIComponent(encodeURIComponent(token)),
  ];
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < mebibytes * 1024 * 1024; i++) {
    const id = `0oa${String(i).padStart(17, '0')}`;
    const line =
      i % 20 === 0
        ? `  ! ${id}: Okta answered 400: Invalid token ${encodings[i % encodings.length]!(tokens[random(secrets)]!)}`
        : `  ~ ${id} "Connection ${i}": base_url https://scim.example.com/v2/${i}, token: (set), action: activate`;
    lines.push(line);
    size += line.length + 1;
  }
  return { tokens, text: lines.join('\n') };
}

function naiveRedact(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of [...values].sort((a, b) => b.length - a.length)) {
    if (out.includes(value)) out = out.split(value).join('***');
  }
  return out;
}

function time<T>(run: () => T): { result: T; seconds: number } {
  const start = performance.now();
  const result = run();
  return { result, seconds: (performance.now() - start) / 1000 };
}

const { cases, naive } = readCases();
for (const testCase of cases) {
  const { tokens, text } = makeCase(testCase);
  const secrets = new SecretRegistry();
  const spellings: string[] = [];
  secrets.onAdd((value) => spellings.push(value));
  const added = time(() => tokens.forEach((token) => secrets.add(token)));
  const first = time(() => secrets.redact(text));
  const second = time(() => secrets.redact(text));
  const masked = first.result.split('***').length - 1;
  const figures = [
    `${testCase.secrets} secrets (${spellings.length} spellings) over ${(text.length / 1024 / 1024).toFixed(1)} MiB`,
    `add ${added.seconds.toFixed(3)} s`,
    `redact ${first.seconds.toFixed(3)} s, again ${second.seconds.toFixed(3)} s`,
    `${masked} masked`,
  ];
  if (naive) {
    const reference = time(() => naiveRedact(text, spellings));
    figures.push(
      `naive longest-first ${reference.seconds.toFixed(3)} s, ${reference.result === first.result ? 'identical output' : 'OUTPUT DIFFERS'}`,
    );
    if (reference.result !== first.result) process.exitCode = 1;
  }
  console.log(figures.join('; '));
}
