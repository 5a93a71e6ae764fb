import { mkdirSync } from 'node:fs';
import { scanCorpusRepositories } from './support/corpus-scan';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/n8n-shots';

test('an n8n workflow export is an agent named by its workflow, with its trigger, model, tools, n8n credentials and the mail it reads', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'n8n.atw', ['n8n-workflow-exports']);
  const group = discovery.group('Automation workflows (n8n)');
  await expect(group).toContainText('Support Inbox Agent');
  await expect(group).toContainText('Guest Concierge (Telegram)');
  await expect(group).toContainText('Daily Chargeback Digest');
  // The CRM sync calls no model and the lead scorer's agent node is disabled: neither is an item.
  await expect(group).not.toContainText('CRM sync');
  await expect(group).not.toContainText('Old lead scorer');

  const agent = await discovery.openCandidate('Support Inbox Agent');
  await expect(page.getByText(/n8n workflow\s+Support Inbox Agent\s+in\s+workflows\/Support Inbox Agent\.json/)).toBeVisible();
  await expect(page.getByText('When mail arrives in Gmail').first()).toBeVisible();
  await expect(agent.section('LLM use')).toContainText('gpt-4o-mini');
  await expect(agent.section('Frameworks')).toContainText('n8n');
  await expect(agent.section('Tools')).toContainText('Reply to customer');
  await expect(agent.section('Tools')).toContainText('Orders API');
  await expect(agent.section('Credentials')).toContainText('Support Gmail (gmailOAuth2)');
  await expect(agent.section('Untrusted inputs')).toContainText('Gmail Trigger');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/support-inbox-agent-${width}.png`, fullPage: true });
  }
});
