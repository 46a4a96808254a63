// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with ncc, plus the licenses of what they include.
// Commands load their code when they run (validate never loads the Okta or GitHub clients), so each bundle has
// chunks beside it: the action's in dist/, the CLI's in dist/cli/ (ncc names chunks alike for every entry).
// Compiles everything first and then swaps files in by rename, so dist/ is never missing or half-written.
import ncc from '@vercel/ncc';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const entries = [
  { entry: 'src/index.ts', folder: 'dist', main: 'index.js' },
  { entry: 'src/cli.ts', folder: 'dist/cli', main: 'index.js' },
];
const files = {};
for (const { entry, folder, main } of entries) {
  const { code, assets } = await ncc(new URL(`../${entry}`, import.meta.url).pathname, {
    license: 'licenses.txt',
    quiet: true,
    minify: true,
    sourceMap: false,
    target: 'es2022',
  });
  files[path.join(folder, main)] = code;
  for (const [name, asset] of Object.entries(assets)) {
    if (name === 'package.json') continue;
    if (name === 'licenses.txt') {
      // The CLI's dependencies are a subset of the action's: one license file serves both.
      if (folder === 'dist') files['dist/licenses.txt'] = asset.source;
    } else if (/^\d+\.index\.js$/.test(name)) {
      files[path.join(folder, name)] = asset.source;
    } else {
      throw new Error(`${entry}: unexpected bundle asset ${name}`);
    }
  }
}
files['dist/cli.js'] = "#!/usr/bin/env node\nimport './cli/index.js';\n";

await mkdir('dist/cli', { recursive: true });
for (const [name, content] of Object.entries(files)) {
  const temporary = path.join(path.dirname(name), `.${path.basename(name)}.${process.pid}.tmp`);
  await writeFile(temporary, content, { mode: name === 'dist/cli.js' ? 0o755 : 0o644 });
  await rename(temporary, name);
}
for (const folder of ['dist', 'dist/cli']) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const name = path.join(folder, entry.name);
    if (entry.isDirectory() ? name !== 'dist/cli' : !(name in files) && !entry.name.endsWith('.tmp'))
      await rm(name, { recursive: true, force: true });
  }
}
