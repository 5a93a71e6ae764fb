import { mkdirSync } from 'node:fs';
import { scanCorpusRepositories } from './support/corpus-scan';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/deploy-shots';

test('platform deployments are the units of the agents they run: an AgentCore runtime with its execution role and caller, a Render cron job, a Vercel cron route', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'deployments.atw', ['agentcore-toolkit-support-py', 'render-blueprint-agents-py', 'vercel-cron-agents-ts']);
  await expect(discovery.group('Scheduled tasks')).toContainText('weekly-risk-report');
  await expect(discovery.group('Scheduled tasks')).toContainText('/api/cron/chargeback-digest');

  // The AgentCore runtime: the toolkit's config, its invocation trigger, the role it runs as, the script that calls it.
  const runtime = await discovery.openCandidate('support_graph');
  await expect(page.getByText(/Serverless function\s+support_graph\s+in\s+\.bedrock_agentcore\.yaml/)).toBeVisible();
  await expect(page.getByText('On invocations of the AgentCore Runtime (HTTP)').first()).toBeVisible();
  await expect(runtime.section('Credentials')).toContainText('arn:aws:iam::384712906551:role/northwind-support-agentcore-runtime');
  await expect(runtime.section('Linked items')).toContainText('ask_support');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.getByRole('heading', { name: 'support_graph', level: 1 }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/agentcore-${width}.png` });
  }

  // The Render cron job: its schedule in words, the agent its start command runs.
  await discovery.open();
  await discovery.openCandidate('weekly-risk-report');
  await expect(page.getByText(/Every Monday at 06:00 UTC/).first()).toBeVisible();
  await expect(page.getByText('jobs/risk_report.py').first()).toBeVisible();
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/render-cron-${width}.png` });
  }
  await discovery.open();
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/queue-${width}.png`, fullPage: true });
  }
});
