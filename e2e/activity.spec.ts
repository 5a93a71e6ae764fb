import { RegistryPage } from './page-models/registry-page';
import { expect, test } from './support/web-app';

// The demo workspace imports November's usage (resources/demo/usage): OpenAI, Anthropic and LiteLLM
// exports for the demo agents, OpenAI key key_7HqZv3unkn2P that nobody accounts for, and a key the
// Collections Reminder Bot shares with the web application.

test('the inventory shows each agent’s LLM activity, and the Ghost filter lists the key nobody accounts for', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  const agents = page.getByRole('grid', { name: 'Agents' });
  await expect(agents.getByRole('columnheader', { name: 'Activity' })).toBeVisible();
  await expect(registry.row('Dispute Resolution Assistant')).toContainText('Active');
  await expect(registry.row('Marketing Copy Generator')).toContainText('Dormant');
  await expect(registry.row('Legacy FAQ Chatbot')).toContainText('Not observed');

  await page.getByRole('combobox', { name: 'Activity' }).selectOption('ghost');
  const ghosts = page.getByRole('grid', { name: 'Ghosts: spending nobody accounts for' });
  const key = ghosts.getByRole('row').filter({ hasText: 'key_7HqZv3unkn2P' });
  await expect(key).toContainText('OpenAI');
  await expect(key).toContainText(/\$[\d,]+\.\d\d|price unknown/);
  // Ghosts are candidates, not registry agents: no registry agent is listed as one.
  await expect(agents).toHaveCount(0);

  await key.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('key_7HqZv3unkn2P');
  const seen = page.getByRole('region', { name: 'Seen in usage' });
  await expect(seen).toContainText('OpenAI');
  await expect(seen).toContainText('key_7HqZv3unkn2P');
  await expect(page.getByRole('region', { name: 'Usage files' })).toContainText('openai-usage-completions-2026-11.json');
  await page.getByRole('button', { name: 'Dismiss…' }).click();
  await expect(page.getByRole('dialog', { name: /^Dismiss/ })).toContainText('the application layer’s, not an agent’s');
});

test('the Usage page’s link opens the inventory filtered to ghosts', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await page.evaluate(() => (window.location.hash = '#/?activity=ghost'));
  await expect(page.getByRole('combobox', { name: 'Activity' })).toHaveValue('ghost');
  await expect(page.getByRole('grid', { name: 'Ghosts: spending nobody accounts for' })).toContainText('key_7HqZv3unkn2P');
  // Applied once: the address no longer carries it, so Back from an agent keeps the person's own choice.
  await expect(page).toHaveURL(/#\/inventory$/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('combobox', { name: 'Activity' })).toHaveValue('');
  await expect(registry.agentCount()).toBeVisible();
});

test('an agent’s page shows its usage and cost, and says how to fill it when there is none', async ({ app, page }) => {
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await registry.openAgent('Dispute Resolution Assistant');
  const card = page.getByRole('region', { name: 'Usage and cost' });
  await expect(card).toContainText('Active');
  await expect(card).toContainText(/\$[\d,]+(\.\d\d)?/);
  await expect(card).toContainText(/[\d.]+[KMB]? tokens · [\d,]+ requests/);
  // Its demo budget (4M tokens, $12 a day) is exceeded on its busy days.
  await expect(card.getByRole('list', { name: 'Days over the cap' })).toBeVisible();
  await expect(card.getByRole('link', { name: 'Open in Usage' })).toHaveAttribute('href', '#/usage');

  await registry.goto(app.url);
  await registry.openAgent('Legacy FAQ Chatbot');
  const none = page.getByRole('region', { name: 'Usage and cost' });
  await expect(none).toContainText('No usage seen for this agent in the imported period');
  await expect(none.getByRole('button', { name: 'import provider usage' })).toBeVisible();
});
