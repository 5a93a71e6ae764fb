import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportsPage } from './page-models/reports-page';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/report-shots';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('Reports: untick a section and the preview follows, export the PDF (a download), cancel an export', async ({ app, page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  const reports = new ReportsPage(page);
  await reports.open();

  // The preview is the report itself: the demo's cover and every section.
  await expect(reports.previewSection('Cover')).toContainText('Northwind Pay');
  await expect(reports.previewSection('Risk matrix')).toBeVisible();
  await expect(reports.previewSection('One-page summary')).toContainText('Unattributed LLM spend');
  await page.screenshot({ path: `${SHOTS}/reports-1440x900.png` });

  await reports.section('Risk matrix').uncheck();
  await expect(reports.previewSection('Risk matrix')).toHaveCount(0);
  await expect(reports.previewSection('Cost by agent')).toBeVisible();

  const download = page.waitForEvent('download');
  await reports.exportButton.click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^AI agent review - executive report \d{4}-\d{2}-\d{2}\.pdf$/);
  const saved = join(app.scratch, file.suggestedFilename());
  await file.saveAs(saved);
  expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByText(/^Saved AI agent review/)).toBeVisible();

  // Cancel: the export stops and nothing is saved.
  await reports.exportButton.click();
  await reports.cancelButton.click();
  await expect(page.getByText('Export cancelled; no file was saved.')).toBeVisible();

  // The cover: a person names the engagement, the preview's cover follows.
  await page.getByLabel('Engagement').fill('Q4 agent review');
  await page.getByLabel('Marking').selectOption('Strictly confidential');
  await page.getByRole('button', { name: 'Save cover' }).click();
  await expect(reports.previewSection('Cover')).toContainText('Q4 agent review');
  await expect(reports.previewSection('Cover')).toContainText('Strictly confidential');

  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${SHOTS}/reports-1024x700.png` });
  expect(errors).toEqual([]);
});

test('the print route signals when the report is laid out, for the printers to wait on', async ({ app, page }) => {
  const errors = collectErrors(page);
  await page.goto(`${app.url}#/report/print?sections=cover,summary`);
  await expect(page.locator('[data-report-ready="true"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'One-page summary' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Risk matrix' })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
