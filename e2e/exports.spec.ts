import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { ExportsPage } from './page-models/exports-page';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/exports-shots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.app__main');
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

test('the demo’s findings download from Exports as SARIF that parses and has results in the agents’ files', async ({ app, page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  const exports = new ExportsPage(page);
  await exports.open();
  expect(page.url()).toMatch(/#\/exports$/);
  await expect(exports.format('SARIF 2.1.0 findings')).toContainText('GitHub code scanning');
  await expect(exports.format('CycloneDX 1.6 AI bill of materials')).toBeVisible();
  await expect(exports.format('Workspace JSON')).toBeVisible();
  await expect(exports.format('Agent registry spreadsheet')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/exports-1440.png`, fullPage: true });

  const download = await exports.download('SARIF 2.1.0 findings', /^Download \.sarif$/);
  expect(download.suggestedFilename()).toMatch(/-findings-\d{4}-\d{2}-\d{2}\.sarif$/);
  const sarif = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
  expect(sarif.version).toBe('2.1.0');
  const results = sarif.runs[0]!.results;
  expect(results.length).toBeGreaterThan(0);
  expect(results.map((r) => r.locations[0]!.physicalLocation.artifactLocation.uri)).toContain('src/workers/collections-reminders.ts');

  const bom = await exports.download('CycloneDX 1.6 AI bill of materials', /^Download \.cdx\.json$/);
  expect((JSON.parse(readFileSync((await bom.path())!, 'utf8')) as { specVersion: string }).specVersion).toBe('1.6');

  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(exports.format('SARIF 2.1.0 findings')).toBeVisible();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: `${SHOTS}/exports-1024.png`, fullPage: true });
  expect(errors).toEqual([]);
});
