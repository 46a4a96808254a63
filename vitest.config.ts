import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    globalSetup: ['__tests__/setup/temp-root.ts', '__tests__/setup/build-entries.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // While one test waits (spawned actions, sockets, rate-limit windows) another computes: four workers keep
    // two cores busy, where vitest's default (one worker fewer than the cores) would leave one.
    maxWorkers: 4,
    // Printed by `vitest run --coverage` (CI's second pass). Spawned action and CLI processes are not counted.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'sim/**/*.ts'],
      reporter: ['text-summary', 'text'],
    },
  },
});
