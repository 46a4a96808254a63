/**
 * Bundles bench/client.ts the way scripts/bundle.mjs bundles the action (ncc), so the measured process runs
 * plain node on one file as the runner does, and its memory holds no TypeScript loader.
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
export async function bundleClient(dir: string): Promise<string> {
  const entry = fileURLToPath(new URL('./client.ts', import.meta.url));
  const { code, assets } = await ncc(entry, {
    quiet: true,
    minify: false,
    sourceMap: false,
    target: 'es2022',
    // Types are tsc's job; the bench must run while other files are being edited.
    transpileOnly: true,
  });
  const file = path.join(dir, 'client.js');
  await writeFile(file, code);
  await writeFile(path.join(dir, 'package.json'), assets['package.json']?.source ?? '{"type":"module"}');
  return file;
}
