import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { TriagePage } from './page-models/triage-page';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/atw-shots/triage';
const TIER_ORDER = ['P0', 'P1', 'P2', 'P3'];

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** Page width beyond the viewport: a sideways scroll of the whole page. */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.app__main');
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

test('the demo’s triage: agents in tier order, a failing item with its evidence, and an attestation shown beside the verdict', async ({ app, page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  const triage = new TriagePage(page);

  // 1. The priority list: every agent with a P-badge, highest tier first.
  await triage.open();
  await expect(triage.rows().first()).toBeVisible();
  const tiers = (await triage.rows().locator('.badge').allTextContents()).map((t) => t.trim());
  expect(tiers.length).toBeGreaterThan(1);
  for (const tier of tiers) expect(TIER_ORDER).toContain(tier);
  expect([...tiers].sort((a, b) => TIER_ORDER.indexOf(a) - TIER_ORDER.indexOf(b))).toEqual(tiers);
  await expect(triage.priorityList.getByRole('columnheader', { name: 'Fail' })).toBeVisible();
  // The risk matrix beside it: one point per agent.
  await expect(triage.matrix).toBeVisible();
  await expect(triage.matrixPoints()).toHaveCount(tiers.length);
  await page.screenshot({ path: `${SHOTS}/list-1440x900.png` });
  expect(await horizontalOverflow(page), 'the list at 1440x900 scrolls sideways').toBeLessThanOrEqual(0);
  await triage.matrixPoints().first().hover({ force: true });
  await page.screenshot({ path: `${SHOTS}/matrix-tooltip-1440x900.png` });
  // A point opens that agent's checklist, as a row does.
  await triage.matrixPoints().first().click({ force: true });
  await expect(page).toHaveURL(/#\/triage\/.+/);
  await expect(page.getByRole('link', { name: 'Open agent page' })).toBeVisible();
  await page.getByRole('link', { name: '← Priority list' }).click();
  await expect(triage.rows().first()).toBeVisible();

  // 2. One agent's checklist: the LLM key item fails, with the evidence that decided it.
  await triage.openAgent('Collections Reminder Bot');
  await expect(page).toHaveURL(/#\/triage\/.+/);
  await expect(page.getByRole('link', { name: 'Open agent page' })).toHaveAttribute('href', /^#\/agents\/.+/);
  await expect(page.getByRole('heading', { level: 3, name: 'Days 1-30: the 48-hour checklist' })).toBeVisible();
  const llmKeys = triage.item('LLM keys distinct from the application');
  await expect(llmKeys.locator('.badge').first()).toHaveText('Fail');
  await expect(llmKeys.getByRole('list', { name: /^Evidence for/ }).getByRole('listitem').first()).toBeVisible();

  // The dialog: four choices once there is something to withdraw, three before; Cancel leaves the item alone.
  await triage.item('Execution logging on').getByRole('button', { name: 'Attest Execution logging on…' }).click();
  await expect(triage.attestDialog.getByRole('radio')).toHaveCount(3);
  await page.screenshot({ path: `${SHOTS}/attest-dialog-1440x900.png` });
  await triage.attestDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(triage.attestDialog).toHaveCount(0);

  // 3. Attest execution logging as done with a note: the attestation shows beside the verdict.
  const note = 'CloudWatch log group collections-bot, tagged with agent id, checked by hand';
  await triage.attest('Execution logging on', 'Done', note);
  const logging = triage.item('Execution logging on');
  const attestation = logging.getByLabel('Attestation for Execution logging on');
  await expect(attestation).toContainText('Attested: Done');
  await expect(attestation).toContainText(note);
  await expect(attestation).toContainText(/by \S+/);
  await page.screenshot({ path: `${SHOTS}/checklist-1440x900.png`, fullPage: true });
  expect(await horizontalOverflow(page), 'the checklist at 1440x900 scrolls sideways').toBeLessThanOrEqual(0);

  // Attesting a failing item done is a conflict: both are shown, highlighted.
  await triage.attest('LLM keys distinct from the application', 'Done', 'Rotated last week');
  await expect(llmKeys.getByRole('note')).toContainText('Conflict');
  await expect(llmKeys.locator('.badge').first()).toHaveText('Fail');
  await expect(llmKeys.getByLabel('Attestation for LLM keys distinct from the application')).toContainText('Attested: Done');
  await llmKeys.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/conflict-1440x900.png` });

  // It survives a reload (the engine stored it).
  await page.reload();
  await expect(triage.item('Execution logging on').getByLabel('Attestation for Execution logging on')).toContainText(note);

  // 4. The smaller laptop: no sideways scroll on either view.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(triage.item('Execution logging on')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/checklist-1024x700.png` });
  expect(await horizontalOverflow(page), 'the checklist at 1024x700 scrolls sideways').toBeLessThanOrEqual(0);
  await page.getByRole('link', { name: '← Priority list' }).click();
  await expect(triage.rows().first()).toBeVisible();
  await expect(triage.matrixPoints()).toHaveCount(tiers.length);
  await page.screenshot({ path: `${SHOTS}/list-1024x700.png` });
  expect(await horizontalOverflow(page), 'the list at 1024x700 scrolls sideways').toBeLessThanOrEqual(0);

  // The inventory shows each agent's tier in its Risk column.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inventory' }).click();
  const agents = page.getByRole('grid', { name: 'Agents' });
  await expect(agents.getByRole('columnheader', { name: 'Risk' })).toBeVisible();
  await expect(agents.getByRole('row').filter({ hasText: 'Collections Reminder Bot' }).locator('.badge', { hasText: /^P[0-3]$/ })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/inventory-1024x700.png` });
  expect(await horizontalOverflow(page), 'the inventory at 1024x700 scrolls sideways').toBeLessThanOrEqual(0);

  expect(errors).toEqual([]);
});
