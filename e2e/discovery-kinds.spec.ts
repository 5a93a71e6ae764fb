import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscoveryPage } from './page-models/discovery-page';
import { TriagePage } from './page-models/triage-page';
import { TriageRegister } from './page-models/triage-register';
import { RegistryPage } from './page-models/registry-page';
import { WorkspaceMenu } from './page-models/workspace-menu';
import { scanCorpusRepositories } from './support/corpus-scan';
import { expect, test } from './support/web-app';

const SHOTS = '/tmp/i13-shots';

test('the queue shows MCP servers, browser agents, LangGraph deployments, remote callers and examples for what they are, linked to each other', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'kinds.atw', ['mcp-fastmcp-ledger', 'realtime-voice-concierge', 'langgraph-remote-callers', 'workflow-copies-issue-triage']);

  // Each kind in its own group; examples last, apart from the deployed CI jobs.
  await expect(discovery.group('MCP servers (tool providers)').getByRole('row').filter({ hasText: 'ledger' })).toHaveCount(1);
  await expect(discovery.group('Agents that run in the browser').getByRole('row').filter({ has: page.getByRole('gridcell') })).toHaveCount(5);
  await expect(discovery.group('LangGraph deployments (langgraph.json)')).toContainText('dispute_helper');
  await expect(discovery.group('Examples and test copies (not deployed)')).toContainText('CI/test');
  await expect(discovery.group('CI jobs')).not.toContainText('CI/test');
  await expect(discovery.group('CI jobs')).toContainText('Issue triage/triage');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await discovery.group('LangGraph deployments (langgraph.json)').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/queue-${width}.png` });
  }

  // An MCP server is a tool provider: no Confirm, a note saying what to do, links to its clients.
  const server = await discovery.openCandidate('ledger');
  await expect(server.header).toContainText('MCP server');
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toHaveCount(0);
  await expect(page.getByRole('note')).toContainText('Not an agent: this server provides tools');
  const links = server.section('Linked items');
  await expect(links).toContainText('Serves tools to');
  await expect(links).toContainText('Claude Code');
  await expect(server.section('Tools')).not.toContainText('No tool definitions seen');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/mcp-server-${width}.png` });
  }
  // The link leads to the agent, which names the server it uses.
  await links.getByRole('link', { name: 'payout-reconciler' }).click();
  await page.getByRole('heading', { name: 'payout-reconciler', level: 1 }).waitFor();
  await expect(server.section('Linked items')).toContainText('Uses MCP server');
  await expect(server.section('Linked items')).toContainText('ledger');
  await expect(page.getByRole('button', { name: 'Confirm', exact: true })).toBeVisible();

  // A remote caller names the deployed graph it starts and links to it.
  await page.goBack();
  await page.goBack();
  const caller = await discovery.openCandidate('api/chat');
  await expect(caller.header).toContainText('Remote caller');
  await expect(caller.section('Remote agent')).toContainText('LangGraph Platform deployment');
  await expect(caller.section('Remote agent')).toContainText('dispute_helper');
  await expect(caller.section('Linked items')).toContainText('Starts remote agent');
  await expect(page.getByRole('note')).toContainText('starts an agent deployed elsewhere');

  // A browser agent lists the agents it hands off to.
  await page.goBack();
  const concierge = await discovery.openCandidate('authentication');
  await expect(concierge.header).toContainText('Agent');
  await expect(page.getByText('Browser agent', { exact: false }).first()).toBeVisible();
  await expect(concierge.section('Linked items')).toContainText('Hands off to');
  await expect(concierge.section('Linked items')).toContainText('returns');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/browser-agent-${width}.png` });
  }

});

test('an action whose code writes the MCP config it hands to Claude lists those servers, with the secrets they are given', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'code-servers.atw', ['claude-loaded-mcp-configs']);
  const action = await discovery.openCandidate('PR Bot');
  const servers = action.section('MCP servers');
  await expect(servers).toContainText('github');
  await expect(servers).toContainText('docker');
  await expect(servers).toContainText('given GITHUB_PERSONAL_ACCESS_TOKEN');
  await expect(action.section('Linked items')).toContainText('pr-bot-comments');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await servers.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/code-mcp-servers-${width}.png` });
  }
});

test('a script that starts a Temporal workflow is a remote caller of the worker that registers it, named on its page', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const registry = new RegistryPage(page);
  await registry.goto(app.url);
  await new WorkspaceMenu(page).submitPath('New…', join(app.scratch, 'temporal.atw'), 'Create');
  const repo = join(app.scratch, 'agent-loop');
  const files: Record<string, string> = {
    'pyproject.toml': '[project]\nname = "agent-loop"\ndependencies = ["temporalio>=1.9", "openai>=1.50"]\n',
    'workflows/agent.py': 'from datetime import timedelta\nfrom temporalio import workflow\n\nwith workflow.unsafe.imports_passed_through():\n    from activities import openai_responses\n\n@workflow.defn\nclass AgentWorkflow:\n    @workflow.run\n    async def run(self, query: str) -> str:\n        return await workflow.execute_activity(openai_responses.create, query, start_to_close_timeout=timedelta(seconds=60))\n',
    'activities/openai_responses.py': 'from openai import AsyncOpenAI\nfrom temporalio import activity\n\nclient = AsyncOpenAI()\n\n@activity.defn\nasync def create(query: str) -> str:\n    return (await client.responses.create(model="gpt-4o-mini", input=query)).output_text\n',
    'worker.py': 'import asyncio\nfrom temporalio.client import Client\nfrom temporalio.worker import Worker\nfrom workflows.agent import AgentWorkflow\nfrom activities import openai_responses\n\nasync def main():\n    client = await Client.connect("localhost:7233")\n    await Worker(client, task_queue="agent-queue", workflows=[AgentWorkflow], activities=[openai_responses.create]).run()\n\nif __name__ == "__main__":\n    asyncio.run(main())\n',
    'start_workflow.py': 'import asyncio\nimport sys\nfrom temporalio.client import Client\nfrom workflows.agent import AgentWorkflow\n\nasync def main():\n    client = await Client.connect("localhost:7233")\n    print(await client.execute_workflow(AgentWorkflow.run, sys.argv[1], id="agent-1", task_queue="agent-queue"))\n\nif __name__ == "__main__":\n    asyncio.run(main())\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(repo, path, '..'), { recursive: true });
    writeFileSync(join(repo, path), text);
  }
  const discovery = new DiscoveryPage(page);
  await discovery.open();
  await discovery.addFolder(repo);
  await discovery.scan();
  const caller = await discovery.openCandidate('start_workflow');
  await expect(caller.header).toContainText('Remote caller');
  await expect(caller.section('Remote agent')).toContainText('Temporal workflow');
  await expect(caller.section('Remote agent')).toContainText('AgentWorkflow');
  await expect(caller.section('Linked items')).toContainText('Starts remote agent');
  await expect(caller.section('Linked items')).toContainText('worker');
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await caller.section('Remote agent').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/temporal-caller-${width}.png` });
  }
});

test('a supervisor confirmed on its own carries the refund its worker can issue on the irreversible-actions register, said to come through the worker', async ({ app, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  const discovery = await scanCorpusRepositories(app, page, 'supervisor.atw', ['langgraph-platform-support']);
  const supervisor = await discovery.openCandidate('support');
  // In the queue the supervisor holds no tool of its own; its worker is an item of its own.
  await expect(supervisor.section('Capabilities')).toContainText('No shell, network, data, messaging, file or payment access seen');
  await expect(supervisor.section('Linked items')).toContainText('billing_agent');
  await supervisor.confirm();

  await new TriagePage(page).open();
  const register = new TriageRegister(page);
  await register.open();
  const rows = register.rows().filter({ hasText: 'support' });
  await expect(rows.filter({ hasText: 'through sub-agent billing_agent' }).first()).toBeVisible();
  for (const [width, height] of [[1440, 900], [1024, 700]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/supervisor-register-${width}.png` });
  }
});
