import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { ExportsPage } from './page-models/exports-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
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
  await expect(exports.format('Agent registry (CSV)')).toContainText('bring back through Import');
  await expect(exports.format('Agent registry (XLSX)')).toBeVisible();
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

/** Files the server's engine keeps in its temp folder (exports not yet taken, half-written ones). */
function engineFilesLeft(serverTemp: string): string[] {
  return readdirSync(serverTemp)
    .filter((name) => name.startsWith('agent-triage-files-'))
    .flatMap((folder) => readdirSync(join(serverTemp, folder)));
}

const HYGIENE_SHOTS = '/tmp/hygiene-shots';
const AGENTS = 20_000;
/** What the registry workbook's progress bar may say: starting, agent by agent, or done. */
const XLSX_STATES = /^(Starting…|Read agent [\d,]+ of 20,000( for the Agent registry \(XLSX\))?|Wrote the Agent registry \(XLSX\))$/;

test('a 20,000-agent registry workbook exports as a job with progress and Cancel, on the Inventory and on Exports; a cancelled export leaves no file', async ({ app, page }) => {
  test.setTimeout(120_000);
  mkdirSync(HYGIENE_SHOTS, { recursive: true });
  const errors = collectErrors(page);
  // A registry that big is imported through the CLI beforehand: this test is about exporting it.
  const rows = Array.from({ length: AGENTS }, (_, i) => `Agent ${String(i).padStart(5, '0')},live,cron,zendesk.tickets:read,ZENDESK_TOKEN,Person ${i},p${i}@corp.example,2025-01-14,Disable the schedule.`);
  writeFileSync(join(app.scratch, 'big.csv'), ['Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail,Last Reviewed,Rollback Procedure', ...rows].join('\n'));
  const workspace = join(app.scratch, 'Big registry.atw');
  execFileSync(process.execPath, [resolve('bin', 'agent-triage.mjs'), 'registry', 'import', join(app.scratch, 'big.csv'), '--workspace', workspace], { env: { ...process.env, AGENT_TRIAGE_HOME: join(app.scratch, 'cli-home') } });

  let downloads = 0;
  page.on('download', () => void downloads++);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await new WorkspaceMenu(page).submitPath('Open…', workspace, 'Open');
  await expect(page.getByRole('heading', { name: 'Inventory', level: 1 })).toBeVisible();
  await expect(page.getByText('20,000 agents')).toBeVisible({ timeout: 60_000 });

  // The Inventory: the export says where it is, agent by agent, with Cancel beside it; the file comes when it is done.
  const exportXlsx = page.getByRole('button', { name: 'Export XLSX' });
  const inFlight = page.getByRole('status', { name: 'Export in progress' });
  const [workbook] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    (async () => {
      await exportXlsx.click();
      // The bar says where the job is; on a fast machine the writing can finish between two progress
      // reports, so any of its states is the job's (Cancel is clicked below while one runs).
      await expect(inFlight.getByRole('progressbar', { name: 'Export Agent registry (XLSX)' })).toHaveAttribute('aria-valuetext', XLSX_STATES);
      await page.screenshot({ path: `${HYGIENE_SHOTS}/inventory-export-1440.png` });
    })(),
  ]);
  expect(workbook.suggestedFilename()).toMatch(/^big-registry-agent-registry-\d{4}-\d{2}-\d{2}\.xlsx$/);
  expect(readFileSync((await workbook.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
  await expect(inFlight).toBeHidden();
  // Taken: the engine keeps no copy.
  expect(engineFilesLeft(app.serverTemp)).toEqual([]);

  // Cancelled as soon as it shows: no download, no error, nothing of it left in the engine's temp folder.
  await page.setViewportSize({ width: 1024, height: 700 });
  await exportXlsx.click();
  await inFlight.getByRole('button', { name: 'Cancel export' }).click();
  await expect(inFlight).toBeHidden();
  await expect(exportXlsx).toBeEnabled();
  await expect(page.getByText(/Export failed/)).toHaveCount(0);
  expect(downloads).toBe(1);
  expect(engineFilesLeft(app.serverTemp)).toEqual([]);
  await page.screenshot({ path: `${HYGIENE_SHOTS}/inventory-after-cancel-1024.png` });

  // The Exports page: the same job in the format's row.
  const exports = new ExportsPage(page);
  await exports.open();
  const row = exports.format('Agent registry (XLSX)');
  const [again] = await Promise.all([
    page.waitForEvent('download', { timeout: 90_000 }),
    (async () => {
      await row.getByRole('button', { name: 'Download .xlsx' }).click();
      await expect(row.getByRole('progressbar', { name: 'Agent registry (XLSX) export' })).toHaveAttribute('aria-valuetext', XLSX_STATES);
      await row.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${HYGIENE_SHOTS}/exports-export-1024.png` });
    })(),
  ]);
  expect(again.suggestedFilename()).toBe(workbook.suggestedFilename());
  await page.setViewportSize({ width: 1440, height: 900 });
  await row.getByRole('button', { name: 'Download .xlsx' }).click();
  await row.getByRole('button', { name: 'Cancel' }).click();
  await expect(row.getByRole('progressbar')).toBeHidden();
  await expect(row.getByRole('button', { name: 'Download .xlsx' })).toBeEnabled();
  await expect(page.getByText(/Export failed/)).toHaveCount(0);
  expect(downloads).toBe(2);
  expect(engineFilesLeft(app.serverTemp)).toEqual([]);
  await page.screenshot({ path: `${HYGIENE_SHOTS}/exports-after-1440.png`, fullPage: true });
  expect(errors).toEqual([]);
});
