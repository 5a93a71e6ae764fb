import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentPage } from './page-models/agent-page';
import { RegistryPage } from './page-models/registry-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { expect, test } from './support/web-app';

test('opening a corrupt workspace says what is wrong and keeps the current one open', async ({ app, page }) => {
  const corrupt = join(app.scratch, 'client-export.atw');
  writeFileSync(corrupt, 'PK\u0003\u0004 this is a zip someone renamed, not a workspace');
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('Open…', corrupt, 'Open');
  const alert = page.getByRole('dialog').getByRole('alert');
  await expect(alert).toContainText('is not an Agent Triage workspace');
  await expect(alert).toContainText('not a SQLite database');
  await page.screenshot({ path: test.info().outputPath('corrupt-workspace.png') });
  await page.keyboard.press('Escape');
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  await expect(registry.agentCount()).toHaveText('15 agents');
});

test('a new workspace starts empty, Save As copies it, and the recent list reopens the demo', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const menu = new WorkspaceMenu(page);
  await menu.submitPath('New…', join(app.scratch, 'acme.atw'), 'Create');
  await expect(page.getByText('No agents yet: import a registry spreadsheet or add one')).toBeVisible();
  await expect(page.getByText('acme', { exact: true })).toBeVisible();
  await menu.submitPath('Save As…', join(app.scratch, 'acme-copy.atw'), 'Save');
  await expect(page.getByText('acme-copy', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Workspace' }).click();
  await page.getByRole('menuitem', { name: /Northwind Pay \(demo\)/ }).click();
  await expect(registry.agentCount()).toHaveText('15 agents');
});

test('Reset demo asks first, then rebuilds the demo as shipped', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await page.getByRole('button', { name: 'New agent' }).click();
  const agent = new AgentPage(page);
  await agent.field('Name').fill('Scratch agent');
  await agent.actionBar().getByRole('button', { name: 'Create agent' }).click();
  await expect(page.getByRole('heading', { name: 'Scratch agent', level: 1 })).toBeVisible();

  const menu = new WorkspaceMenu(page);
  await menu.choose('Reset demo…');
  const dialog = page.getByRole('dialog', { name: 'Reset the demo?' });
  await expect(dialog).toContainText('Every change made in it');
  await page.screenshot({ path: test.info().outputPath('reset-demo.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  await menu.choose('Reset demo…');
  await page.getByRole('dialog', { name: 'Reset the demo?' }).getByRole('button', { name: 'Reset demo' }).click();
  await expect(registry.agentCount()).toHaveText('15 agents');
  await expect(registry.row('Scratch agent')).toHaveCount(0);
});
