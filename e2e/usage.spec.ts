import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { UsagePage } from './page-models/usage-page';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/atw-shots/usage';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Page width beyond the viewport: a sideways scroll of the whole page. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.app__main');
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

test('the demo’s usage: figures and chart, the key nobody accounts for, a budget with over-cap days, and the LiteLLM export', async ({ app, page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  const usage = new UsagePage(page);

  // 1. Overview: headline figures and the chart, stacked by agent, unattributed apart.
  await usage.open();
  await expect(usage.figure('Total spend')).toHaveText(/\$\d/);
  await expect(usage.figure('Tokens')).toHaveText(/\d/);
  await expect(usage.figure('Requests')).toHaveText(/^[1-9][\d,.\s]*$/);
  await expect(usage.figure('Unattributed')).toHaveText(/%$/);
  // The demo: key_7HqZv3unkn2P (OpenAI) and the Anthropic "...9f2c" key nobody accounts for; one LiteLLM key shared with the application.
  await expect(usage.figures).toContainText(/[1-9]\d* nobody accounts for/);
  await expect(usage.figures).toContainText(/1 shared with the application/);
  await expect(usage.chart).toBeVisible();
  await expect(usage.chart.locator('.recharts-bar-rectangle').first()).toBeAttached();
  await expect(usage.legend.getByRole('listitem').first()).toBeVisible();
  await expect(usage.legend).toContainText('Unattributed');
  await expect(usage.topSpenders.getByRole('row').nth(1)).toBeVisible();
  await expect(page.getByRole('link', { name: /Ghost/ })).toHaveAttribute('href', '#/?activity=ghost');
  await page.screenshot({ path: `${SHOTS}/overview.png`, fullPage: true });

  // Another dimension draws another chart and table.
  await usage.breakDownBy('Provider');
  await expect(usage.topSpenders).toHaveAccessibleName('Top spenders by provider');
  await expect(usage.topSpenders).toContainText(/OpenAI|openai/);
  await expect(usage.topSpenders).toContainText(/Anthropic|anthropic/);
  await usage.breakDownBy('Agent');

  // 2. Keys: the one nobody accounts for links to its discovery candidate; the shared one is flagged.
  await usage.tab('Keys');
  const unaccounted = usage.keyRows().filter({ hasText: 'key_7HqZv3unkn2P' });
  await expect(unaccounted).toContainText('Nobody accounts for it');
  await expect(unaccounted.getByRole('link', { name: 'Review as a discovery candidate' })).toHaveAttribute('href', /^#\/discovery\/.+/);
  // Nobody's keys are listed first.
  await expect(usage.keyRows().first()).toContainText('Nobody accounts for it');
  await expect(usage.keyRows().filter({ hasText: 'Shared with the application' })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/keys.png`, fullPage: true });

  // 3. Budgets: a cap below what the agent spends a day shows its days over cap, listed in red.
  await usage.tab('Budgets');
  const agentName = 'KYC Document Reviewer';
  await expect(usage.budgetRow(agentName)).toBeVisible();
  await expect(usage.budgetRow(agentName).getByRole('button', { name: /over cap/ })).toHaveCount(0);
  await usage.setBudget(agentName, { tokens: '1', costUsd: '0.01' });
  const row = usage.budgetRow(agentName);
  await expect(row).toContainText('$0.01');
  const overCap = row.getByRole('button', { name: /days? over cap/ });
  await expect(overCap).toBeVisible();
  await overCap.click();
  await expect(overCap).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('list', { name: `Days ${agentName} went over its cap` }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/budgets.png`, fullPage: true });

  // 4. The caps as a LiteLLM config: a real file that names the cap just set.
  const download = await usage.exportBudgets('Export LiteLLM config');
  expect(download.suggestedFilename()).toMatch(/\.(ya?ml|json)$/);
  const saved = join(app.scratch, download.suggestedFilename());
  await download.saveAs(saved);
  const config = readFileSync(saved, 'utf8');
  expect(config.length).toBeGreaterThan(0);
  expect(config).toMatch(/0\.01/);

  // 5. Both laptop sizes: no sideways scroll of the page on any tab.
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const tab of ['Overview', 'Keys', 'Prices', 'Budgets'] as const) {
      await usage.tab(tab);
      await expect(page.getByRole('tab', { name: tab, selected: true })).toBeVisible();
      await page.screenshot({ path: `${SHOTS}/${tab.toLowerCase()}-${width}x${height}.png` });
      expect(await horizontalOverflow(page), `${tab} at ${width}x${height} scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }

  expect(errors).toEqual([]);
});
