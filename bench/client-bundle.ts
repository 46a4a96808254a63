/**
 * Bundles bench/client.ts (and the action from the sources) the way scripts/bundle.mjs bundles the action
 * (ncc), so the measured process runs plain node as the runner does, and its memory holds no TypeScript
 * loader.
 */
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Ncc = (
  entry: string,
  options: Record<string, unknown>,
) => Promise<{ code: string; assets: Record<string, { source: string | Buffer }> }>;

const ncc = createRequire(import.meta.url)('@vercel/ncc') as Ncc;

/** Writes the bundle (and the package.json that makes it ESM) into `dir`; returns its path. */
export function bundleClient(dir: string): Promise<string> {
  // Types are tsc's job; the bench must run while other files are being edited.
  return bundle(fileURLToPath(new URL('./client.ts', import.meta.url)), dir, 'client.js', true);
}

/** The action from the sources (src/index.ts), bundled as dist/index.js is, with its chunks, into `dir`. */
export function bundleAction(dir: string): Promise<string> {
  // Compiled as scripts/bundle.mjs does: transpiling alone would make a CommonJS module of its top-level await.
  return bundle(fileURLToPath(new URL('../src/index.ts', import.meta.url)), dir, 'index.js', false);
}

async function bundle(entry: string, dir: string, main: string, transpileOnly: boolean): Promise<string> {
  const { code, assets } = await ncc(entry, {
    quiet: true,
    minify: false,
    sourceMap: false,
    target: 'es2022',
    transpileOnly,
  });
  const file = path.join(dir, main);
  await writeFile(file, code);
  for (const [name, asset] of Object.entries(assets)) {
    // Chunks the commands load when they run.
    if (/^\d+\.index\.js$/.test(name)) await writeFile(path.join(dir, name), asset.source);
  }
  await writeFile(path.join(dir, 'package.json'), assets['package.json']?.source ?? '{"type":"module"}');
  return file;
}
