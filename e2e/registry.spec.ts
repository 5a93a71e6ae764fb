import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentPage } from './page-models/agent-page';
import { RegistryPage } from './page-models/registry-page';
import { expect, FIXTURES, test } from './support/web-app';

test('first launch opens the demo engagement in the registry', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await expect(page.getByText('Northwind Pay (demo)')).toBeVisible();
  await expect(registry.agentCount()).toHaveText('15 agents');
  await expect(registry.row('Dispute Resolution Assistant')).toContainText('7/7');
  await expect(registry.row('Chargeback Evidence Collector')).toContainText('No owner');
  await expect(registry.row('Release Notes Writer')).toContainText('Team owner');
  // The token is kept for the session and removed from the address bar.
  expect(page.url()).not.toContain('token=');
  await page.screenshot({ path: test.info().outputPath('registry.png') });
});

test('filters narrow the registry and the text filter matches owners too', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.search.fill('leila');
  await expect(registry.dataRows()).toHaveCount(2);
  await registry.search.fill('');
  await page.getByRole('checkbox', { name: 'Retired' }).or(page.getByRole('button', { name: 'Retired' })).first().click();
  await expect(registry.dataRows()).toHaveCount(1);
  await expect(registry.row('Legacy FAQ Chatbot')).toBeVisible();
});

test('an edited owner is saved, survives a reload and is in the audit log', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Chargeback Evidence Collector');
  const agent = new AgentPage(page);
  await agent.field('Owner name').fill('Hana Kobayashi');
  await agent.field('Owner email').fill('hana.kobayashi@northwindpay.example');
  await agent.save();
  await page.reload();
  await expect(agent.field('Owner name')).toHaveValue('Hana Kobayashi');
  await expect(agent.auditLog).toContainText('Hana Kobayashi <hana.kobayashi@northwindpay.example>');
  await page.screenshot({ path: test.info().outputPath('agent-page.png'), fullPage: true });
});

test('a registry file with bad rows shows the errors and writes nothing; the fixed file imports', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import registry' });
  await dialog.getByLabel('Registry file (CSV or XLSX)').setInputFiles(join(FIXTURES, 'registry-two-bad-rows.csv'));
  await expect(dialog.getByText('nothing has been written')).toBeVisible();
  const errors = dialog.getByRole('table').or(dialog.getByRole('grid')).filter({ hasText: 'Row' }).first();
  await expect(errors).toContainText('Last Reviewed');
  await expect(errors).toContainText('Data Access Scope');
  await expect(dialog.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(registry.agentCount()).toHaveText('15 agents');

  await page.getByRole('button', { name: 'Import…' }).click();
  await dialog.getByLabel('Registry file (CSV or XLSX)').setInputFiles(join(FIXTURES, 'registry-fixed.csv'));
  await dialog.getByRole('button', { name: 'Import 6 agents' }).click();
  // Two rows name agents the demo already has: they update those agents instead of duplicating them.
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText('4 created, 2 updated');
  await expect(registry.agentCount()).toHaveText('19 agents');
  await expect(registry.row('Fraud Alert Enricher')).toBeVisible();
});

test('the registry exports as CSV with formula-like cells neutralised', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await page.getByRole('button', { name: 'New agent' }).click();
  const agent = new AgentPage(page);
  await agent.field('Name').fill('=HYPERLINK("http://evil.example","click")');
  await page.getByRole('button', { name: /^(Create|Save)/ }).click();
  await page.getByRole('heading', { level: 1, name: /HYPERLINK/ }).waitFor();
  await page.getByRole('link', { name: 'Inventory' }).first().click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = readFileSync((await download.path())!, 'utf8');
  expect(download.suggestedFilename()).toMatch(/^agent-registry-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv).toContain('Dispute Resolution Assistant');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
});

test('imported hostile text is shown as text, never as markup', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import registry' });
  const hostile = 'name,description\n"<img src=x onerror=""window.__pwned=1"">",<script>window.__pwned=2</script>\n';
  await dialog.getByLabel('Registry file (CSV or XLSX)').setInputFiles({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
  await dialog.getByRole('button', { name: 'Import 1 agent' }).click();
  await expect(registry.row('<img src=x onerror="window.__pwned=1">')).toBeVisible();
  await registry.openAgent('<img src=x onerror="window.__pwned=1">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(new AgentPage(page).field('Description')).toHaveValue('<script>window.__pwned=2</script>');
});
