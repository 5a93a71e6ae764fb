import { cpSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DiscoveryPage } from './page-models/discovery-page';
import { RegistryPage } from './page-models/registry-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { expect, test } from './support/web-app';

const CORPUS = resolve(import.meta.dirname, '..', 'electron', 'discovery', 'corpus', 'repos');
const SHOTS = '/tmp/spot4-shots';

test('a Lambda that only invokes an AgentCore runtime is a remote caller named on its page, and an Agno team member shows the team it belongs to', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'sdk-agents.atw'), 'Create');
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  for (const name of ['strands-agentcore-py', 'agno-agentos-py']) {
    const repo = join(app.scratch, name);
    cpSync(join(CORPUS, name, 'repo'), repo, { recursive: true });
    await discovery.addFolder(repo);
  }
  await discovery.scan();

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
