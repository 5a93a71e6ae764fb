import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { BlastRadiusPage } from './page-models/blast-radius-page';
import { FileImportDialog } from './page-models/import-dialog';
import { RegistryPage } from './page-models/registry-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const IAM = resolve(import.meta.dirname, '..', 'resources', 'demo', 'iam');
const AUTH_DETAILS = 'aws-prod-authorization-details.json';
const CREDENTIAL_REPORT = 'aws-prod-credential-report.csv';
const SHOTS = '/tmp/atw-shots/blast-radius';
const AGENT = 'KYC Document Reviewer';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** A fresh app on a NEW, empty workspace, so every import in the test is a real one. */
async function emptyWorkspace(page: Page, url: string, scratch: string, name: string): Promise<RegistryPage> {
  const registry = new RegistryPage(page);
  await registry.goto(url);
  await new WorkspaceMenu(page).submitPath('New…', join(scratch, `${name}.atw`), 'Create');
  await expect(page.getByText(name, { exact: true })).toBeVisible();
  await expect(registry.agentCount()).toHaveText('0 agents');
  return registry;
}

/** Page width beyond the viewport: a sideways scroll of the whole page. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

test('import AWS IAM exports into a new workspace, then read an agent’s blast radius, its paths, the reverse view, and export the graph', async ({ app, page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const registry = await emptyWorkspace(page, app.url, app.scratch, 'kyc-review');

  // 1a. The agent comes from a registry sheet, through the same Import dialog.
  const sheet = join(app.scratch, 'kyc-registry.csv');
  writeFileSync(
    sheet,
    [
      'Agent Name,Status,Trigger Type,Data Access Scope,Credentials Held,Owner,Owner E-mail',
      `${AGENT},confirmed,event: SQS kyc-documents-uploaded,s3://nw-kyc-documents:read; onboarding-prod.kyc_checks:write,IAM role kyc-reviewer-lambda; ANTHROPIC_API_KEY (kyc),Daniel Brandt,daniel.brandt@northwindpay.example`,
    ].join('\n') + '\n',
  );
  const dialog = new FileImportDialog(page);
  await dialog.openFromSidebar();
  await dialog.choose(sheet);
  await expect(dialog.preview('kyc-registry.csv')).toContainText('Agent registry (CSV)');
  await expect(dialog.total('kyc-registry.csv', 'To create')).toHaveText('1');
  await dialog.import();
  await expect(dialog.importedFiles).toContainText('kyc-registry.csv');
  await dialog.close();
  await expect(registry.agentCount()).toHaveText('1 agent');

  // 1b. Both AWS exports at once: each file's format, the account, and what it contains.
  await dialog.openFromSidebar();
  await dialog.choose([join(IAM, AUTH_DETAILS), join(IAM, CREDENTIAL_REPORT)]);
  const details = dialog.preview(AUTH_DETAILS);
  const report = dialog.preview(CREDENTIAL_REPORT);
  await expect(details).toContainText('AWS IAM authorization details');
  await expect(details).toContainText('AWS account 604917283345');
  await expect(report).toContainText('AWS IAM credential report');
  await expect(report).toContainText('AWS account 604917283345');
  // As the demo export's README says: 6 users, 3 groups, 13 roles, 11 managed policies; the report has root and the 6 users.
  await expect(dialog.count(AUTH_DETAILS, 'roles')).toHaveText('13');
  await expect(dialog.count(AUTH_DETAILS, 'users')).toHaveText('6');
  await expect(dialog.count(AUTH_DETAILS, 'groups')).toHaveText('3');
  await expect(dialog.count(AUTH_DETAILS, 'policies')).toHaveText('11');
  await expect(dialog.count(AUTH_DETAILS, 'data sources')).toHaveText(/^\d+$/);
  await expect(dialog.count(CREDENTIAL_REPORT, 'users')).toHaveText('6');
  await expect(dialog.count(CREDENTIAL_REPORT, 'root accounts')).toHaveText('1');
  await expect(dialog.dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog.importButton).toHaveText('Import 2 files');
  await expect(dialog.importButton).toBeEnabled();
  await page.screenshot({ path: `${SHOTS}/import-preview.png` });

  await dialog.importButton.click();
  // The job's progress is shown while it runs (a short job may end before the first frame).
  await expect(dialog.progress.or(dialog.importedFiles)).toBeVisible();
  await dialog.dialog.getByRole('button', { name: 'Open blast radius' }).waitFor({ timeout: 120_000 });
  await expect(dialog.progress).toBeHidden();
  await expect(dialog.dialog.getByRole('status').filter({ hasText: 'Imported 2 files' })).toBeVisible();
  await expect(dialog.importedFiles.getByRole('row').filter({ hasText: AUTH_DETAILS })).toContainText('AWS IAM authorization details');
  await expect(dialog.importedFiles.getByRole('row').filter({ hasText: AUTH_DETAILS })).toContainText('604917283345');
  await expect(dialog.importedFiles.getByRole('row').filter({ hasText: AUTH_DETAILS })).toContainText('13 roles');
  await expect(dialog.importedFiles.getByRole('row').filter({ hasText: CREDENTIAL_REPORT })).toContainText('AWS IAM credential report');
  await page.screenshot({ path: `${SHOTS}/import-done.png` });

  // 2. The agent's blast radius: agent -> credential -> principal -> data sources, edges say the access.
  await dialog.openBlastRadius();
  const blast = new BlastRadiusPage(page);
  await blast.openAgent(AGENT);
  await blast.waitForGraph();
  await expect(blast.node('Agent', AGENT)).toBeVisible();
  await expect(blast.node('Credential', 'IAM role kyc-reviewer-lambda')).toBeVisible();
  await expect(blast.node('Principal', 'kyc-reviewer-lambda')).toBeVisible();
  const bucket = blast.node('Data source', 'nw-kyc-documents');
  await expect(bucket).toBeVisible();
  await expect(bucket).toHaveAccessibleName(/Restricted/);
  await expect(blast.graph.locator('.br-edge-label', { hasText: /^Read$/ }).first()).toBeAttached();
  await expect(blast.graph.locator('.br-edge-label', { hasText: /^Write$/ }).first()).toBeAttached();
  await expect(page.getByRole('list', { name: 'Data sources by sensitivity and access' })).toContainText('Restricted');

  // 5. Export PNG: a real file, named after the agent.
  const png = await blast.exportImage('PNG');
  expect(png.suggestedFilename()).toMatch(/^blast-radius-KYC-Document-Reviewer-\d{4}-\d{2}-\d{2}\.png$/);
  const pngPath = join(app.scratch, png.suggestedFilename());
  await png.saveAs(pngPath);
  expect(statSync(pngPath).size).toBeGreaterThan(10_000);

  // 3. The same paths as a table; a row opens the statements that give the access.
  await blast.show('Table');
  const bucketRows = blast.pathRows().filter({ hasText: 'nw-kyc-documents' });
  await expect(bucketRows.first()).toContainText('Read');
  await expect(bucketRows.first()).toContainText('Restricted');
  await expect(blast.pathRows().filter({ hasText: 'kyc_checks' }).first()).toContainText('Write');
  const details3 = await blast.openPath(await indexOf(blast.pathRows(), 'nw-kyc-documents'));
  await expect(details3.getByRole('heading', { level: 3 })).toHaveText(`${AGENT} → nw-kyc-documents`);
  const statement = details3.getByRole('listitem').filter({ hasText: 'statement' }).first();
  await statement.locator('summary').click();
  await expect(statement.locator('pre')).toBeVisible();
  await expect(statement.locator('pre')).toContainText('s3:GetObject');
  await page.screenshot({ path: `${SHOTS}/table-statement.png`, fullPage: true });

  // 4. Reverse view: who can reach the KYC bucket.
  await blast.openDataSource('nw-kyc-documents');
  await expect(blast.resultHeading()).toHaveText('Who can reach nw-kyc-documents');
  await blast.waitForGraph();
  await expect(blast.node('Agent', AGENT)).toBeVisible();
  await expect(blast.classification('Sensitivity')).toBeVisible();

  // 6. Screenshots at two sizes, and no sideways scroll of the page.
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await blast.openAgent(AGENT);
    await blast.waitForGraph();
    await page.screenshot({ path: `${SHOTS}/graph-${width}x${height}.png` });
    expect(await horizontalOverflow(page), `graph page at ${width}x${height} scrolls sideways`).toBeLessThanOrEqual(0);
    await blast.openDataSource('nw-kyc-documents');
    await blast.waitForGraph();
    await page.screenshot({ path: `${SHOTS}/reverse-${width}x${height}.png` });
    expect(await horizontalOverflow(page), `reverse view at ${width}x${height} scrolls sideways`).toBeLessThanOrEqual(0);
  }

  expect(errors).toEqual([]);
});

test('a file in no format the app reads is named with what was expected, and nothing can be imported', async ({ app, page }) => {
  const errors = collectErrors(page);
  await emptyWorkspace(page, app.url, app.scratch, 'wrong-files');
  const dialog = new FileImportDialog(page);
  await dialog.openFromSidebar();

  await dialog.choose({ name: 'not-iam.json', mimeType: 'application/json', buffer: Buffer.from('{"foo":1}') });
  const preview = dialog.preview('not-iam.json');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('Unknown format');
  await expect(dialog.dialog.getByRole('alert')).toContainText('One file has errors');
  // The message names the file and says what the app expected instead.
  await expect(dialog.errors('not-iam.json')).toContainText('not-iam.json is not a file this app imports');
  await expect(dialog.errors('not-iam.json')).toContainText('a cloud IAM export (AWS authorization details');
  await expect(dialog.importButton).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/wrong-json.png` });

  // A PNG beside a good file: the good one is not imported alone.
  const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c70000000049454e44ae426082', 'hex');
  // Playwright takes paths or buffers, not both: the good file goes as its bytes.
  const goodReport = { name: CREDENTIAL_REPORT, mimeType: 'text/csv', buffer: readFileSync(join(IAM, CREDENTIAL_REPORT)) };
  await dialog.choose([{ name: 'diagram.png', mimeType: 'image/png', buffer: png }, goodReport]);
  await expect(dialog.preview('diagram.png')).toBeVisible();
  await expect(dialog.errors('diagram.png')).toContainText('diagram.png is not a file this app imports');
  await expect(dialog.errors('diagram.png')).toContainText('Expected one of');
  await expect(dialog.preview(CREDENTIAL_REPORT)).toContainText('Ready');
  await expect(dialog.importButton).toHaveText('Import 2 files');
  await expect(dialog.importButton).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/wrong-png.png` });
  await dialog.close();
  await dialog.openFromSidebar();
  await dialog.dialog.getByText(/^Imports in this workspace/).click();
  await expect(dialog.dialog.getByText('Nothing imported yet.')).toBeVisible();
  expect(errors).toEqual([]);
});

async function indexOf(rows: ReturnType<BlastRadiusPage['pathRows']>, text: string): Promise<number> {
  const all = await rows.allInnerTexts();
  const i = all.findIndex((t) => t.includes(text));
  if (i < 0) throw new Error(`no path row mentions ${text}`);
  return i;
}

