import { defineConfig } from '@playwright/test';

/**
 * Browser e2e runs against the local web host in Debian's Chromium (Playwright's own browser
 * download is not possible here). Electron-only specs live in e2e/electron and skip themselves,
 * with the reason printed after the summary, where the Electron runtime is not installed.
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // The list reporter shows a skipped test as a bare dash; the second one prints why.
  reporter: [['list'], ['./e2e/support/skip-reasons-reporter.ts']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'web',
      testIgnore: ['electron/**'],
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
        viewport: { width: 1400, height: 900 },
        trace: 'retain-on-failure',
        screenshot: 'only-on-failure',
      },
    },
    { name: 'electron', testDir: 'e2e/electron' },
  ],
});
