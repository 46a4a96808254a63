import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/**
 * Where the test run's global setup builds the sources (see setup/build-entries.ts): inside the run's own
 * temporary root (setup/temp-root.ts sets TMPDIR before the build, workers inherit it), so two test runs at
 * once, in one checkout or in worktrees sharing node_modules, never start each other's build. A function:
 * the setup's modules load before the temp root exists.
 */
export function testBuildDir(): string {
  return path.join(tmpdir(), 'test-build');
}
