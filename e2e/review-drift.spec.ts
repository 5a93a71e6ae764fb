import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { AgentPage } from './page-models/agent-page';
import { FileImportDialog } from './page-models/import-dialog';
import { RegistryPage } from './page-models/registry-page';
import { ReviewDrift } from './page-models/review-drift';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const AUTH_DETAILS = 'aws-prod-authorization-details.json';
const DEMO_EXPORT = resolve(import.meta.dirname, '..', 'resources', 'demo', 'iam', AUTH_DETAILS);
const SHOTS = '/tmp/drift-shots';
const AGENT = 'KYC Document Reviewer';
const NEW_BUCKET = 'nw-kyc-exports-2026';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** The demo's AWS export as the client sends it a week later: the KYC role may now also write to a new bucket. */
function laterExport(folder: string): string {
  const details = JSON.parse(readFileSync(DEMO_EXPORT, 'utf8')) as { RoleDetailList: Array<{ RoleName: string; RolePolicyList: unknown[] }> };
  details.RoleDetailList.find((r) => r.RoleName === 'kyc-reviewer-lambda')!.RolePolicyList.push({
    PolicyName: 'kyc-exports-writer',
    PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:PutObject'], Resource: [`arn:aws:s3:::${NEW_BUCKET}/*`] }] },
  });
  const path = join(folder, AUTH_DETAILS);
  writeFileSync(path, JSON.stringify(details, null, 2));
  return path;
}

/** Page width beyond the viewport: a sideways scroll of the whole page. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.app__main');
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

test('mark an agent reviewed, re-import an IAM export that grants it write access, and see the drift', async ({ app, page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  await registry.openAgent(AGENT);
  const review = new ReviewDrift(page);

  // 1. Never reviewed in the app: no baseline yet.
  await expect(review.card).toContainText('Never reviewed: mark reviewed to set a baseline.');
  await page.screenshot({ path: `${SHOTS}/never-reviewed-1440x900.png` });

  // 2. Mark reviewed with a note: who and when, the registry's last reviewed date is today, the audit log says so.
  await review.markReviewed('Quarterly review with Daniel Brandt');
  await expect(review.panel).toContainText('1 review recorded');
  await expect(review.panel).toContainText('“Quarterly review with Daniel Brandt”');
  await expect(review.panel).toContainText(/Last reviewed .+ by \S+/);
  await expect(review.card).toContainText('No changes since the review.');
  await expect(review.card.getByRole('heading', { level: 2 })).toHaveText(/^Changes since last review .+/);
  // The profile's header reads the registry field the review set.
  await expect(page.locator('dt', { hasText: 'Last reviewed' }).locator('xpath=following-sibling::dd[1]')).toHaveText(new Date().toISOString().slice(0, 10));
  await expect(new AgentPage(page).auditLog).toContainText('marked reviewed: Quarterly review with Daniel Brandt');
  await page.screenshot({ path: `${SHOTS}/reviewed-1440x900.png` });

  // 3. A week later the client sends the AWS export again: the agent's role now writes to a new bucket.
  const dialog = new FileImportDialog(page);
  await dialog.openFromSidebar();
  await dialog.choose(laterExport(app.scratch));
  await expect(dialog.preview(AUTH_DETAILS)).toContainText('AWS IAM authorization details');
  await dialog.import();
  await expect(dialog.importedFiles).toContainText(AUTH_DETAILS);
  await dialog.close();

  // 4. The drift card lists the new write access first, in red.
  const writes = review.group('Write access');
  await expect(writes).toBeVisible();
  await expect(writes.getByRole('listitem').first()).toContainText(NEW_BUCKET);
  await expect(writes.getByRole('listitem').first().locator('.badge')).toHaveText('New');
  await expect(writes.getByRole('listitem').first().locator('.badge--danger')).toBeVisible();
  await expect(review.card).not.toContainText('No changes since the review.');
  // Its spend is compared too; the demo's usage ends before the review, and the card says so rather than "-100%".
  await expect(review.card).toContainText(/\$[\d.]+\/day before, no usage imported since the review/);
  await review.card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/drift-1440x900.png` });
  expect(await horizontalOverflow(page), 'the agent page at 1440x900 scrolls sideways').toBeLessThanOrEqual(0);

  await page.setViewportSize({ width: 1024, height: 700 });
  await review.card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/drift-1024x700.png` });
  expect(await horizontalOverflow(page), 'the agent page at 1024x700 scrolls sideways').toBeLessThanOrEqual(0);

  // 5. Marking reviewed again takes the new facts as the baseline.
  await review.markReviewed('');
  await expect(review.panel).toContainText('2 reviews recorded');
  await expect(review.card).toContainText('No changes since the review.');
  expect(errors).toEqual([]);
});
