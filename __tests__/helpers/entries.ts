import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the test run's global setup builds the sources (see setup/build-entries.ts). */
export const TEST_BUILD_DIR = path.join(REPO_ROOT, 'node_modules/.cache/okta-app-connections/test-build');
