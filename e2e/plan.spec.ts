import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PlanPage } from './page-models/plan-page';
import { TriagePage } from './page-models/triage-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { collectErrors } from './support/console-errors';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/atw-shots/plan';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const main = document.querySelector('.app__main');
    return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth, main ? main.scrollWidth - main.clientWidth : 0);
  });
}

const AGENT = 'Collections Reminder Bot';
const ITEM = 'Execution logging on';

test('the demo’s plan: start it, attest an item on Triage, see the phase progress and the burn-up move, assign a task', async ({ app, page }) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  const plan = new PlanPage(page);

  // 1. Not started: the page says so and offers today.
  await plan.open();
  await expect(page.getByRole('heading', { name: 'The plan has not started' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/not-started-1440x900.png` });
  await page.getByRole('button', { name: 'Start the plan today' }).click();
  await expect(page.getByText('Day 0 of 90')).toBeVisible();
  await expect(plan.phases.getByRole('listitem')).toHaveCount(4);
  await expect(plan.burnUp).toBeVisible();
  const before = await plan.phaseDone('Days 1-30');
  const burnBefore = await plan.burnUpDone();
  expect(before.total).toBeGreaterThan(0);
  expect(burnBefore.scope).toBeGreaterThanOrEqual(before.total);
  const task = plan.task(ITEM, AGENT);
  await expect(task.getByRole('cell').last()).toHaveText('Open');
  await page.screenshot({ path: `${SHOTS}/started-1440x900.png` });
  expect(await horizontalOverflow(page), 'the plan at 1440x900 scrolls sideways').toBeLessThanOrEqual(0);

  // 2. The task links to the agent's checklist; attest the item done there.
  await task.getByRole('link', { name: AGENT }).click();
  await expect(page).toHaveURL(/#\/triage\/.+/);
  const triage = new TriagePage(page);
  await triage.attest(ITEM, 'Done', 'CloudWatch log group, tagged with agent id and session');
  await expect(triage.item(ITEM).getByLabel(`Attestation for ${ITEM}`)).toContainText('Attested: Done');

  // 3. Back on the plan: the task is done, the phase and the burn-up count it.
  await plan.open();
  await expect(task.getByRole('cell').last()).toHaveText('Done');
  await expect.poll(() => plan.phaseDone('Days 1-30')).toEqual({ done: before.done + 1, total: before.total });
  await expect.poll(() => plan.burnUpDone()).toEqual({ done: burnBefore.done + 1, scope: burnBefore.scope });

  // 4. Assign another task and give it a due date already past: it turns overdue, in red.
  const other = plan.task('Runtime sandboxed', AGENT);
  await other.getByRole('textbox', { name: `Owner of Runtime sandboxed for ${AGENT}` }).fill('Sam Lee');
  await other.getByRole('textbox', { name: `Owner of Runtime sandboxed for ${AGENT}` }).press('Enter');
  await expect(page.getByText(`Owner of Runtime sandboxed for ${AGENT} saved`)).toBeVisible();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const due = other.getByLabel(`Due date of Runtime sandboxed for ${AGENT}`);
  await due.fill(yesterday);
  await due.press('Enter');
  await expect(other.getByRole('cell').last()).toHaveText('Overdue');
  await expect(other).toHaveClass(/plan-table__row--overdue/);
  await expect.poll(async () => (await plan.phase('Days 1-30').textContent()) ?? '').toMatch(/\d+ overdue/);

  // The owner filter finds it; it survives a reload (the engine stored it).
  await page.getByRole('combobox', { name: 'Owner' }).selectOption('Sam Lee');
  await expect(page.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/filtered-1440x900.png` });
  await page.reload();
  await expect(other.getByRole('textbox', { name: `Owner of Runtime sandboxed for ${AGENT}` })).toHaveValue('Sam Lee');
  await expect(due).toHaveValue(yesterday);

  // 5. The smaller laptop: no sideways scroll.
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(plan.burnUp).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/plan-1024x700.png` });
  await page.screenshot({ path: `${SHOTS}/plan-full-1024x700.png`, fullPage: true });
  expect(await horizontalOverflow(page), 'the plan at 1024x700 scrolls sideways').toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1440, height: 900 });

  // 6. Day 0 moved three weeks back: the tasks count from then, the done one today, and the 48-hour items are overdue.
  const threeWeeksAgo = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
  await page.getByRole('button', { name: 'Change day 0…' }).click();
  await page.getByLabel('Day 0', { exact: true }).fill(threeWeeksAgo);
  await page.getByRole('button', { name: 'Move day 0' }).click();
  await expect(page.getByText('Day 21 of 90')).toBeVisible();
  await expect.poll(() => plan.burnUpDone()).toEqual({ done: burnBefore.done + 1, scope: burnBefore.scope });
  expect((await plan.phase('Days 1-30').textContent()) ?? '').toMatch(/[1-9]\d* overdue/);
  await page.screenshot({ path: `${SHOTS}/moved-1440x900.png` });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: `${SHOTS}/moved-1024x700.png` });
  expect(await horizontalOverflow(page), 'the moved plan at 1024x700 scrolls sideways').toBeLessThanOrEqual(0);

  expect(errors).toEqual([]);
});

test('a new workspace’s plan says there is no agent to plan for yet', async ({ app, page }) => {
  const errors = collectErrors(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'empty.atw'), 'Create');
  await expect(page.getByText('Northwind Pay (demo)')).toHaveCount(0);
  const plan = new PlanPage(page);
  await plan.open();
  await expect(page.getByRole('heading', { name: 'No agents to plan for yet' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/no-agents-1024x700.png` });
  expect(errors).toEqual([]);
});
