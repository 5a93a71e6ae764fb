import { expect, test } from '@playwright/test';
import type { ExportedFile, JobStatus } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import { electronRuntimeAvailable, launchApp, type LaunchedApp } from './electron-app';

test.skip(!electronRuntimeAvailable(), 'Electron runtime not installed on this machine (npm install could not download it); these run where it is');

let launched: LaunchedApp;
test.beforeAll(async () => {
  launched = await launchApp();
});
test.afterAll(async () => {
  await launched?.close();
});

/** The desktop app's printer: printToPDF of the report route in a hidden window, through the same export job the web host runs. */
test('exports the demo report to PDF with printToPDF, and a cancelled export hands over nothing', async () => {
  test.setTimeout(120_000);
  const { page } = launched;
  const started = (await page.evaluate(() => window.agentTriage!.startReportPdf({ sections: ['cover', 'summary', 'appendix'] }))) as ApiResult<JobStatus>;
  expect(started.ok).toBe(true);
  const jobId = (started as { ok: true; value: JobStatus }).value.id;
  await expect
    .poll(async () => ((await page.evaluate((id) => window.agentTriage!.getJob({ jobId: id }), jobId)) as { ok: true; value: JobStatus }).value.state, { timeout: 60_000 })
    .toBe('succeeded');
  const file = (await page.evaluate((id) => window.agentTriage!.takeReportPdf({ jobId: id }), jobId)) as ApiResult<ExportedFile>;
  expect(file.ok).toBe(true);
  const pdf = Buffer.from((file as { ok: true; value: ExportedFile }).value.contentBase64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

  const again = (await page.evaluate(() => window.agentTriage!.startReportPdf({ sections: ['appendix'] }))) as { ok: true; value: JobStatus };
  const cancelled = (await page.evaluate((id) => window.agentTriage!.cancelJob({ jobId: id }), again.value.id)) as { ok: true; value: JobStatus };
  expect(cancelled.value.state).toBe('cancelled');
  expect(await page.evaluate((id) => window.agentTriage!.takeReportPdf({ jobId: id }), again.value.id)).toMatchObject({ ok: false });
});
