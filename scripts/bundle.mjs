// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc, plus the licenses of what they include.
import ncc from '@vercel/ncc';
import { mkdir, rm, writeFile } from 'node:fs/promises';

const entries = { 'index.js': 'src/index.ts', 'cli.js': 'src/cli.ts' };

await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });
for (const [name, entry] of Object.entries(entries)) {
  const { code, assets } = await ncc(new URL(`../${entry}`, import.meta.url).pathname, {
    license: 'licenses.txt',
    quiet: true,
    minify: false,
    sourceMap: false,
    target: 'es2022',
  });
  const extra = Object.keys(assets).filter((asset) => asset !== 'licenses.txt' && asset !== 'package.json');
  if (extra.length > 0) throw new Error(`${entry}: unexpected bundle assets ${extra.join(', ')}`);
  // The CLI's dependencies are a subset of the action's: one license file serves both.
  if (name === 'index.js') await writeFile('dist/licenses.txt', assets['licenses.txt']?.source ?? '');
  await writeFile(`dist/${name}`, name === 'cli.js' ? `#!/usr/bin/env node\n${code}` : code, { mode: 0o755 });
}
