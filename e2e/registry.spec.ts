import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AgentPage } from './page-models/agent-page';
import { FileImportDialog } from './page-models/import-dialog';
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
  await agent.edit();
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
  const dialog = new FileImportDialog(page);
  await dialog.openFromInventory();
  const bad = 'registry-two-bad-rows.csv';
  await dialog.choose(join(FIXTURES, bad));
  await expect(dialog.preview(bad).getByText('nothing has been written')).toBeVisible();
  await expect(dialog.row(bad, 3)).toContainText('Error');
  await expect(dialog.row(bad, 3)).toContainText('Last Reviewed');
  await expect(dialog.row(bad, 5)).toContainText('Owner E-mail');
  // A source without read/write is a warning on its row, not an error.
  await expect(dialog.row(bad, 5)).toContainText('Warning in “Data Access Scope”');
  await expect(dialog.importButton).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog.dialog).toBeHidden();
  await expect(registry.agentCount()).toHaveText('15 agents');

  await dialog.openFromInventory();
  await dialog.choose(join(FIXTURES, 'registry-fixed.csv'));
  await expect(dialog.total('registry-fixed.csv', 'To create')).toHaveText('4');
  await expect(dialog.total('registry-fixed.csv', 'To update')).toHaveText('2');
  await dialog.import();
  // Two rows name agents the demo already has: they update those agents instead of duplicating them.
  await expect(page.getByRole('status').filter({ hasText: 'Imported registry-fixed.csv' })).toContainText('4 created, 2 updated');
  await expect(dialog.importedFiles).toContainText('registry-fixed.csv');
  await dialog.close();
  await expect(registry.agentCount()).toHaveText('19 agents');
  await expect(registry.row('Fraud Alert Enricher')).toBeVisible();
});

test('a consultant’s messy sheet: warnings shown, each row’s action, the bad row skipped only when chosen', async ({ app, page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const dialog = new FileImportDialog(page);
  await dialog.openFromInventory();
  const file = 'consultant.csv';
  // Beside the messy rows: one that says exactly what the demo has (unchanged) and one that changes a demo agent (update).
  const sheet = readFileSync(join(FIXTURES, 'registry-consultant.csv'), 'utf8').trimEnd();
  const extra = [
    'Chargeback Evidence Collector,,payments-prod.transactions:read; s3://nw-dispute-evidence:write,chained: Called by Dispute Resolution Assistant,,,Sub-agent that gathers receipts and delivery proof for a dispute.,',
    'Release Notes Writer,Platform Team <platform@northwindpay.example>,github.northwindpay/*:read; confluence.RELEASES:write; slack #releases:publish,cron: 0 9 * * 1,,Confluence page history restores the previous version.,GitHub Actions workflow that summarises merged PRs into weekly release notes.,',
  ];
  await dialog.choose({ name: 'consultant.csv', mimeType: 'text/csv', buffer: Buffer.from([sheet, ...extra].join('\n')) });

  await expect(dialog.row(file, 2)).toContainText('Create');
  await expect(dialog.row(file, 2)).toContainText('new agent');
  await expect(dialog.row(file, 2)).toContainText('"send" is neither read nor write; kept as access "other: send"');
  await expect(dialog.row(file, 2)).toContainText('"Payments Team" looks like a team');
  await expect(dialog.row(file, 8)).toContainText('Error');
  await expect(dialog.row(file, 8)).toContainText('name is empty');
  await expect(dialog.row(file, 11)).toContainText('Update');
  await expect(dialog.row(file, 11)).toContainText('matched by name');
  await expect(dialog.row(file, 11)).toContainText('Changes: Data access scope, Last reviewed');
  await expect(dialog.total(file, 'Warnings')).toHaveText('8');
  await expect(dialog.total(file, 'With errors')).toHaveText('1');

  // Without the explicit choice nothing can be imported.
  await expect(dialog.importButton).toBeDisabled();
  await expect(dialog.skipChoice(file)).toHaveAccessibleName(/\(row 8\) and import the other 8 agents/);
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(dialog.importButton).toBeInViewport();
    await expect(dialog.skipChoice(file)).toBeInViewport();
    await page.screenshot({ path: `/tmp/one-dialog-registry-${width}x${height}.png` });
  }
  await dialog.skipChoice(file).check();
  await expect(dialog.row(file, 8)).toContainText('Skipped');
  await dialog.row(file, 10).scrollIntoViewIfNeeded();
  await expect(dialog.row(file, 10)).toContainText('Unchanged');
  await page.screenshot({ path: '/tmp/one-dialog-registry-skip-1024x700.png' });
  await expect(dialog.importButton).toBeEnabled();
  await dialog.import();

  await expect(page.getByRole('status').filter({ hasText: 'Imported consultant.csv' })).toContainText('7 created, 1 updated; skipped row 8');
  await dialog.close();
  await expect(registry.agentCount()).toHaveText('22 agents');
  await expect(registry.row('Refund Notifier')).toContainText('Team owner');
  // Ranked by risk it sits below the fold, under the import's toast: find it as a reader would.
  await registry.search.fill('Refund Notifier');
  await expect(registry.dataRows()).toHaveCount(1);
  await registry.openAgent('Refund Notifier');
  await new AgentPage(page).edit();
  await expect(page.getByRole('textbox', { name: /^Other access to sendgrid/ })).toHaveValue('send');
  expect(consoleErrors).toEqual([]);
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
  expect(download.suggestedFilename()).toMatch(/^northwind-pay-demo-agent-registry-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv).toContain('Dispute Resolution Assistant');
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
});

test('imported hostile text is shown as text, never as markup', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const dialog = new FileImportDialog(page);
  await dialog.openFromInventory();
  const hostile = 'name,description\n"<img src=x onerror=""window.__pwned=1"">",<script>window.__pwned=2</script>\n';
  await dialog.choose({ name: 'hostile.csv', mimeType: 'text/csv', buffer: Buffer.from(hostile) });
  await expect(dialog.row('hostile.csv', 2)).toContainText('<img src=x onerror="window.__pwned=1">');
  await dialog.import();
  await dialog.close();
  await expect(registry.row('<img src=x onerror="window.__pwned=1">')).toBeVisible();
  await registry.openAgent('<img src=x onerror="window.__pwned=1">');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const agent = new AgentPage(page);
  await expect(agent.section('What it is')).toContainText('<script>window.__pwned=2</script>');
  await agent.edit();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(agent.field('Description')).toHaveValue('<script>window.__pwned=2</script>');
});
