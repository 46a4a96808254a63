// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc, plus the licenses of what they include.
// Compiles everything first and then swaps files in by rename, so dist/ is never missing or half-written.
import ncc from '@vercel/ncc';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';

const entries = { 'index.js': 'src/index.ts', 'cli.js': 'src/cli.ts' };
const files = {};
for (const [name, entry] of Object.entries(entries)) {
  const { code, assets } = await ncc(new URL(`../${entry}`, import.meta.url).pathname, {
    license: 'licenses.txt',
    quiet: true,
    minify: true,
    sourceMap: false,
    target: 'es2022',
  });
  const extra = Object.keys(assets).filter((asset) => asset !== 'licenses.txt' && asset !== 'package.json');
  if (extra.length > 0) throw new Error(`${entry}: unexpected bundle assets ${extra.join(', ')}`);
  files[name] = name === 'cli.js' ? `#!/usr/bin/env node\n${code}` : code;
  // The CLI's dependencies are a subset of the action's: one license file serves both.
  if (name === 'index.js') files['licenses.txt'] = assets['licenses.txt']?.source ?? '';
}

await mkdir('dist', { recursive: true });
for (const [name, content] of Object.entries(files)) {
  const temporary = `dist/.${name}.${process.pid}.tmp`;
  await writeFile(temporary, content, { mode: name.endsWith('.js') ? 0o755 : 0o644 });
  await rename(temporary, `dist/${name}`);
}
for (const stale of await readdir('dist')) {
  if (!(stale in files) && !stale.endsWith('.tmp'))
    await rm(`dist/${stale}`, { recursive: true, force: true });
}
