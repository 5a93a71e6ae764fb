import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { AgentPage } from './page-models/agent-page';
import { FileImportDialog } from './page-models/import-dialog';
import { RegistryPage } from './page-models/registry-page';
import { expect, test } from './support/web-app';

test('the agents manifest: exported, one owner edited, imported back; the preview shows that one change and applying it sets the owner', async ({ app, page }) => {
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await page.setViewportSize({ width: 1024, height: 700 });
  await expect(page.getByRole('button', { name: 'Export manifest' })).toBeInViewport();
  await page.screenshot({ path: '/tmp/manifest-shots/inventory-export-1024x700.png' });
  await page.setViewportSize({ width: 1440, height: 900 });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export manifest' }).click()]);
  expect(download.suggestedFilename()).toMatch(/-agents-\d{4}-\d{2}-\d{2}\.yaml$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toMatch(/^# Agents manifest: access as code/);
  expect(text).toContain('kind: AgentManifest');

  // A reviewer changes one owner in their editor, as they would before checking the file in.
  const doc = parseDocument(text);
  const agents = doc.get('agents') as { items: Array<{ get(key: string): unknown }> };
  const index = agents.items.findIndex((a) => a.get('name') === 'Dispute Resolution Assistant');
  expect(index).toBeGreaterThanOrEqual(0);
  const before = doc.getIn(['agents', index, 'owner', 'name']);
  doc.setIn(['agents', index, 'owner'], doc.createNode({ name: 'Hana Kobayashi', email: 'hana.kobayashi@northwindpay.example' }));
  const edited = doc.toString({ lineWidth: 0 });

  const dialog = new FileImportDialog(page);
  await dialog.openFromInventory();
  await dialog.choose({ name: 'agents.yaml', mimeType: 'application/yaml', buffer: Buffer.from(edited) });
  const preview = dialog.preview('agents.yaml');
  await expect(preview.getByText('Agents manifest (YAML)')).toBeVisible();
  const table = preview.getByRole('table', { name: 'Differences between agents.yaml and the workspace' });
  const changes = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(changes).toHaveCount(1);
  await expect(changes.first()).toContainText('Dispute Resolution Assistant');
  await expect(changes.first()).toContainText('Owner');
  await expect(changes.first()).toContainText(String(before));
  await expect(changes.first()).toContainText('Hana Kobayashi <hana.kobayashi@northwindpay.example>');
  await expect(changes.first()).toContainText('Applies');
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await expect(dialog.importButton).toBeInViewport();
    await page.screenshot({ path: `/tmp/manifest-shots/manifest-preview-${width}x${height}.png` });
  }

  await dialog.import();
  await expect(dialog.importedFiles).toContainText('agents.yaml');
  await dialog.close();
  await registry.openAgent('Dispute Resolution Assistant');
  const agent = new AgentPage(page);
  await agent.edit();
  await expect(agent.field('Owner name')).toHaveValue('Hana Kobayashi');
  await expect(agent.auditLog).toContainText('Hana Kobayashi <hana.kobayashi@northwindpay.example>');
  expect(consoleErrors).toEqual([]);
});

test('observed fields in a manifest are shown, not applied; an agent the workspace lacks is named and not created', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export manifest' }).click()]);
  const doc = parseDocument(readFileSync((await download.path())!, 'utf8'));
  const agents = doc.toJS().agents as Array<{ name: string; endpoints: unknown[]; credentials: unknown[]; budget: Record<string, unknown> }>;
  const index = agents.findIndex((a) => a.endpoints.length > 0 && a.credentials.length > 0);
  const name = agents[index]!.name;
  // What a stale manifest looks like: it lists an endpoint and a credential the agent no longer has, a lower budget, and a retired agent.
  doc.setIn(['agents', index, 'endpoints'], doc.createNode([...agents[index]!.endpoints, { host: 'legacy-crm.northwindpay.example', purpose: 'api' }]));
  doc.setIn(['agents', index, 'credentials'], doc.createNode([...agents[index]!.credentials, { kind: 'env-var', name: 'LEGACY_CRM_TOKEN' }]));
  doc.setIn(['agents', index, 'budget'], doc.createNode({ dailyTokenCap: 250000, dailyCostCapUsd: 5 }));
  (doc.get('agents') as { add(value: unknown): void }).add(doc.createNode({ id: 'retired-ledger', name: 'Old Ledger Bot', status: 'retired', trigger: { kind: 'cron' }, review: { status: 'unreviewed' }, budget: {} }));

  const dialog = new FileImportDialog(page);
  await dialog.openFromInventory();
  await dialog.choose({ name: 'stale-agents.yaml', mimeType: 'application/yaml', buffer: Buffer.from(doc.toString({ lineWidth: 0 })) });
  const preview = dialog.preview('stale-agents.yaml');
  const changes = preview.getByRole('table', { name: 'Differences between stale-agents.yaml and the workspace' }).getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(changes).toHaveCount(3);
  await expect(changes.filter({ hasText: 'LEGACY_CRM_TOKEN (env-var)' })).toContainText('not in the workspace');
  await expect(changes.filter({ hasText: 'LEGACY_CRM_TOKEN (env-var)' })).toContainText('Shown only');
  await expect(changes.filter({ hasText: 'legacy-crm.northwindpay.example (api)' })).toContainText('Shown only');
  await expect(changes.filter({ hasText: 'Daily budget' })).toContainText('250,000 tokens/day, $5/day');
  await expect(changes.filter({ hasText: 'Daily budget' })).toContainText('Applies');
  await expect(preview.getByRole('region', { name: 'Only in the manifest (not created by importing)' })).toContainText('Old Ledger Bot');
  await expect(dialog.warnings('stale-agents.yaml')).toContainText('Old Ledger Bot is not in this workspace');
  await expect(preview).toContainText(name);
  for (const [width, height] of [
    [1440, 900],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await preview.getByRole('table', { name: 'Differences between stale-agents.yaml and the workspace' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/manifest-shots/manifest-stale-${width}x${height}.png` });
  }
  await dialog.import();
  await dialog.close();
  await expect(registry.agentCount()).toHaveText('15 agents');
});
