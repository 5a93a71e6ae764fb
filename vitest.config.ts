import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.{ts,tsx}'],
    // Scanned fixture trees are data, never tests of ours.
    exclude: ['**/node_modules/**', 'electron/discovery/corpus/repos/**', 'electron/**/fixtures/**', 'resources/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Each test file gets a temp folder of its own and fails if it leaves anything there.
    setupFiles: ['electron/testing/own-temp-folder.ts'],
  },
});
