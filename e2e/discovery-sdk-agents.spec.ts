import { mkdirSync } from 'node:fs';
import { scanCorpusRepositories } from './support/corpus-scan';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/spot4-shots';

test('a Lambda that only invokes an AgentCore runtime is a remote caller named on its page, and an Agno team member shows the team it belongs to', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'sdk-agents.atw', ['strands-agentcore-py', 'agno-agentos-py']);

  const caller = await discovery.openCandidate('invoke');
  await expect(caller.header).toContainText('Remote caller');
  await expect(caller.section('Remote agent')).toContainText('Bedrock AgentCore runtime');
  await expect(caller.section('Remote agent')).toContainText('AGENT_RUNTIME_ARN');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await caller.section('Remote agent').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/agentcore-caller-${width}.png` });
  }

  await page.goBack();
  const refunds = await discovery.openCandidate('Refunds Agent');
  await expect(refunds.section('Linked items')).toContainText('Support Team');
  await expect(refunds.section('Capabilities')).toContainText('refund_charge');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/agno-team-member-${width}.png` });
  }
});
