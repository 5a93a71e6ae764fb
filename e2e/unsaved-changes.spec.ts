import { AgentPage } from './page-models/agent-page';
import { RegistryPage } from './page-models/registry-page';
import { expect, test } from './support/web-app';

test('an owner typed and left behind is not lost: leaving asks, Save keeps it, Stay keeps the page', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Chargeback Evidence Collector');
  const agent = new AgentPage(page);
  await agent.edit();
  await agent.field('Owner name').fill('Hana Kobayashi');
  await agent.field('Owner email').fill('hana.kobayashi@northwindpay.example');
  await expect(agent.actionBar()).toContainText('Unsaved changes');

  // A sidebar link: asked, and Stay keeps the page and the edit.
  const sections = page.getByRole('navigation', { name: 'Sections' });
  await sections.getByRole('link', { name: 'Discovery' }).click();
  await expect(agent.leaveDialog()).toBeVisible();
  await agent.leaveDialog().getByRole('button', { name: 'Stay' }).click();
  await expect(agent.field('Owner name')).toHaveValue('Hana Kobayashi');

  // Back in the browser is asked about too.
  await page.goBack();
  await expect(agent.leaveDialog()).toBeVisible();
  await agent.leaveDialog().getByRole('button', { name: 'Stay' }).click();
  await expect(page.getByRole('heading', { name: 'Chargeback Evidence Collector', level: 1 })).toBeVisible();

  // The breadcrumb, then Save: saved, and the navigation goes on.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Inventory' }).click();
  await agent.leaveDialog().getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Inventory', level: 1 })).toBeVisible();
  await expect(registry.row('Chargeback Evidence Collector')).toContainText('Hana Kobayashi');

  // Discard drops the edit and leaves.
  await registry.openAgent('Chargeback Evidence Collector');
  await agent.edit();
  await agent.field('Owner name').fill('Someone Else');
  await sections.getByRole('link', { name: 'Inventory' }).click();
  await agent.leaveDialog().getByRole('button', { name: 'Discard' }).click();
  await expect(registry.row('Chargeback Evidence Collector')).toContainText('Hana Kobayashi');
});

test('Ctrl+S saves, the action bar is reached by Tab from the last field and stays in view', async ({ app, page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Treasury Cash Forecaster');
  const agent = new AgentPage(page);
  await agent.edit();
  await agent.field('Owner name').fill('Ana Lima');
  await agent.field('Owner email').fill('ana.lima@northwindpay.example');
  await page.keyboard.press('Control+s');
  await expect(agent.actionBar()).toContainText('All changes saved');
  await expect(agent.auditLog).toContainText('Ana Lima <ana.lima@northwindpay.example>');

  // Nothing unsaved: leaving does not ask.
  const procedure = agent.field('Rollback procedure');
  await procedure.fill('Suspend the CronJob: kubectl -n treasury patch cronjob treasury-cash-forecaster -p \'{"spec":{"suspend":true}}\'');
  await expect(agent.actionBar()).toBeInViewport();
  await procedure.focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(agent.actionBar().getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(agent.actionBar()).toContainText('All changes saved');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Discovery' }).click();
  await expect(page.getByRole('heading', { name: 'Discovery', level: 1 })).toBeVisible();
  await expect(agent.leaveDialog()).toHaveCount(0);
});

test('reloading with unsaved changes asks the browser to confirm; the edit stays if the person stays', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Chargeback Evidence Collector');
  const agent = new AgentPage(page);
  await agent.edit();
  await agent.field('Owner name').fill('Hana Kobayashi');
  // Chromium shows beforeunload only after a user gesture on the page, which fill() provided.
  const asked = page.waitForEvent('dialog');
  void page.reload().catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  await expect(agent.field('Owner name')).toHaveValue('Hana Kobayashi');
});

test('a new agent: Create goes to its page without asking; a half-typed one is asked about when leaving', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const agent = new AgentPage(page);
  await page.getByRole('button', { name: 'New agent' }).click();
  await agent.field('Name').fill('Refund Copilot');
  await agent.actionBar().getByRole('button', { name: 'Create agent' }).click();
  await expect(page.getByRole('heading', { name: 'Refund Copilot', level: 1 })).toBeVisible();
  await expect(agent.leaveDialog()).toHaveCount(0);

  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Inventory' }).click();
  await page.getByRole('button', { name: 'New agent' }).click();
  await agent.field('Name').fill('Payout Checker');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Inventory' }).click();
  await agent.leaveDialog().getByRole('button', { name: 'Save' }).click();
  await expect(registry.row('Payout Checker')).toBeVisible();
  await expect(registry.agentCount()).toHaveText('17 agents');
});
