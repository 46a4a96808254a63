/**
 * Every temporary folder of a test run lives under one root that is removed when the run ends, whatever the
 * tests did: workers (and the processes they start with inherited variables) see it as their TMPDIR, so each
 * `mkdtemp(path.join(tmpdir(), …))` lands there.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default async function tempRoot(): Promise<() => Promise<void>> {
  const root = await mkdtemp(path.join(tmpdir(), 'oac-test-run-'));
  process.env.TMPDIR = root;
  return async () => {
    await rm(root, { recursive: true, force: true });
  };
}
