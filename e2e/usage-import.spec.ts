import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscoveryPage } from './page-models/discovery-page';
import { FileImportDialog } from './page-models/import-dialog';
import { RegistryPage } from './page-models/registry-page';
import { UsagePage } from './page-models/usage-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const USAGE = resolve(import.meta.dirname, '..', 'resources', 'demo', 'usage');
const OPENAI = 'openai-usage-completions-2026-11.json';
const ANTHROPIC = 'anthropic-usage-report-2026-11.json';
const LITELLM = 'litellm-spend-logs-2026-11-21-to-30.csv';
const SHOTS = '/tmp/atw-shots/usage-import';
const KEY_CANDIDATE = 'Unaccounted OpenAI key key_7HqZv3unkn2P';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('import provider usage and spend logs into a new workspace, see the spend, and review the key nobody accounts for', async ({ app, page }) => {
  test.setTimeout(180_000);
  const errors = collectErrors(page);
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'usage-review.atw'), 'Create');
  await expect(page.getByText('usage-review', { exact: true })).toBeVisible();

  // 1. Three exports of three formats in one go: each recognised from its content, with its counts.
  const dialog = new FileImportDialog(page);
  await dialog.openFromSidebar();
  await dialog.choose([join(USAGE, OPENAI), join(USAGE, ANTHROPIC), join(USAGE, LITELLM)]);
  await expect(dialog.preview(OPENAI)).toContainText('OpenAI usage (API JSON)');
  await expect(dialog.preview(ANTHROPIC)).toContainText('Anthropic usage report');
  await expect(dialog.preview(LITELLM)).toContainText('LiteLLM spend logs (CSV)');
  // As resources/demo/usage says: 95 OpenAI results, 53 Anthropic results, 1,861 LiteLLM calls.
  await expect(dialog.count(OPENAI, 'usage rows')).toHaveText('95');
  await expect(dialog.count(ANTHROPIC, 'usage rows')).toHaveText('53');
  await expect(dialog.count(LITELLM, 'usage rows')).toHaveText(/^1,?861$/);
  await expect(dialog.importButton).toHaveText('Import 3 files');
  await page.screenshot({ path: `${SHOTS}/preview.png` });
  await dialog.import();
  await expect(dialog.importedFiles).toContainText(LITELLM);
  await page.screenshot({ path: `${SHOTS}/imported.png` });
  await dialog.close();

  // 2. The Usage page has the spend, and says how much nobody accounts for: in an empty registry, all of it.
  const usage = new UsagePage(page);
  await usage.open();
  await expect(usage.figure('Total spend')).toHaveText(/\$\d/);
  await expect(usage.figure('Unattributed')).toHaveText(/%$/);
  await expect(usage.chart.locator('.recharts-bar-rectangle').first()).toBeAttached();
  await page.screenshot({ path: `${SHOTS}/usage.png`, fullPage: true });

  // 3. The key nobody accounts for is a candidate in the discovery queue, with its spend as evidence.
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await expect(discovery.group('Keys and agents seen only in usage logs')).toBeVisible();
  const candidate = await discovery.openCandidate(KEY_CANDIDATE);
  await expect(page.getByText('key_7HqZv3unkn2P').first()).toBeVisible();
  await expect(page.getByText(/o3-2025-04-16/).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/candidate.png`, fullPage: true });
  await candidate.confirm();

  // 4. Confirmed, it is an agent the key's usage is attributed to.
  await usage.open();
  await expect(usage.topSpenders).toContainText(KEY_CANDIDATE);
  await usage.tab('Keys');
  // (Every row's "whose key?" list names every agent: find the row by its key cell.)
  const row = usage.keyRows().filter({ has: page.getByRole('cell', { name: /^OpenAI key_7HqZv3unkn2P/ }) });
  await expect(row.getByRole('link', { name: KEY_CANDIDATE })).toBeVisible();
  await expect(row).not.toContainText('Nobody accounts for it');
  await page.screenshot({ path: `${SHOTS}/keys-after.png`, fullPage: true });
  expect(errors).toEqual([]);
});
