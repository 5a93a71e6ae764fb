import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
